#include "probe/endpointtracker.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace poc {

namespace {

constexpr qint64 kSecondsPerHour = 60 * 60;

double percent(qint64 part, qint64 whole)
{
    return 100.0 * double(part) / double(whole);
}

// Makes `text` share the storage of an equal `previous`, so that a long run of identical
// messages costs one allocation instead of one per result.
void share(QString &text, const QString &previous)
{
    if (text == previous)
        text = previous;
}

void share(std::optional<CertificateInfo> &certificate, const std::optional<CertificateInfo> &previous)
{
    if (certificate && previous && *certificate == *previous)
        certificate = previous;
}

} // namespace

EndpointTracker::EndpointTracker(const EndpointConfig &endpoint, const PollingConfig &polling)
    : m_endpoint(endpoint)
    , m_failuresBeforeDown(std::max(1, polling.failuresBeforeDown))
    , m_successesBeforeUp(std::max(1, polling.successesBeforeUp))
    , m_history(std::max(1, polling.historySize))
{
}

void EndpointTracker::record(ProbeResult result)
{
    const bool healthy = isHealthy(result.state);
    ++m_sessionChecks;
    if (healthy)
        ++m_sessionHealthy;

    m_failures = healthy ? 0 : m_failures + 1;
    m_successes = healthy ? m_successes + 1 : 0;
    updateDisplayedState(result.state);

    if (!m_history.isEmpty())
        shareUnchangedText(result);
    m_history.append(std::move(result)); // drops the oldest result once the capacity is reached
    if (m_history.areIndexesValid())
        return;
    m_history.normalizeIndexes();
}

bool EndpointTracker::isDebouncing() const
{
    if (!m_displayed)
        return false;
    return isHealthy(*m_displayed) ? m_failures > 0 : m_successes > 0;
}

QString EndpointTracker::debounceText() const
{
    if (!isDebouncing())
        return {};
    if (isHealthy(*m_displayed))
        return u"failing %1/%2"_s.arg(m_failures).arg(m_failuresBeforeDown);
    return u"recovering %1/%2"_s.arg(m_successes).arg(m_successesBeforeUp);
}

const ProbeResult &EndpointTracker::historyAt(int index) const
{
    return m_history.at(m_history.firstIndex() + index);
}

std::optional<double> EndpointTracker::sessionUptime() const
{
    if (m_sessionChecks == 0)
        return std::nullopt;
    return percent(m_sessionHealthy, m_sessionChecks);
}

std::optional<double> EndpointTracker::lastHourUptime(const QDateTime &now) const
{
    const QDateTime since = now.addSecs(-kSecondsPerHour);
    qint64 checks = 0;
    qint64 healthy = 0;

    // Newest first, stopping at the first result older than an hour.
    for (int index = historyCount() - 1; index >= 0; --index) {
        const ProbeResult &result = historyAt(index);
        if (result.checkedAt < since)
            break;
        ++checks;
        if (isHealthy(result.state))
            ++healthy;
    }

    if (checks == 0)
        return std::nullopt;
    return percent(healthy, checks);
}

void EndpointTracker::updateDisplayedState(EndpointState state)
{
    const bool healthy = isHealthy(state);
    const bool sameSide = m_displayed && isHealthy(*m_displayed) == healthy;
    const bool confirmed = healthy ? m_successes >= m_successesBeforeUp : m_failures >= m_failuresBeforeDown;

    if (!m_displayed || sameSide || confirmed)
        m_displayed = state;
}

void EndpointTracker::shareUnchangedText(ProbeResult &result) const
{
    const ProbeResult &previous = m_history.last();
    share(result.endpoint, previous.endpoint);
    share(result.error, previous.error);
    share(result.signInHost, previous.signInHost);
    share(result.leafCertificate, previous.leafCertificate);
    share(result.earliestExpiring, previous.earliestExpiring);
    if (result.url == previous.url)
        result.url = previous.url;
    if (result.redirectChain == previous.redirectChain)
        result.redirectChain = previous.redirectChain;
}

} // namespace poc
