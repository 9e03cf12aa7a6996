#pragma once

#include "route.h"

#include <QList>

#include <memory>

namespace poc::replica {

class ReplicaState;

// Mimir's Prometheus-compatible query API under /prometheus/api/v1, honouring X-Scope-OrgID.
QList<Route> mimirRoutes(const std::shared_ptr<ReplicaState> &state);

} // namespace poc::replica
