#pragma once

#include "querystring.h"

#include <QByteArray>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>
#include <variant>

namespace poc::replica {

// An error in Elasticsearch's terms: HTTP status, exception type and reason.
struct SearchError {
    int status = 400;
    QString type;
    QString reason;
};

struct DateHistogramRequest {
    QString name;
    qint64 intervalMs = 0;
    qint64 minDocCount = 0;
    std::optional<qint64> boundsFromMs;
    std::optional<qint64> boundsToMs;
};

// The parts of an Elasticsearch _search body that the replica honours. The time range
// comes from `range` clauses on @timestamp anywhere under must/filter. Both bounds are
// inclusive Unix milliseconds, and the upper one is never later than now because no
// line is logged in the future.
struct SearchRequest {
    qint64 fromMs = 0;
    qint64 toMs = 0;
    qsizetype size = 10;
    qsizetype offset = 0;
    bool sorted = false;
    bool ascending = false;
    bool trackTotalHits = true;
    std::optional<qint64> totalHitsLimit = 10'000; // nullopt: count exactly
    DocumentFilter filter;
    QList<DateHistogramRequest> histograms;
    bool includeSource = true;
    QStringList sourceIncludes; // dotted field names or wildcards; empty means every field
};

// Parses a _search body. `_source` may be false, a field list or {"includes": […]}. Supported queries: match_all, bool (must, filter, should,
// must_not), range on @timestamp, query_string, match, match_phrase, term and exists.
// Supported aggregations: date_histogram. Anything else is a parsing_exception, as
// Elasticsearch reports unknown queries.
std::variant<SearchRequest, SearchError> parseSearchRequest(const QByteArray &body, qint64 nowMs);

// Parses an Elasticsearch date: epoch milliseconds, ISO 8601, or date math such as
// "now-15m" and "now/d".
std::optional<qint64> parseEsDate(const QJsonValue &value, qint64 nowMs);

// Parses an interval such as "30s", "1m", "1h", "1d" or a calendar unit name ("minute").
std::optional<qint64> parseEsInterval(const QString &text);

} // namespace poc::replica
