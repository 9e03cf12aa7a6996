#pragma once

#include "enginelogs.h"
#include "searchrequest.h"

#include <QJsonObject>

#include <variant>

namespace poc::replica {

// Builds an Elasticsearch 8.x _search response over the lines of `streams` that match
// `request`. With `shardFailure` one of two shards is reported failed, as Elasticsearch
// does when a data node drops out. The hits still come back, as partial results do.
std::variant<QJsonObject, SearchError> searchResponse(const SearchRequest &request, const QList<LogStream> &streams,
                                                      bool shardFailure);

// Elasticsearch's error envelope: {"error":{"root_cause":[…],"type","reason"},"status"}.
QJsonObject esErrorBody(const SearchError &error);

} // namespace poc::replica
