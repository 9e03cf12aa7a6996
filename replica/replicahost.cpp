#include "replicahost.h"

#include "endpointroutes.h"
#include "kibanaroutes.h"
#include "mcpgateway.h"
#include "mimirroutes.h"
#include "replicastate.h"

#include "core/logging.h"

#include <QHttpServer>
#include <QHttpServerResponder>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

namespace poc::replica {

namespace {

using StatusCode = QHttpServerResponder::StatusCode;

// QHttpServer spells placeholders "<arg>"; the route table names them, as in "/mcp/{slug}".
QString serverPattern(const QString &path)
{
    const qsizetype open = path.indexOf(u'{');
    if (open < 0)
        return path;
    const qsizetype close = path.indexOf(u'}', open);
    return path.left(open) + QStringLiteral("<arg>") + path.mid(close + 1);
}

void writeReply(QHttpServerResponder &responder, const Reply &reply)
{
    responder.writeStatusLine(static_cast<StatusCode>(reply.status));
    if (!reply.contentType.isEmpty())
        responder.writeHeader("Content-Type", reply.contentType);
    for (const auto &[name, value] : reply.headers)
        responder.writeHeader(name, value);

    // RFC 9110 forbids Content-Length on 204.
    if (reply.status != 204)
        responder.writeHeader("Content-Length", QByteArray::number(reply.body.size()));
    responder.writeBody(reply.body);
}

} // namespace

ReplicaHost::ReplicaHost(std::shared_ptr<ReplicaState> state, QObject *parent)
    : QObject(parent)
    , m_state(std::move(state))
    , m_gateway(std::make_unique<McpGateway>(m_state))
    , m_server(new QHttpServer(this))
{
    registerRoutes();
}

ReplicaHost::~ReplicaHost() = default;

QList<Route> ReplicaHost::allRoutes(const std::shared_ptr<ReplicaState> &state, McpGateway *gateway)
{
    QList<Route> routes = endpointRoutes(state);
    routes += kibanaRoutes(state);
    routes += mimirRoutes(state);
    if (gateway)
        routes += gateway->routes();
    return routes;
}

quint16 ReplicaHost::listen(const QHostAddress &address, quint16 port)
{
    auto *tcpServer = new QTcpServer(m_server);
    if (!tcpServer->listen(address, port)) {
        m_errorString = tcpServer->errorString();
        delete tcpServer;
        return 0;
    }

    m_server->bind(tcpServer);
    return tcpServer->serverPort();
}

void ReplicaHost::registerRoutes()
{
    for (const Route &route : allRoutes(m_state, m_gateway.get()))
        addRoute(route);

    m_server->setMissingHandler([this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
        respond(request, textReply("404 page not found\n", 404), std::move(responder));
    });
}

void ReplicaHost::addRoute(const Route &route)
{
    const QString pattern = serverPattern(route.path);
    const auto count = [state = m_state, name = route.path] { state->countRequest(name); };

    if (pattern == route.path) {
        m_server->route(pattern, route.methods,
                        [this, route, count](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
                            count();
                            respond(request, route.handler(request, QString()), std::move(responder));
                        });
        return;
    }

    m_server->route(pattern, route.methods,
                    [this, route, count](const QString &argument, const QHttpServerRequest &request,
                                         QHttpServerResponder &&responder) {
                        count();
                        respond(request, route.handler(request, argument), std::move(responder));
                    });
}

void ReplicaHost::respond(const QHttpServerRequest &request, const Reply &reply, QHttpServerResponder &&responder)
{
    if (reply.status >= 400)
        qCDebug(lcReplica).noquote() << "Replica answers" << reply.status << "to" << request.url().path() << reply.body.left(200);

    if (reply.delay.count() <= 0) {
        writeReply(responder, reply);
        return;
    }

    // The responder keeps a raw socket pointer (Qt 6.4), and the server deletes the
    // socket when the client disconnects, so the delayed write checks the socket first.
    auto pendingResponder = std::make_shared<QHttpServerResponder>(std::move(responder));
    QPointer<QTcpSocket> socket = pendingResponder->socket();
    QTimer::singleShot(reply.delay, this, [pendingResponder, socket, reply] {
        if (socket && socket->state() == QAbstractSocket::ConnectedState)
            writeReply(*pendingResponder, reply);
    });
}

} // namespace poc::replica
