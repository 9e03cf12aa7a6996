#pragma once

#include "route.h"

#include <QList>

#include <memory>

namespace poc::replica {

class ReplicaState;

// Kibana's console proxy and a direct Elasticsearch _search over the Engine's logs.
QList<Route> kibanaRoutes(const std::shared_ptr<ReplicaState> &state);

} // namespace poc::replica
