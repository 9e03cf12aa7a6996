#pragma once

#include "core/config.h"
#include "observability/fetchstate.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>

namespace poc {

// The `resultType` of a Prometheus query response, or Series for a response of /api/v1/series.
enum class MimirResultType { None, Vector, Matrix, Scalar, String, Series };

// "none", "vector", "matrix", "scalar", "string", "series".
QString toString(MimirResultType type);

struct MimirSample {
    qint64 timeMs = 0; // Unix epoch milliseconds
    double value = 0;
};

// One series: its labels sorted by name, and its samples in time order
// (one for an instant vector, none for a series listing).
struct MimirSeries {
    QList<QPair<QString, QString>> labels;
    QList<MimirSample> samples;

    // The series in PromQL notation: name{label="value", ...}.
    QString displayName() const;
};

// Result of one Mimir query, with everything the panel, the gap rules and `check` show.
struct MimirResult {
    QString queryId;
    QString promql;
    MimirQueryKind kind = MimirQueryKind::Range;
    QUrl url; // the endpoint the query was sent to, without its query string

    FetchState state = FetchState::NotConfigured;
    QString message; // user-facing sentence when state is not Ok
    QString detail;
    int httpStatus = 0;

    QDateTime from; // absolute query window, UTC; from == to for an instant query
    QDateTime to;
    QDateTime fetchedAt;

    MimirResultType resultType = MimirResultType::None;
    QList<MimirSeries> series;
    std::optional<MimirSample> scalar; // for scalar results
    QStringList warnings;

    bool hasData() const { return poc::hasData(state); }
    qsizetype seriesCount() const { return series.size(); }
};

// The result as `check` prints it: state, message, result_type, series_count, series[]
// (labels and the last sample), scalar, from, to, fetched_at, warnings[].
QJsonObject toJson(const MimirResult &result);

} // namespace poc
