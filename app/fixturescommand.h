#pragma once

#include <QStringList>

namespace poc {
struct Config;
}

namespace poc::app {

// Runs `fixtures list|set|set-api-key|delete-api-key|verify`; `arguments` is what
// follows `fixtures` on the command line. Returns 0 on success, 1 when a check or an
// operation failed (a mismatch, an unreachable keychain), 2 for invalid usage.
int runFixturesCommand(const QStringList &arguments, const Config &config, bool demo);

} // namespace poc::app
