#pragma once

#include "core/config.h"
#include "probe/endpointtracker.h"

#include <QJsonArray>
#include <QObject>
#include <QTimer>

#include <memory>
#include <vector>

class QNetworkAccessManager;

namespace poc {

class EndpointProber;
struct ProbeResult;

// Polls every configured endpoint concurrently and keeps an EndpointTracker per endpoint,
// in config order. Nothing here blocks: results arrive through the event loop.
class EndpointMonitor final : public QObject
{
    Q_OBJECT

public:
    EndpointMonitor(const Config &config, QNetworkAccessManager *network, QObject *parent = nullptr);
    ~EndpointMonitor() override;
    Q_DISABLE_COPY_MOVE(EndpointMonitor)

    int count() const { return int(m_trackers.size()); }
    const EndpointTracker &tracker(int index) const { return m_trackers.at(std::size_t(index)); }

    // Probes every endpoint once. A cycle still running is superseded: its pending results
    // are dropped and it emits no cycleFinished().
    void pollAll();
    bool isPolling() const { return m_pending > 0; }

    // Polls now and then every polling.interval.
    void start();
    void stop();
    bool isRunning() const { return m_timer.isActive(); }

    // True when every endpoint's shown state is healthy (up or auth_required).
    bool allHealthy() const;

    // One object per endpoint: the latest result's JSON (ProbeResult::toJson) plus
    // displayed_state, debounce, uptime_session and uptime_hour (percent; null before any result).
    QJsonArray toJson() const;

    // Why tls.ca_bundle could not be loaded; empty when it was loaded or is unset.
    QString caBundleProblem() const { return m_caBundleProblem; }

Q_SIGNALS:
    void resultRecorded(int endpointIndex);
    void cycleFinished();

private:
    void handleProbeFinished(int index, const ProbeResult &result);

    std::vector<EndpointTracker> m_trackers;
    std::vector<std::unique_ptr<EndpointProber>> m_probers;
    QTimer m_timer;
    int m_pending = 0;
    QString m_caBundleProblem;
};

} // namespace poc
