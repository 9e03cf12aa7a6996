#include "replicastate.h"

#include <QMutexLocker>

namespace poc::replica {

namespace {

// Above the demo config's 2 s slow threshold and below its 5 s timeout.
constexpr qint64 kDefaultSlowDelayMs = 3000;

} // namespace

ReplicaState::ReplicaState(Scenario scenario)
    : m_scenario(scenario)
    , m_slowDelayMs(kDefaultSlowDelayMs)
{
}

Scenario ReplicaState::scenario() const
{
    return m_scenario.load();
}

void ReplicaState::setScenario(Scenario scenario)
{
    m_scenario.store(scenario);
}

bool ReplicaState::servesFixedData() const
{
    return scenario() == Scenario::Fixed;
}

std::chrono::milliseconds ReplicaState::slowDelay() const
{
    return std::chrono::milliseconds(m_slowDelayMs.load());
}

void ReplicaState::setSlowDelay(std::chrono::milliseconds delay)
{
    m_slowDelayMs.store(delay.count());
}

void ReplicaState::countRequest(const QString &route)
{
    const QMutexLocker locker(&m_countersMutex);
    ++m_counters[route];
}

int ReplicaState::requestCount(QStringView route) const
{
    const QMutexLocker locker(&m_countersMutex);
    return m_counters.value(route.toString());
}

} // namespace poc::replica
