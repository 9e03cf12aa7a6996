#pragma once

#include "core/config.h"
#include "observability/gaprules.h"
#include "observability/kibanaresult.h"
#include "observability/mimirresult.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QSet>

#include <functional>

class QNetworkAccessManager;

namespace poc {

class KibanaClient;
class MimirClient;
class SecretStore;

// Runs every configured Kibana and Mimir query, keeps the latest result of each, and
// evaluates the gap rules on them after each refresh.
class ObservabilityMonitor final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ObservabilityMonitor)

public:
    using Clock = std::function<QDateTime()>;

    ObservabilityMonitor(const Config &config, QNetworkAccessManager *network, SecretStore *secrets,
                         QObject *parent = nullptr);
    ~ObservabilityMonitor() override;

    const Config &config() const { return m_config; }

    // Replaces the current-time source of the query windows and gap rules (tests pin it).
    void setClock(Clock clock);

    // Runs every configured query concurrently; emits refreshed() when all have finished.
    // A refresh() during another one supersedes it: the earlier replies are dropped.
    void refresh();
    bool isRefreshing() const { return !m_pendingKibana.isEmpty() || !m_pendingMimir.isEmpty(); }

    // Latest result of a query; null before its first result.
    const KibanaResult *kibanaResult(const QString &id) const;
    const MimirResult *mimirResult(const QString &id) const;

    // The evaluation of every gap rule after the last refresh, in config order.
    QList<GapEvaluation> gapEvaluations() const { return m_evaluations; }
    const GapTracker &gapTracker() const { return m_tracker; }
    const GapRule *gapRule(const QString &id) const;

    // Deep links for a query's latest result; empty when there is none or no target is configured.
    QUrl discoverUrl(const QString &queryId) const;
    QUrl exploreUrl(const QString &queryId) const;

    // {"configured", "url", "index", "mode", "queries": [...]}, or {"configured": false, "message"}.
    QJsonObject kibanaJson() const;
    // {"configured", "url", "tenant", "queries": [...]}, or {"configured": false, "message"}.
    QJsonObject mimirJson() const;
    // [{"id", "title", "category", "state", "reason", "evidence", "since", "fix", "changed_at", ...}]
    QJsonArray gapsJson() const;
    bool anyGapOpen() const;

Q_SIGNALS:
    void refreshed();
    void gapChanged(const QString &id, poc::GapState from, poc::GapState to, const QDateTime &at);
    // A gap last known open is now closed (also when it passed through unknown): the moment to capture.
    void gapClosed(const QString &id, const QDateTime &at);

private:
    void handleKibanaFinished(const KibanaResult &result);
    void handleMimirFinished(const MimirResult &result);
    void finishIfDone();
    void evaluateGaps();
    QJsonObject gapJson(const GapEvaluation &evaluation) const;

    Config m_config;
    KibanaClient *m_kibana;
    MimirClient *m_mimir;
    Clock m_clock;
    QHash<QString, KibanaResult> m_kibanaResults;
    QHash<QString, MimirResult> m_mimirResults;
    QSet<QString> m_pendingKibana;
    QSet<QString> m_pendingMimir;
    QList<GapEvaluation> m_evaluations;
    GapTracker m_tracker;
};

} // namespace poc
