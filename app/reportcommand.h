#pragma once

namespace poc::app {

class AppSession;
struct Invocation;

// Polls once and writes the report bundle into --out.
int runReportCommand(const Invocation &invocation, AppSession &session);

} // namespace poc::app
