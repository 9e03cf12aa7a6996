#pragma once

#include "core/config.h"

#include <QDateTime>
#include <QJsonObject>
#include <QObject>

class QNetworkAccessManager;
class QTimer;

namespace poc {

class EndpointMonitor;
class ObservabilityMonitor;
class SecretStore;

// Runs every live check of one environment: endpoint probes, Kibana and Mimir queries
// and the gap rules on them. One poll cycle ends when every part has reported, and its
// outcome is the snapshot document that `check --format json` prints.
class Monitor final : public QObject
{
    Q_OBJECT

public:
    Monitor(const Config &config, QNetworkAccessManager *network, SecretStore *secrets, QObject *parent = nullptr);
    ~Monitor() override;
    Q_DISABLE_COPY_MOVE(Monitor)

    const Config &config() const { return m_config; }
    EndpointMonitor *endpoints() const { return m_endpoints; }
    ObservabilityMonitor *observability() const { return m_observability; }

    // Starts one cycle of every check; pollFinished() follows when all are in.
    void pollOnce();
    // Polls now and then at the configured interval.
    void start();
    void stop();
    bool isPolling() const { return m_pendingParts > 0; }
    QDateTime lastPollFinishedAt() const { return m_lastFinishedAt; }

    // The stable document of the latest results, without the fixtures and facts that
    // their owners add.
    QJsonObject snapshot() const;
    // True when every endpoint's latest result is up or auth_required, every configured
    // Kibana and Mimir query returned evidence, and no gap is open: `check` exits 0.
    bool isHealthy() const;

Q_SIGNALS:
    void pollStarted();
    void pollFinished();

private:
    void handlePartFinished();

    Config m_config;
    EndpointMonitor *m_endpoints = nullptr;
    ObservabilityMonitor *m_observability = nullptr;
    QTimer *m_timer = nullptr;
    int m_pendingParts = 0;
    QDateTime m_lastFinishedAt;
};

// True when a configured Kibana or Mimir query of the snapshot failed (any state but ok
// or partial). Sources that are not configured do not count.
bool anyEvidenceQueryFailed(const QJsonObject &snapshot);

} // namespace poc
