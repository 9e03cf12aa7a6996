#include "mcpgateway.h"

#include "mcptools.h"
#include "replicaserver.h"
#include "replicastate.h"

#include "core/logging.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace poc::replica {

namespace {

using Method = QHttpServerRequest::Method;

constexpr qsizetype kToolsPerPage = 2;

// Clients that never send DELETE leave sessions behind, so beyond this many the oldest is dropped.
constexpr qsizetype kMaxSessions = 1000;

// JSON-RPC 2.0 error codes, and the server-error codes that the MCP TypeScript SDK (1.32)
// uses for transport errors.
constexpr int kParseError = -32700;
constexpr int kInvalidRequest = -32600;
constexpr int kMethodNotFound = -32601;
constexpr int kInvalidParams = -32602;
constexpr int kTransportError = -32000;
constexpr int kSessionNotFound = -32001;

const QStringList &supportedProtocolVersions()
{
    static const QStringList versions{u"2025-06-18"_s, u"2025-03-26"_s, u"2024-11-05"_s};
    return versions;
}

QJsonObject rpcError(const QJsonValue &id, int code, const QString &message)
{
    return {{u"jsonrpc"_s, u"2.0"_s}, {u"id"_s, id}, {u"error"_s, QJsonObject{{u"code"_s, code}, {u"message"_s, message}}}};
}

QJsonObject rpcResult(const QJsonValue &id, const QJsonObject &result)
{
    return {{u"jsonrpc"_s, u"2.0"_s}, {u"id"_s, id}, {u"result"_s, result}};
}

Reply transportError(int status, int code, const QString &message)
{
    return jsonReply(rpcError(QJsonValue::Null, code, message), status);
}

Reply gatewayError(int status, const QString &name, const QString &message)
{
    return jsonReply(QJsonObject{{u"name"_s, name}, {u"message"_s, message}}, status);
}

bool acceptsJsonAndEventStream(const QByteArray &accept)
{
    const QByteArray lower = accept.toLower();
    return lower.contains("application/json") && lower.contains("text/event-stream");
}

QString encodeCursor(qsizetype offset)
{
    return QString::fromLatin1(("tools:" + QByteArray::number(offset)).toBase64());
}

std::optional<qsizetype> decodeCursor(const QString &cursor)
{
    const QByteArray decoded = QByteArray::fromBase64(cursor.toLatin1());
    if (!decoded.startsWith("tools:"))
        return std::nullopt;
    bool ok = false;
    const qsizetype offset = decoded.mid(6).toLongLong(&ok);
    return ok && offset >= 0 ? std::optional<qsizetype>(offset) : std::nullopt;
}

QJsonObject listTools(const QJsonValue &id, const QJsonObject &params)
{
    qsizetype offset = 0;
    if (params.contains(u"cursor"_s)) {
        const auto decoded = decodeCursor(params.value(u"cursor"_s).toString());
        if (!decoded)
            return rpcError(id, kInvalidParams, u"Invalid cursor"_s);
        offset = *decoded;
    }

    const QJsonArray all = mcpToolDescriptions();
    QJsonArray page;
    for (qsizetype i = offset; i < all.size() && i < offset + kToolsPerPage; ++i)
        page.append(all.at(i));

    QJsonObject result{{u"tools"_s, page}};
    if (offset + kToolsPerPage < all.size())
        result.insert(u"nextCursor"_s, encodeCursor(offset + kToolsPerPage));
    return rpcResult(id, result);
}

QJsonObject callTool(const QJsonValue &id, const QJsonObject &params, const QString &userId)
{
    const QString name = params.value(u"name"_s).toString();
    const auto result = callMcpTool(name, params.value(u"arguments"_s).toObject(), userId);
    if (!result)
        return rpcError(id, kInvalidParams, u"Unknown tool: %1"_s.arg(name));
    return rpcResult(id, *result);
}

} // namespace

McpGateway::McpGateway(std::shared_ptr<ReplicaState> state)
    : m_state(std::move(state))
{
}

QString McpGateway::baselineSlug()
{
    return u"baseline"_s;
}

QList<Route> McpGateway::routes()
{
    return {Route{Method::Get | Method::Post | Method::Delete, u"/mcp/{slug}"_s,
                  [this](const QHttpServerRequest &request, const QString &slug) { return handleRequest(request, slug); }}};
}

Reply McpGateway::handleRequest(const QHttpServerRequest &request, const QString &slug)
{
    if (const auto rejected = checkHeaders(request))
        return *rejected;
    if (slug != baselineSlug())
        return gatewayError(404, u"not_found"_s, u"No MCP gateway with slug '%1' exists in this project."_s.arg(slug));

    Reply reply = emptyReply(405);
    if (request.method() == Method::Post)
        reply = handlePost(request, slug);
    else if (request.method() == Method::Delete)
        reply = handleDelete(request, slug);
    else
        reply.addHeader("Allow", "POST, DELETE");

    if (m_state->scenario() == Scenario::Slow)
        reply.delay = m_state->slowDelay();
    return reply;
}

std::optional<Reply> McpGateway::checkHeaders(const QHttpServerRequest &request) const
{
    const QByteArray expected = "Bearer " + ReplicaServer::demoApiKey();
    if (m_state->scenario() == Scenario::AuthExpired || request.value("Authorization") != expected) {
        Reply reply = gatewayError(401, u"unauthorized"_s, u"The API key is missing, invalid or expired."_s);
        reply.addHeader("WWW-Authenticate", "Bearer");
        return reply;
    }
    if (request.value("Arcade-User-ID").trimmed().isEmpty())
        return gatewayError(400, u"bad_request"_s, u"The Arcade-User-ID header is required with an API key."_s);
    return std::nullopt;
}

