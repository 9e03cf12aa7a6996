#include "probe/endpointmonitor.h"

#include "core/logging.h"
#include "probe/endpointprober.h"

#include <QJsonObject>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace poc {

namespace {

QJsonObject placeholderJson(const EndpointConfig &endpoint)
{
    return QJsonObject{
        {u"name"_s, endpoint.name},
        {u"url"_s, endpoint.url.toString()},
        {u"state"_s, QJsonValue()},
    };
}

QJsonValue optionalJson(const std::optional<double> &value)
{
    return value ? QJsonValue(*value) : QJsonValue();
}

QJsonObject trackerJson(const EndpointTracker &tracker, const QDateTime &now)
{
    QJsonObject object = tracker.hasResult() ? tracker.latest().toJson() : placeholderJson(tracker.endpoint());
    const std::optional<EndpointState> shown = tracker.displayedState();
    const QString debounce = tracker.debounceText();

    object.insert(u"displayed_state"_s, shown ? QJsonValue(toString(*shown)) : QJsonValue());
    object.insert(u"debounce"_s, debounce.isEmpty() ? QJsonValue() : QJsonValue(debounce));
    object.insert(u"uptime_session"_s, optionalJson(tracker.sessionUptime()));
    object.insert(u"uptime_hour"_s, optionalJson(tracker.lastHourUptime(now)));
    return object;
}

} // namespace

EndpointMonitor::EndpointMonitor(const Config &config, QNetworkAccessManager *network, QObject *parent)
    : QObject(parent)
{
    const ProbeOptions options = probeOptions(config);
    m_caBundleProblem = options.caBundleProblem;

    m_trackers.reserve(std::size_t(config.endpoints.size()));
    m_probers.reserve(std::size_t(config.endpoints.size()));
    for (const EndpointConfig &endpoint : config.endpoints) {
        const int index = int(m_probers.size());
        m_trackers.emplace_back(endpoint, config.polling);
        m_probers.push_back(std::make_unique<EndpointProber>(endpoint, options, network));
        connect(m_probers.back().get(), &EndpointProber::finished, this,
                [this, index](const ProbeResult &result) { handleProbeFinished(index, result); });
    }

    m_timer.setInterval(config.polling.interval);
    connect(&m_timer, &QTimer::timeout, this, &EndpointMonitor::pollAll);
}

EndpointMonitor::~EndpointMonitor() = default;

void EndpointMonitor::pollAll()
{
    if (m_pending > 0)
        qCDebug(lcProbe) << "superseding a poll cycle with" << m_pending << "results pending";

    m_pending = count();
    for (const std::unique_ptr<EndpointProber> &prober : m_probers)
        prober->start();

    // With nothing to probe, the cycle is over at once, but still reported from the event loop.
    if (m_pending == 0)
        QTimer::singleShot(0, this, &EndpointMonitor::cycleFinished);
}

void EndpointMonitor::start()
{
    m_timer.start();
    pollAll();
}

void EndpointMonitor::stop()
{
    m_timer.stop();
    for (const std::unique_ptr<EndpointProber> &prober : m_probers)
        prober->cancel();
    m_pending = 0;
}

bool EndpointMonitor::allHealthy() const
{
    return std::all_of(m_trackers.cbegin(), m_trackers.cend(), [](const EndpointTracker &tracker) {
        const std::optional<EndpointState> shown = tracker.displayedState();
        return shown && isHealthy(*shown);
    });
}

QJsonArray EndpointMonitor::toJson() const
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QJsonArray endpoints;
    for (const EndpointTracker &tracker : m_trackers)
        endpoints.append(trackerJson(tracker, now));
    return endpoints;
}

void EndpointMonitor::handleProbeFinished(int index, const ProbeResult &result)
{
    m_trackers.at(std::size_t(index)).record(result);
    Q_EMIT resultRecorded(index);

    --m_pending;
    if (m_pending == 0)
        Q_EMIT cycleFinished();
}

} // namespace poc
