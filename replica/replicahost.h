#pragma once

#include "route.h"

#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QString>

#include <memory>

class QHttpServer;
class QHttpServerResponder;

namespace poc::replica {

class McpGateway;
class ReplicaState;

// The QHttpServer and its routes. It lives on the replica's worker thread, so every
// method except the constructor runs there.
class ReplicaHost final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReplicaHost)

public:
    explicit ReplicaHost(std::shared_ptr<ReplicaState> state, QObject *parent = nullptr);
    ~ReplicaHost() override;

    // Every route of every family, in the order they are registered.
    static QList<Route> allRoutes(const std::shared_ptr<ReplicaState> &state, McpGateway *gateway);

    // Listens and returns the port, or 0 with `errorString` set.
    Q_INVOKABLE quint16 listen(const QHostAddress &address, quint16 port);
    QString errorString() const { return m_errorString; }

private:
    void registerRoutes();
    void addRoute(const Route &route);
    void respond(const QHttpServerRequest &request, const Reply &reply, QHttpServerResponder &&responder);

    std::shared_ptr<ReplicaState> m_state;
    std::unique_ptr<McpGateway> m_gateway;
    QHttpServer *m_server = nullptr;
    QString m_errorString;
};

} // namespace poc::replica