std::optional<Reply> McpGateway::checkSession(const QHttpServerRequest &request, const QString &slug) const
{
    const QString sessionId = QString::fromLatin1(request.value("Mcp-Session-Id"));
    if (sessionId.isEmpty())
        return transportError(400, kTransportError, u"Bad Request: the Mcp-Session-Id header is required"_s);
    const auto session = m_sessions.constFind(sessionId);
    if (session == m_sessions.cend() || session->slug != slug)
        return transportError(404, kSessionNotFound, u"Session not found"_s);

    const QString version = QString::fromLatin1(request.value("MCP-Protocol-Version"));
    if (!version.isEmpty() && !supportedProtocolVersions().contains(version))
        return transportError(400, kTransportError, u"Bad Request: unsupported protocol version %1"_s.arg(version));
    return std::nullopt;
}

Reply McpGateway::handlePost(const QHttpServerRequest &request, const QString &slug)
{
    if (!acceptsJsonAndEventStream(request.value("Accept")))
        return transportError(406, kTransportError, u"Not Acceptable: the client must accept both application/json and text/event-stream"_s);
    if (!request.value("Content-Type").toLower().startsWith("application/json"))
        return transportError(415, kTransportError, u"Unsupported Media Type: the body must be application/json"_s);

    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(request.body(), &parseError);
    if (document.isNull())
        return transportError(400, kParseError, u"Parse error: %1"_s.arg(parseError.errorString()));
    if (!document.isObject())
        return transportError(400, kInvalidRequest, u"Invalid Request: batches are not supported"_s);

    const QJsonObject message = document.object();
    if (message.value(u"method"_s).toString() == u"initialize")
        return initialize(request, message, slug);
    if (const auto rejected = checkSession(request, slug))
        return *rejected;

    // Notifications and the client's responses get no JSON-RPC reply.
    if (!message.contains(u"id"_s) || !message.contains(u"method"_s))
        return emptyReply(202);
    return rpcReply(request, dispatch(message, QString::fromUtf8(request.value("Arcade-User-ID"))));
}

Reply McpGateway::handleDelete(const QHttpServerRequest &request, const QString &slug)
{
    if (const auto rejected = checkSession(request, slug))
        return *rejected;

    const QString sessionId = QString::fromLatin1(request.value("Mcp-Session-Id"));
    m_sessions.remove(sessionId);
    m_sessionOrder.removeOne(sessionId);
    return emptyReply(204);
}

Reply McpGateway::initialize(const QHttpServerRequest &request, const QJsonObject &message, const QString &slug)
{
    const QJsonValue id = message.value(u"id"_s);
    if (id.isUndefined())
        return transportError(400, kInvalidRequest, u"Invalid Request: initialize must be a request with an id"_s);

    const QString requested = message.value(u"params"_s).toObject().value(u"protocolVersion"_s).toString();
    const QString version = supportedProtocolVersions().contains(requested) ? requested : supportedProtocolVersions().first();
    const QString sessionId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    m_sessions.insert(sessionId, Session{slug, version});
    m_sessionOrder.append(sessionId);
    if (m_sessionOrder.size() > kMaxSessions)
        m_sessions.remove(m_sessionOrder.takeFirst());
    qCDebug(lcReplica) << "MCP session" << sessionId << "opened on gateway" << slug << "with protocol" << version;

    const QJsonObject result{
        {u"protocolVersion"_s, version},
        {u"capabilities"_s, QJsonObject{{u"tools"_s, QJsonObject()}}},
        {u"serverInfo"_s, QJsonObject{{u"name"_s, u"arcade-replica-gateway"_s}, {u"version"_s, QStringLiteral(POC_VERSION)}}},
        {u"instructions"_s, u"Demo gateway '%1' of the Arcade POC replica: tools echo, whoami and add."_s.arg(slug)},
    };
    Reply reply = rpcReply(request, rpcResult(id, result));
    reply.addHeader("Mcp-Session-Id", sessionId.toLatin1());
    return reply;
}

QJsonObject McpGateway::dispatch(const QJsonObject &message, const QString &userId) const
{
    const QJsonValue id = message.value(u"id"_s);
    const QString method = message.value(u"method"_s).toString();
    const QJsonObject params = message.value(u"params"_s).toObject();

    if (method == u"ping")
        return rpcResult(id, QJsonObject());
    if (method == u"tools/list")
        return listTools(id, params);
    if (method == u"tools/call")
        return callTool(id, params, userId);
    return rpcError(id, kMethodNotFound, u"Method not found: %1"_s.arg(method));
}

Reply McpGateway::rpcReply(const QHttpServerRequest &request, const QJsonObject &body) const
{
    const bool asEventStream = m_state->scenario() == Scenario::McpSse || request.value("X-Replica-Reply").toLower() == "sse";
    if (!asEventStream)
        return jsonReply(body);

    Reply reply;
    reply.contentType = "text/event-stream";
    reply.addHeader("Cache-Control", "no-cache");
    reply.body = "event: message\ndata: " + QJsonDocument(body).toJson(QJsonDocument::Compact) + "\n\n";
    return reply;
}

} // namespace poc::replica
