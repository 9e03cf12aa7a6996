#pragma once

#include "core/config.h"
#include "probe/proberesult.h"

#include <QContiguousCache>
#include <QDateTime>

#include <optional>

namespace poc {

// The record of one endpoint over a session: the debounced state shown to the user, a
// bounded history of raw results, and uptime figures.
//
// Debounce: after the first result, the shown state changes from healthy to failing only
// after polling.failuresBeforeDown consecutive unhealthy results, and back after
// polling.successesBeforeUp consecutive healthy ones. The first result is shown as it is.
class EndpointTracker final
{
public:
    EndpointTracker(const EndpointConfig &endpoint, const PollingConfig &polling);

    const EndpointConfig &endpoint() const { return m_endpoint; }

    void record(ProbeResult result);

    bool hasResult() const { return !m_history.isEmpty(); }
    // The newest raw result. Only valid when hasResult().
    const ProbeResult &latest() const { return m_history.last(); }

    // The debounced state; empty before the first result.
    std::optional<EndpointState> displayedState() const { return m_displayed; }
    int consecutiveFailures() const { return m_failures; }
    int consecutiveSuccesses() const { return m_successes; }
    bool isDebouncing() const;
    // "failing 1/2" or "recovering 1/3" while a change of the shown state is pending, else empty.
    QString debounceText() const;

    // Raw results, oldest first; the oldest are dropped beyond polling.historySize.
    int historyCount() const { return int(m_history.count()); }
    int historyCapacity() const { return int(m_history.capacity()); }
    const ProbeResult &historyAt(int index) const;

    // Counted over the whole session, so they survive the eviction of old history.
    qint64 sessionChecks() const { return m_sessionChecks; }
    qint64 sessionHealthyChecks() const { return m_sessionHealthy; }

    // Healthy share of results in percent (0 to 100); empty when there is no result to count.
    std::optional<double> sessionUptime() const;
    // Over the results of the last hour before `now` that the history still holds.
    std::optional<double> lastHourUptime(const QDateTime &now) const;

private:
    void updateDisplayedState(EndpointState state);
    void shareUnchangedText(ProbeResult &result) const;

    EndpointConfig m_endpoint;
    int m_failuresBeforeDown;
    int m_successesBeforeUp;
    QContiguousCache<ProbeResult> m_history;
    std::optional<EndpointState> m_displayed;
    int m_failures = 0;
    int m_successes = 0;
    qint64 m_sessionChecks = 0;
    qint64 m_sessionHealthy = 0;
};

} // namespace poc
