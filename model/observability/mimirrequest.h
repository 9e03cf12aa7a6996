#pragma once

#include <QDateTime>
#include <QString>
#include <QUrl>

namespace poc {

struct MimirConfig;
struct MimirQuery;

// The Prometheus HTTP API URL for `query`: /api/v1/query_range (start, end, step),
// /api/v1/query (time = to) or /api/v1/series (match[], start, end), under the configured base.
QUrl mimirQueryUrl(const MimirConfig &config, const MimirQuery &query, const QDateTime &from, const QDateTime &to);

// A Grafana Explore link for `expr` pinned to the absolute window from `from` to `to`
// (epoch milliseconds in the "left" pane state). Empty when mimir.grafana_url is empty.
QUrl exploreUrl(const MimirConfig &config, const QString &expr, const QDateTime &from, const QDateTime &to);

} // namespace poc
