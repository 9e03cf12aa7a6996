#pragma once

#include "route.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <memory>

namespace poc::replica {

class ReplicaState;

// An Arcade MCP gateway over MCP Streamable HTTP (protocol revisions 2025-06-18,
// 2025-03-26 and 2024-11-05) at /mcp/{slug}, with Arcade headers for authentication:
// `Authorization: Bearer <demo key>` and `Arcade-User-ID`. The only gateway is
// "baseline". Replies are application/json, or text/event-stream with one `message`
// event when the request carries `X-Replica-Reply: sse` or the scenario is mcp-sse.
// GET (the server-to-client stream) is not supported and returns 405.
class McpGateway final
{
public:
    explicit McpGateway(std::shared_ptr<ReplicaState> state);
    Q_DISABLE_COPY_MOVE(McpGateway)

    // The route serving every gateway; it refers to this object, which must outlive it.
    QList<Route> routes();

    static QString baselineSlug();

private:
    struct Session {
        QString slug;
        QString protocolVersion;
    };

    Reply handleRequest(const QHttpServerRequest &request, const QString &slug);
    Reply handlePost(const QHttpServerRequest &request, const QString &slug);
    Reply handleDelete(const QHttpServerRequest &request, const QString &slug);
    std::optional<Reply> checkHeaders(const QHttpServerRequest &request) const;
    std::optional<Reply> checkSession(const QHttpServerRequest &request, const QString &slug) const;
    Reply initialize(const QHttpServerRequest &request, const QJsonObject &message, const QString &slug);
    QJsonObject dispatch(const QJsonObject &message, const QString &userId) const;
    Reply rpcReply(const QHttpServerRequest &request, const QJsonObject &body) const;

    std::shared_ptr<ReplicaState> m_state;
    QHash<QString, Session> m_sessions;
    QList<QString> m_sessionOrder; // oldest first, to cap the sessions a long run keeps
};

} // namespace poc::replica
