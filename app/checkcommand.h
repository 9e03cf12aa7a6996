#pragma once

namespace poc::app {

class AppSession;
struct Invocation;

// Polls everything once and prints the snapshot. Returns 0 when all is healthy and
// no gap is open, 1 otherwise.
int runCheckCommand(const Invocation &invocation, AppSession &session);

} // namespace poc::app
