#pragma once

#include "core/configloader.h"

#include <memory>

namespace poc::replica {
class ReplicaServer;
}

namespace poc::app {

struct Invocation;

// The config a run uses, and the in-process replica behind it for --demo.
struct AppConfig {
    ConfigLoadResult load;
    std::shared_ptr<replica::ReplicaServer> replica; // set for --demo only
    QString startError; // the replica could not start; user-facing
};

// Resolves --demo, --config FILE, the user's config file or the embedded default,
// in that order. With --demo the replica starts here, on a free loopback port.
AppConfig resolveConfig(const Invocation &invocation);

// Prints warnings and errors to standard error as "file:line:column: key: message".
void printConfigIssues(const ConfigLoadResult &load);

} // namespace poc::app
