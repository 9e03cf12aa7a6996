#pragma once

namespace poc::app {

struct AppConfig;
struct Invocation;

// Opens the dashboard window and runs the event loop until it closes.
int runWindowCommand(const Invocation &invocation, AppConfig &appConfig);

} // namespace poc::app
