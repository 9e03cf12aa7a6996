#pragma once

#include "core/config.h"
#include "observability/mimirresult.h"

#include <QHash>
#include <QObject>

#include <functional>

class QNetworkAccessManager;

namespace poc {

class HttpFetcher;
class SecretStore;
struct FetchOutcome;

// Runs PromQL queries against the Prometheus HTTP API of Mimir (or of Prometheus, or a
// Grafana data source proxy), sending X-Scope-OrgID on every request.
class MimirClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MimirClient)

public:
    using Clock = std::function<QDateTime()>;

    MimirClient(const MimirConfig &config, QNetworkAccessManager *network, SecretStore *secrets,
                QObject *parent = nullptr);

    // Replaces the current-time source that ends each query window (tests pin it).
    void setClock(Clock clock);

    // Runs `query` over its range ending now and emits finished() once with the result.
    // A newer run() of the same query id makes an earlier one stale, and its result is dropped.
    void run(const MimirQuery &query);

    // A Grafana Explore link for the result's expression over its absolute window;
    // empty when mimir.grafana_url is empty.
    QUrl exploreUrl(const MimirResult &result) const;

Q_SIGNALS:
    void finished(const poc::MimirResult &result);

private:
    MimirResult startResult(const MimirQuery &query) const;
    void handleFetched(quint64 ticket, MimirResult result, const FetchOutcome &outcome);
    void handleParsed(quint64 ticket, const MimirResult &result);
    void finishLater(quint64 ticket, MimirResult result);

    MimirConfig m_config;
    HttpFetcher *m_fetcher;
    Clock m_clock;
    quint64 m_nextTicket = 0;
    QHash<QString, quint64> m_latestTicket; // per query id; replies with an older ticket are stale
};

} // namespace poc
