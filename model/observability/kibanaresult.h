#pragma once

#include "observability/fetchstate.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace poc {

// One log line of a search, newest first in KibanaResult::lines.
struct KibanaLine {
    QDateTime timestamp;
    QString message;
    QList<QPair<QString, QString>> fields; // configured fields present in the document, in config order

    QString field(const QString &name) const;
};

// Hits in one minute of the search window.
struct KibanaBucket {
    QDateTime start;
    qint64 count = 0;
};

// Result of one Kibana query, with everything the panel, the gap rules and `check` show.
struct KibanaResult {
    QString queryId;
    QString query; // the Lucene query as configured
    QString index;
    QUrl url;      // where the search was sent, without credentials

    FetchState state = FetchState::NotConfigured;
    QString message; // user-facing sentence when state is not Ok
    QString detail;  // technical detail for the curious
    int httpStatus = 0;

    QDateTime from; // absolute search window, UTC
    QDateTime to;
    QDateTime fetchedAt;

    qint64 totalHits = 0;
    bool totalIsLowerBound = false; // Elasticsearch counted at least totalHits ("relation": "gte")
    QDateTime lastOccurrence;
    QList<KibanaBucket> histogram;
    QList<KibanaLine> lines;
    QStringList warnings;

    bool hasData() const { return poc::hasData(state); }
};

// The result as `check` prints it: state, message, total_hits, total_relation, last_occurrence,
// from, to, fetched_at, histogram[], lines[], warnings[].
QJsonObject toJson(const KibanaResult &result);

} // namespace poc
