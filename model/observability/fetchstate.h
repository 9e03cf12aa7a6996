#pragma once

#include <QString>

namespace poc {

// Outcome of one Kibana or Mimir request, as shown on the panel and in `check` JSON.
enum class FetchState {
    Ok,
    Partial,           // an answer with hits, but Elasticsearch timed out or some shards failed
    NotConfigured,
    AuthRequired,      // 401/403, a redirect, or an HTML sign-in page in place of JSON
    TenantRejected,    // Mimir's 401 "no org id": the X-Scope-OrgID header was missing or rejected
    QueryError,        // the server rejected the query (Elasticsearch error body, Prometheus status "error")
    HttpError,         // another non-2xx status without a recognisable error body
    InvalidResponse,   // malformed JSON or an unexpected document
    Timeout,
    Unreachable,       // DNS failure, connection refused and other transport errors
    SecretUnavailable, // the keychain entry could not be read
    InsecureTransport, // a secret would go over plain http to a host that is not loopback
};

// "ok", "partial", "not_configured", "auth_required", "tenant_rejected", "query_error",
// "http_error", "invalid_response", "timeout", "unreachable", "secret_unavailable",
// "insecure_transport".
QString toString(FetchState state);

// Whether a result in this state carries data that can be used as evidence.
bool hasData(FetchState state);

} // namespace poc
