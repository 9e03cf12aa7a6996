#pragma once

#include "route.h"

#include <QList>

#include <memory>

namespace poc::replica {

class ReplicaState;

// The four public endpoints: Engine health, Coordinator, Dashboard and Experience API.
QList<Route> endpointRoutes(const std::shared_ptr<ReplicaState> &state);

// The sign-in URL the Dashboard redirects to, for a replica reached at `origin`
// (such as "http://127.0.0.1:40123").
QByteArray dashboardSignInUrl(const QByteArray &origin);

} // namespace poc::replica
