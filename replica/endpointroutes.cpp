#include "endpointroutes.h"

#include "replicastate.h"

#include <QJsonObject>
#include <QUrl>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace poc::replica {

namespace {

using Method = QHttpServerRequest::Method;

// The tenant and client ids are all-zero placeholders: this is demo data.
constexpr auto kTenantAuthorizeUrl =
    "https://login.microsoftonline.com/00000000-0000-0000-0000-000000000000/oauth2/v2.0/authorize";
constexpr auto kClientId = "11111111-1111-1111-1111-111111111111";

Reply badGateway()
{
    return htmlReply("<html><head><title>502 Bad Gateway</title></head>"
                     "<body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>\n",
                     502);
}

Reply serviceUnavailable()
{
    return htmlReply("<html><head><title>503 Service Temporarily Unavailable</title></head>"
                     "<body><center><h1>503 Service Temporarily Unavailable</h1></center><hr><center>nginx</center>"
                     "</body></html>\n",
                     503);
}

Reply withScenarioDelay(Reply reply, const ReplicaState &state)
{
    if (state.scenario() == Scenario::Slow)
        reply.delay = state.slowDelay();
    return reply;
}

Reply engineHealth(const ReplicaState &state)
{
    if (state.scenario() == Scenario::Outage)
        return jsonReply(QJsonObject{{u"healthy"_s, false}}, 503);
    return jsonReply(QJsonObject{{u"healthy"_s, true}});
}

Reply serviceStatus(const ReplicaState &state, const QString &service)
{
    if (state.scenario() == Scenario::Outage)
        return badGateway();
    return jsonReply(QJsonObject{{u"service"_s, service}, {u"status"_s, u"ok"_s}});
}

Reply dashboard(const ReplicaState &state, const QHttpServerRequest &request)
{
    if (state.scenario() == Scenario::Outage)
        return serviceUnavailable();

    Reply reply = htmlReply({}, 302);
    reply.addHeader("Location", dashboardSignInUrl("http://" + request.value("Host")));
    return reply;
}

Route endpoint(const QString &path, const std::shared_ptr<ReplicaState> &state,
               std::function<Reply(const ReplicaState &, const QHttpServerRequest &)> build)
{
    return Route{Method::Get, path, [state, build](const QHttpServerRequest &request, const QString &) {
                     return withScenarioDelay(build(*state, request), *state);
                 }};
}

} // namespace

QByteArray dashboardSignInUrl(const QByteArray &origin)
{
    QUrlQuery query;
    query.addQueryItem(u"client_id"_s, QString::fromLatin1(kClientId));
    query.addQueryItem(u"response_type"_s, u"code"_s);
    query.addQueryItem(u"redirect_uri"_s, QString::fromUtf8(origin) + u"/dashboard/callback"_s);
    query.addQueryItem(u"scope"_s, u"openid profile email"_s);
    query.addQueryItem(u"state"_s, u"demo"_s);

    QUrl url(QString::fromLatin1(kTenantAuthorizeUrl));
    url.setQuery(query);
    return url.toEncoded();
}

QList<Route> endpointRoutes(const std::shared_ptr<ReplicaState> &state)
{
    return {
        endpoint(u"/engine/v1/health"_s, state,
                 [](const ReplicaState &s, const QHttpServerRequest &) { return engineHealth(s); }),
        endpoint(u"/coordinator/"_s, state,
                 [](const ReplicaState &s, const QHttpServerRequest &) { return serviceStatus(s, u"coordinator"_s); }),
        endpoint(u"/dashboard/"_s, state, dashboard),
        endpoint(u"/experience/"_s, state,
                 [](const ReplicaState &s, const QHttpServerRequest &) { return serviceStatus(s, u"experience"_s); }),
    };
}

} // namespace poc::replica
