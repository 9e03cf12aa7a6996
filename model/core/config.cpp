#include "core/config.h"

#include <QCryptographicHash>

namespace poc {

QString Config::sha256() const
{
    return QString::fromLatin1(QCryptographicHash::hash(sourceText, QCryptographicHash::Sha256).toHex());
}

const EndpointConfig *Config::endpoint(QStringView name) const
{
    for (const EndpointConfig &endpoint : endpoints) {
        if (endpoint.name == name)
            return &endpoint;
    }
    return nullptr;
}

const KibanaQuery *Config::kibanaQuery(QStringView id) const
{
    for (const KibanaQuery &query : kibana.queries) {
        if (query.id == id)
            return &query;
    }
    return nullptr;
}

const MimirQuery *Config::mimirQuery(QStringView id) const
{
    for (const MimirQuery &query : mimir.queries) {
        if (query.id == id)
            return &query;
    }
    return nullptr;
}

QString toString(EndpointExpectation expectation)
{
    switch (expectation) {
    case EndpointExpectation::EngineHealth:
        return QStringLiteral("engine-health");
    case EndpointExpectation::Reachable:
        return QStringLiteral("reachable");
    case EndpointExpectation::SignInRedirect:
        return QStringLiteral("sign-in-redirect");
    }
    return {};
}

QString toString(HttpAuth auth)
{
    switch (auth) {
    case HttpAuth::None:
        return QStringLiteral("none");
    case HttpAuth::Basic:
        return QStringLiteral("basic");
    case HttpAuth::Bearer:
        return QStringLiteral("bearer");
    case HttpAuth::ApiKey:
        return QStringLiteral("apikey");
    }
    return {};
}

QString toString(FactCheck check)
{
    switch (check) {
    case FactCheck::None:
        return QStringLiteral("none");
    case FactCheck::EndpointsAnswer:
        return QStringLiteral("endpoints-answer");
    case FactCheck::GatewayUrlForm:
        return QStringLiteral("gateway-url-form");
    case FactCheck::ExportFailureInKibana:
        return QStringLiteral("export-failure-in-kibana");
    case FactCheck::NoEngineSeriesInMimir:
        return QStringLiteral("no-engine-series-in-mimir");
    case FactCheck::IdentityProvider:
        return QStringLiteral("identity-provider");
    }
    return {};
}

} // namespace poc
