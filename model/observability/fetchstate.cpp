#include "observability/fetchstate.h"

namespace poc {

QString toString(FetchState state)
{
    switch (state) {
    case FetchState::Ok: return QStringLiteral("ok");
    case FetchState::Partial: return QStringLiteral("partial");
    case FetchState::NotConfigured: return QStringLiteral("not_configured");
    case FetchState::AuthRequired: return QStringLiteral("auth_required");
    case FetchState::TenantRejected: return QStringLiteral("tenant_rejected");
    case FetchState::QueryError: return QStringLiteral("query_error");
    case FetchState::HttpError: return QStringLiteral("http_error");
    case FetchState::InvalidResponse: return QStringLiteral("invalid_response");
    case FetchState::Timeout: return QStringLiteral("timeout");
    case FetchState::Unreachable: return QStringLiteral("unreachable");
    case FetchState::SecretUnavailable: return QStringLiteral("secret_unavailable");
    case FetchState::InsecureTransport: return QStringLiteral("insecure_transport");
    }
    return QStringLiteral("unknown");
}

bool hasData(FetchState state)
{
    return state == FetchState::Ok || state == FetchState::Partial;
}

} // namespace poc
