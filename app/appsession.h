#pragma once

#include "core/config.h"

#include <QJsonObject>
#include <QObject>

#include <memory>

class QNetworkAccessManager;

namespace poc {
class Monitor;
class SecretStore;
namespace replica {
class ReplicaServer;
}
} // namespace poc

namespace poc::app {

// Everything one run watches an environment with: the network access manager, the
// keychain, the monitor, the fixtures and the facts. Shared by the window and the CLI.
class AppSession final : public QObject
{
    Q_OBJECT

public:
    AppSession(const Config &config, std::shared_ptr<replica::ReplicaServer> replica, QObject *parent = nullptr);
    ~AppSession() override;
    Q_DISABLE_COPY_MOVE(AppSession)

    const Config &config() const { return m_config; }
    QNetworkAccessManager *network() const { return m_network; }
    SecretStore *secrets() const { return m_secrets; }
    Monitor *monitor() const { return m_monitor; }
    replica::ReplicaServer *replica() const { return m_replica.get(); }

    // The whole snapshot document: monitor results plus fixtures and facts.
    QJsonObject snapshot() const;

    // Polls once and spins a local event loop until the cycle ends. For the CLI only:
    // the window never waits like this.
    void pollAndWait();

private:
    Config m_config;
    std::shared_ptr<replica::ReplicaServer> m_replica;
    QNetworkAccessManager *m_network = nullptr;
    SecretStore *m_secrets = nullptr;
    Monitor *m_monitor = nullptr;
};

} // namespace poc::app
