#include "observability/observabilitymonitor.h"

#include "observability/kibanaclient.h"
#include "observability/mimirclient.h"

#include <QTimer>

using namespace Qt::StringLiterals;

namespace poc {

namespace {

QString isoOrEmpty(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODate) : QString();
}

QString toString(KibanaMode mode)
{
    return mode == KibanaMode::ConsoleProxy ? u"console-proxy"_s : u"elasticsearch"_s;
}

QString toString(MimirQueryKind kind)
{
    switch (kind) {
    case MimirQueryKind::Range: return u"range"_s;
    case MimirQueryKind::Instant: return u"instant"_s;
    case MimirQueryKind::Series: return u"series"_s;
    }
    return u"range"_s;
}

QString displayUrl(const QUrl &url)
{
    return url.toDisplayString(QUrl::RemoveUserInfo);
}

} // namespace

ObservabilityMonitor::ObservabilityMonitor(const Config &config, QNetworkAccessManager *network, SecretStore *secrets,
                                           QObject *parent)
    : QObject(parent)
    , m_config(config)
    , m_kibana(new KibanaClient(config.kibana, network, secrets, this))
    , m_mimir(new MimirClient(config.mimir, network, secrets, this))
    , m_clock([] { return QDateTime::currentDateTimeUtc(); })
{
    connect(m_kibana, &KibanaClient::finished, this, &ObservabilityMonitor::handleKibanaFinished);
    connect(m_mimir, &MimirClient::finished, this, &ObservabilityMonitor::handleMimirFinished);
}

ObservabilityMonitor::~ObservabilityMonitor() = default;

void ObservabilityMonitor::setClock(Clock clock)
{
    m_clock = clock;
    m_kibana->setClock(clock);
    m_mimir->setClock(std::move(clock));
}

void ObservabilityMonitor::refresh()
{
    m_pendingKibana.clear();
    m_pendingMimir.clear();
    for (const KibanaQuery &query : m_config.kibana.queries)
        m_pendingKibana.insert(query.id);
    for (const MimirQuery &query : m_config.mimir.queries)
        m_pendingMimir.insert(query.id);

    for (const KibanaQuery &query : m_config.kibana.queries)
        m_kibana->search(query);
    for (const MimirQuery &query : m_config.mimir.queries)
        m_mimir->run(query);

    if (!isRefreshing())
        QTimer::singleShot(0, this, &ObservabilityMonitor::finishIfDone);
}

const KibanaResult *ObservabilityMonitor::kibanaResult(const QString &id) const
{
    const auto found = m_kibanaResults.constFind(id);
    return found == m_kibanaResults.cend() ? nullptr : &found.value();
}

const MimirResult *ObservabilityMonitor::mimirResult(const QString &id) const
{
    const auto found = m_mimirResults.constFind(id);
    return found == m_mimirResults.cend() ? nullptr : &found.value();
}

const GapRule *ObservabilityMonitor::gapRule(const QString &id) const
{
    for (const GapRule &rule : m_config.gaps) {
        if (rule.id == id)
            return &rule;
    }
    return nullptr;
}

QUrl ObservabilityMonitor::discoverUrl(const QString &queryId) const
{
    const KibanaResult *result = kibanaResult(queryId);
    return result ? m_kibana->discoverUrl(*result) : QUrl();
}

QUrl ObservabilityMonitor::exploreUrl(const QString &queryId) const
{
    const MimirResult *result = mimirResult(queryId);
    return result ? m_mimir->exploreUrl(*result) : QUrl();
}

void ObservabilityMonitor::handleKibanaFinished(const KibanaResult &result)
{
    m_kibanaResults.insert(result.queryId, result);
    m_pendingKibana.remove(result.queryId);
    finishIfDone();
}

void ObservabilityMonitor::handleMimirFinished(const MimirResult &result)
{
    m_mimirResults.insert(result.queryId, result);
    m_pendingMimir.remove(result.queryId);
    finishIfDone();
}

void ObservabilityMonitor::finishIfDone()
{
    if (isRefreshing())
        return;

    evaluateGaps();
    Q_EMIT refreshed();
}

