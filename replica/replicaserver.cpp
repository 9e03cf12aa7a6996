#include "replicaserver.h"

#include "mcpgateway.h"
#include "replicahost.h"
#include "replicastate.h"

#include "core/logging.h"

#include <QMetaEnum>
#include <QThread>

namespace poc::replica {

namespace {

QString methodNames(QHttpServerRequest::Methods methods)
{
    const QMetaEnum meta = QMetaEnum::fromType<QHttpServerRequest::Method>();
    QStringList names;
    for (int i = 0; i < meta.keyCount(); ++i) {
        const auto method = static_cast<QHttpServerRequest::Method>(meta.value(i));
        if (methods.testFlag(method) && meta.value(i) != 0 && method != QHttpServerRequest::Method::AnyKnown)
            names.append(QString::fromLatin1(meta.key(i)).toUpper());
    }
    return names.join(u'|');
}

} // namespace

ReplicaServer::ReplicaServer(Scenario scenario, QObject *parent)
    : QObject(parent)
    , m_state(std::make_shared<ReplicaState>(scenario))
    , m_thread(new QThread(this))
{
    m_thread->setObjectName(QStringLiteral("replica"));
    m_host = new ReplicaHost(m_state);
    m_host->moveToThread(m_thread);
    m_thread->start();
}

ReplicaServer::~ReplicaServer()
{
    // The host and its sockets belong to the worker thread, so they are deleted there.
    QMetaObject::invokeMethod(m_host, [host = m_host] { delete host; }, Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
}

quint16 ReplicaServer::listen(const QHostAddress &address, quint16 port)
{
    quint16 bound = 0;
    QMetaObject::invokeMethod(m_host, [this, &bound, address, port] {
        bound = m_host->listen(address, port);
        if (bound == 0)
            m_errorString = m_host->errorString();
    }, Qt::BlockingQueuedConnection);

    if (bound == 0) {
        qCWarning(lcReplica).noquote() << "Replica could not listen on" << address.toString() << port << m_errorString;
        return 0;
    }

    m_address = address;
    m_port = bound;
    qCInfo(lcReplica).noquote() << "Replica serving scenario" << toString(scenario()) << "on" << baseUrl().toString();
    return bound;
}

QUrl ReplicaServer::baseUrl() const
{
    if (m_port == 0)
        return {};

    const bool wildcard = m_address == QHostAddress::Any || m_address == QHostAddress::AnyIPv4
                          || m_address == QHostAddress::AnyIPv6 || m_address == QHostAddress::LocalHost;
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(wildcard ? QStringLiteral("127.0.0.1") : m_address.toString());
    url.setPort(m_port);
    return url;
}

Scenario ReplicaServer::scenario() const
{
    return m_state->scenario();
}

void ReplicaServer::setScenario(Scenario scenario)
{
    m_state->setScenario(scenario);
    qCInfo(lcReplica).noquote() << "Replica scenario is now" << toString(scenario);
}

std::chrono::milliseconds ReplicaServer::slowDelay() const
{
    return m_state->slowDelay();
}

void ReplicaServer::setSlowDelay(std::chrono::milliseconds delay)
{
    m_state->setSlowDelay(delay);
}

int ReplicaServer::requestCount(QStringView route) const
{
    return m_state->requestCount(route);
}

QStringList ReplicaServer::routeList()
{
    QStringList lines;
    const auto state = std::make_shared<ReplicaState>(Scenario::Seed);
    McpGateway gateway(state);
    for (const Route &route : ReplicaHost::allRoutes(state, &gateway))
        lines.append(methodNames(route.methods) + u' ' + route.path);
    return lines;
}

QByteArray ReplicaServer::demoApiKey()
{
    return QByteArrayLiteral("arc_demo_replica_0000000000000000");
}

QString ReplicaServer::demoUserId()
{
    return QStringLiteral("evaluator@example.com");
}

} // namespace poc::replica

