#pragma once

#include "scenario.h"

#include <QHash>
#include <QMutex>
#include <QString>

#include <atomic>
#include <chrono>

namespace poc::replica {

// The settings and counters that the server thread reads and the owner's thread changes.
class ReplicaState final
{
public:
    explicit ReplicaState(Scenario scenario);
    Q_DISABLE_COPY_MOVE(ReplicaState)

    Scenario scenario() const;
    void setScenario(Scenario scenario);

    // Whether the data is the fixed state's (collector deployed) rather than the recorded one.
    bool servesFixedData() const;

    // The response delay in the `slow` and `slow-search` scenarios.
    std::chrono::milliseconds slowDelay() const;
    void setSlowDelay(std::chrono::milliseconds delay);

    void countRequest(const QString &route);
    int requestCount(QStringView route) const;

private:
    std::atomic<Scenario> m_scenario;
    std::atomic<qint64> m_slowDelayMs;
    mutable QMutex m_countersMutex;
    QHash<QString, int> m_counters;
};

} // namespace poc::replica
