#pragma once

namespace poc::app {

class AppSession;
struct Invocation;

// Polls once, renders --panel offscreen and writes --out with its provenance sidecar.
int runCaptureCommand(const Invocation &invocation, AppSession &session);

} // namespace poc::app
