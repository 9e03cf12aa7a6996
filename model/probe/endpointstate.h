#pragma once

#include <QString>

namespace poc {

// The health of one endpoint, as `check` prints it and the status board shows it.
enum class EndpointState {
    Up,
    AuthRequired,    // 401/403, or a redirect to the identity provider's sign-in
    Degraded,        // unexpected status or body, or slower than its threshold
    Down,            // 5xx
    Unreachable,     // DNS failure or connection refused
    Timeout,
    TlsError,
    InvalidResponse, // a body that is not what the endpoint serves, e.g. HTML instead of JSON
    NotConfigured,
};

// The stable name used in JSON and on screen: "up", "auth_required", ...
QString toString(EndpointState state);

// Up and AuthRequired are healthy, because an endpoint that requires sign-in is serving requests.
bool isHealthy(EndpointState state);

} // namespace poc
