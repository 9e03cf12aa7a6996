#include "appsession.h"

#include "fixtures/keychainsecretstore.h"
#include "replicaserver.h"
#include "session/monitor.h"

#include <QEventLoop>
#include <QNetworkAccessManager>

namespace poc::app {

AppSession::AppSession(const Config &config, std::shared_ptr<replica::ReplicaServer> replica, QObject *parent)
    : QObject(parent)
    , m_config(config)
    , m_replica(std::move(replica))
    , m_network(new QNetworkAccessManager(this))
    , m_secrets(new KeychainSecretStore(config.demo, this))
    , m_monitor(new Monitor(config, m_network, m_secrets, this))
{
}

AppSession::~AppSession() = default;

QJsonObject AppSession::snapshot() const
{
    return m_monitor->snapshot();
}

void AppSession::pollAndWait()
{
    QEventLoop loop;
    connect(m_monitor, &Monitor::pollFinished, &loop, &QEventLoop::quit);
    m_monitor->pollOnce();
    if (m_monitor->isPolling())
        loop.exec();
}

} // namespace poc::app
