#include "probe/endpointstate.h"

using namespace Qt::StringLiterals;

namespace poc {

QString toString(EndpointState state)
{
    switch (state) {
    case EndpointState::Up:
        return u"up"_s;
    case EndpointState::AuthRequired:
        return u"auth_required"_s;
    case EndpointState::Degraded:
        return u"degraded"_s;
    case EndpointState::Down:
        return u"down"_s;
    case EndpointState::Unreachable:
        return u"unreachable"_s;
    case EndpointState::Timeout:
        return u"timeout"_s;
    case EndpointState::TlsError:
        return u"tls_error"_s;
    case EndpointState::InvalidResponse:
        return u"invalid_response"_s;
    case EndpointState::NotConfigured:
        return u"not_configured"_s;
    }
    return {};
}

bool isHealthy(EndpointState state)
{
    return state == EndpointState::Up || state == EndpointState::AuthRequired;
}

} // namespace poc
