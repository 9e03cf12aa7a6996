#include "kibanaroutes.h"

#include "enginelogs.h"
#include "replicastate.h"
#include "searchresponse.h"

#include <QDateTime>
#include <QJsonObject>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace poc::replica {

namespace {

using Method = QHttpServerRequest::Method;

Reply kibanaError(int status, const QString &error, const QString &message)
{
    return jsonReply(QJsonObject{{u"statusCode"_s, status}, {u"error"_s, error}, {u"message"_s, message}}, status);
}

Reply esError(const SearchError &error)
{
    return jsonReply(esErrorBody(error), error.status);
}

Reply kibanaSignInPage()
{
    return htmlReply("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"/>"
                     "<title>Elastic</title></head><body>"
                     "<div class=\"kbnWelcomeView\"><h1>Welcome to Elastic</h1>"
                     "<form action=\"/kibana/internal/security/login\" method=\"post\">"
                     "<label>Username <input name=\"username\"/></label>"
                     "<label>Password <input name=\"password\" type=\"password\"/></label>"
                     "<button type=\"submit\">Log in</button></form></div></body></html>\n");
}

Reply esUnauthorized(const QString &path)
{
    Reply reply = esError({401, u"security_exception"_s,
                           u"missing authentication credentials for REST request [%1]"_s.arg(path)});
    reply.addHeader("WWW-Authenticate", R"(Basic realm="security" charset="UTF-8")");
    reply.addHeader("WWW-Authenticate", "ApiKey");
    return reply;
}

Reply search(const ReplicaState &state, const QByteArray &body)
{
    const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
    const auto request = parseSearchRequest(body, nowMs);
    if (const auto *error = std::get_if<SearchError>(&request))
        return esError(*error);

    const bool shardFailure = state.scenario() == Scenario::ShardFailure;
    const auto response = searchResponse(std::get<SearchRequest>(request), engineLogStreams(state.servesFixedData()), shardFailure);
    if (const auto *error = std::get_if<SearchError>(&response))
        return esError(*error);

    Reply reply = jsonReply(std::get<QJsonObject>(response));
    if (state.scenario() == Scenario::SlowSearch)
        reply.delay = state.slowDelay();
    return reply;
}

// The proxied path must be "<index>/_search", optionally with a query string.
bool isSearchPath(const QString &path)
{
    const QString withoutQuery = path.section(u'?', 0, 0);
    return withoutQuery.endsWith(u"/_search") && !withoutQuery.startsWith(u'_');
}

Reply consoleProxy(const ReplicaState &state, const QHttpServerRequest &request)
{
    if (state.scenario() == Scenario::AuthExpired)
        return kibanaError(401, u"Unauthorized"_s, u"Unauthorized"_s);
    if (state.scenario() == Scenario::KibanaSignIn)
        return kibanaSignInPage();
    if (request.value("kbn-xsrf").isNull())
        return kibanaError(400, u"Bad Request"_s, u"Request must contain a kbn-xsrf header."_s);

    const QUrlQuery query = request.query();
    const QString path = query.queryItemValue(u"path"_s, QUrl::FullyDecoded);
    const QString method = query.queryItemValue(u"method"_s, QUrl::FullyDecoded);
    if (path.isEmpty() || method.isEmpty())
        return kibanaError(400, u"Bad Request"_s, u"[request query.path]: expected value of type [string] but got [undefined]"_s);
    if (!isSearchPath(path) || (method != u"POST" && method != u"GET"))
        return esError({400, u"illegal_argument_exception"_s,
                        u"the replica serves only POST <index>/_search, not [%1 %2]"_s.arg(method, path)});
    return search(state, request.body());
}

Reply directSearch(const ReplicaState &state, const QHttpServerRequest &request)
{
    if (state.scenario() == Scenario::AuthExpired)
        return esUnauthorized(request.url().path());
    return search(state, request.body());
}

} // namespace

QList<Route> kibanaRoutes(const std::shared_ptr<ReplicaState> &state)
{
    return {
        Route{Method::Post, u"/kibana/api/console/proxy"_s,
              [state](const QHttpServerRequest &request, const QString &) { return consoleProxy(*state, request); }},
        Route{Method::Get, u"/kibana/app/{app}"_s,
              [](const QHttpServerRequest &request, const QString &) {
                  return standInPage(u"Kibana"_s, QString::fromUtf8(request.url().toEncoded(QUrl::RemoveScheme | QUrl::RemoveAuthority)));
              }},
        Route{Method::Get | Method::Post, u"/elasticsearch/{index}/_search"_s,
              [state](const QHttpServerRequest &request, const QString &) { return directSearch(*state, request); }},
    };
}

} // namespace poc::replica
