#pragma once

#include "scenario.h"

#include <QString>

namespace poc::replica {

// Serves the replica on `listen`, a "HOST:PORT" value, until SIGINT or SIGTERM, and
// prints the base URL and the routes to standard output. An empty `listen` means
// 127.0.0.1 on a free port. Needs a QCoreApplication. Returns 0 after a clean shutdown,
// 1 when it cannot listen and 2 for an invalid `listen` value.
int runReplicaCommand(const QString &listen, Scenario scenario);

} // namespace poc::replica