void ObservabilityMonitor::evaluateGaps()
{
    const QDateTime now = m_clock().toUTC();
    const Milliseconds staleAfter = 2 * m_config.polling.interval;

    QList<GapEvaluation> evaluations;
    for (const GapRule &rule : m_config.gaps)
        evaluations.append(evaluateGap(rule, kibanaResult(rule.query), mimirResult(rule.query), now, staleAfter));
    m_evaluations = evaluations;

    for (const GapEvaluation &evaluation : evaluations) {
        const auto transition = m_tracker.record(evaluation.id, evaluation.state, now);
        if (!transition)
            continue;

        Q_EMIT gapChanged(transition->id, transition->from, transition->to, transition->at);
        if (m_tracker.entry(evaluation.id)->closedAt == now)
            Q_EMIT gapClosed(evaluation.id, now);
    }
}

QJsonObject ObservabilityMonitor::kibanaJson() const
{
    const KibanaConfig &kibana = m_config.kibana;
    if (!kibana.isConfigured()) {
        return QJsonObject{
            {u"configured"_s, false},
            {u"message"_s, u"Kibana is not configured: set kibana.url and kibana.index in %1"_s.arg(m_config.sourcePath)},
        };
    }

    QJsonArray queries;
    for (const KibanaQuery &query : kibana.queries) {
        const KibanaResult *result = kibanaResult(query.id);
        QJsonObject json = result ? toJson(*result) : QJsonObject{{u"id"_s, query.id}, {u"state"_s, u"pending"_s}};
        json.insert(u"title"_s, query.title);
        json.insert(u"discover_url"_s, discoverUrl(query.id).toString(QUrl::FullyEncoded));
        queries.append(json);
    }
    return QJsonObject{
        {u"configured"_s, true},
        {u"url"_s, displayUrl(kibana.url)},
        {u"index"_s, kibana.index},
        {u"mode"_s, toString(kibana.mode)},
        {u"queries"_s, queries},
    };
}

QJsonObject ObservabilityMonitor::mimirJson() const
{
    const MimirConfig &mimir = m_config.mimir;
    if (!mimir.isConfigured()) {
        return QJsonObject{
            {u"configured"_s, false},
            {u"message"_s, u"Mimir is not configured: set mimir.url in %1"_s.arg(m_config.sourcePath)},
        };
    }

    QJsonArray queries;
    for (const MimirQuery &query : mimir.queries) {
        const MimirResult *result = mimirResult(query.id);
        QJsonObject json = result ? toJson(*result) : QJsonObject{{u"id"_s, query.id}, {u"state"_s, u"pending"_s}};
        json.insert(u"title"_s, query.title);
        json.insert(u"kind"_s, toString(query.kind));
        const QUrl explore = exploreUrl(query.id);
        if (!explore.isEmpty())
            json.insert(u"explore_url"_s, explore.toString(QUrl::FullyEncoded));
        queries.append(json);
    }
    return QJsonObject{
        {u"configured"_s, true},
        {u"url"_s, displayUrl(mimir.url)},
        {u"tenant"_s, mimir.tenant},
        {u"queries"_s, queries},
    };
}

QJsonArray ObservabilityMonitor::gapsJson() const
{
    QJsonArray gaps;
    for (const GapEvaluation &evaluation : m_evaluations)
        gaps.append(gapJson(evaluation));
    return gaps;
}

QJsonObject ObservabilityMonitor::gapJson(const GapEvaluation &evaluation) const
{
    const GapRule *rule = gapRule(evaluation.id);
    QJsonObject json{
        {u"id"_s, evaluation.id},
        {u"title"_s, rule ? rule->title : QString()},
        {u"category"_s, rule ? rule->category : QString()},
        {u"state"_s, toString(evaluation.state)},
        {u"reason"_s, evaluation.reason},
        {u"evidence"_s, evaluation.evidenceJson()},
        {u"fix"_s, rule ? rule->fix : QString()},
    };

    const GapTracker::Entry *entry = m_tracker.entry(evaluation.id);
    if (!entry)
        return json;
    json.insert(u"since"_s, isoOrEmpty(entry->since));
    if (entry->changedAt.isValid()) {
        json.insert(u"changed_at"_s, isoOrEmpty(entry->changedAt));
        json.insert(u"previous_state"_s, toString(entry->previous.value_or(GapState::Unknown)));
    }
    if (entry->closedAt.isValid())
        json.insert(u"closed_at"_s, isoOrEmpty(entry->closedAt));
    return json;
}

bool ObservabilityMonitor::anyGapOpen() const
{
    return std::any_of(m_evaluations.cbegin(), m_evaluations.cend(),
                       [](const GapEvaluation &evaluation) { return evaluation.state == GapState::Open; });
}

} // namespace poc
