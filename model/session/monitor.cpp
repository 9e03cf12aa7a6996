#include "session/monitor.h"

#include "observability/observabilitymonitor.h"
#include "probe/endpointmonitor.h"

#include <QJsonArray>
#include <QTimer>

namespace poc {

namespace {

constexpr int kPartCount = 2; // endpoint probes, observability queries

} // namespace

bool anyEvidenceQueryFailed(const QJsonObject &snapshot)
{
    for (const char *source : {"kibana", "mimir"}) {
        const QJsonObject section = snapshot.value(QLatin1String(source)).toObject();
        if (!section.value(QLatin1String("configured")).toBool())
            continue;
        for (const QJsonValue &query : section.value(QLatin1String("queries")).toArray()) {
            const QString state = query.toObject().value(QLatin1String("state")).toString();
            if (state != QLatin1String("ok") && state != QLatin1String("partial"))
                return true;
        }
    }
    return false;
}

Monitor::Monitor(const Config &config, QNetworkAccessManager *network, SecretStore *secrets, QObject *parent)
    : QObject(parent)
    , m_config(config)
    , m_endpoints(new EndpointMonitor(config, network, this))
    , m_observability(new ObservabilityMonitor(config, network, secrets, this))
    , m_timer(new QTimer(this))
{
    m_timer->setInterval(config.polling.interval);
    connect(m_timer, &QTimer::timeout, this, &Monitor::pollOnce);
    connect(m_endpoints, &EndpointMonitor::cycleFinished, this, &Monitor::handlePartFinished);
    connect(m_observability, &ObservabilityMonitor::refreshed, this, &Monitor::handlePartFinished);
}

Monitor::~Monitor() = default;

void Monitor::pollOnce()
{
    // A cycle still running when the timer fires is left to finish, so slow peers
    // never pile up overlapping requests.
    if (m_pendingParts > 0)
        return;

    m_pendingParts = kPartCount;
    Q_EMIT pollStarted();
    m_endpoints->pollAll();
    m_observability->refresh();
}

void Monitor::start()
{
    pollOnce();
    m_timer->start();
}

void Monitor::stop()
{
    m_timer->stop();
}

void Monitor::handlePartFinished()
{
    if (m_pendingParts == 0)
        return;
    if (--m_pendingParts > 0)
        return;

    m_lastFinishedAt = QDateTime::currentDateTimeUtc();
    Q_EMIT pollFinished();
}

QJsonObject Monitor::snapshot() const
{
    QJsonObject document;
    document.insert(QStringLiteral("generated_at"),
                    QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
    document.insert(QStringLiteral("demo"), m_config.demo);
    document.insert(QStringLiteral("environment"), m_config.environmentName);
    document.insert(QStringLiteral("config_sha256"), m_config.sha256());
    document.insert(QStringLiteral("app_version"), QStringLiteral(POC_VERSION));
    document.insert(QStringLiteral("endpoints"), m_endpoints->toJson());
    document.insert(QStringLiteral("kibana"), m_observability->kibanaJson());
    document.insert(QStringLiteral("mimir"), m_observability->mimirJson());
    document.insert(QStringLiteral("gaps"), m_observability->gapsJson());
    return document;
}

bool Monitor::isHealthy() const
{
    // The raw state of the latest result counts here, not the debounced one: a single
    // `check` has no earlier results to smooth a failure over.
    const QJsonArray endpoints = m_endpoints->toJson();
    for (const QJsonValue &endpoint : endpoints) {
        const QString state = endpoint.toObject().value(QLatin1String("state")).toString();
        if (state != QLatin1String("up") && state != QLatin1String("auth_required"))
            return false;
    }
    return !m_observability->anyGapOpen() && !anyEvidenceQueryFailed(snapshot());
}

} // namespace poc
