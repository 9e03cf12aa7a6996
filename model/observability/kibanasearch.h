#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QUrl>

namespace poc {

struct KibanaConfig;
struct KibanaQuery;

// The `_search` URL: Kibana's console proxy
// (`<kibana>/api/console/proxy?path=<index>/_search&method=POST`) or Elasticsearch
// itself (`<es>/<index>/_search`), per KibanaConfig::mode.
QUrl kibanaSearchUrl(const KibanaConfig &config);

// The `_search` body. Its bool filter holds the Lucene query and a range on the time field
// from `from` to `to`. It asks for the newest `sampleSize` hits, an exact total and a
// per-minute histogram, with `_source` limited to the time field, message and configured fields.
QByteArray kibanaSearchBody(const KibanaConfig &config, const KibanaQuery &query,
                            const QDateTime &from, const QDateTime &to);

// Quotes `text` as a rison string: '...' with ' written as !' and ! as !!.
QString risonString(const QString &text);

// A Kibana Discover link showing `query` over the absolute window from `from` to `to`,
// on the configured data view (or the index pattern when no data view id is set).
QUrl discoverUrl(const KibanaConfig &config, const QString &query, const QDateTime &from, const QDateTime &to);

// An absolute UTC time as Elasticsearch and Kibana expect it: "2026-06-18T09:15:00.000Z".
QString isoTime(const QDateTime &time);

} // namespace poc
