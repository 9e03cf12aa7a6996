#pragma once

#include "core/config.h"
#include "observability/kibanaresult.h"

#include <QHash>
#include <QObject>

#include <functional>

class QNetworkAccessManager;

namespace poc {

class HttpFetcher;
class SecretStore;
struct FetchOutcome;

// Runs Kibana queries against Elasticsearch `_search`, through Kibana's console proxy or
// directly, and parses the replies off the GUI thread.
class KibanaClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KibanaClient)

public:
    using Clock = std::function<QDateTime()>;

    KibanaClient(const KibanaConfig &config, QNetworkAccessManager *network, SecretStore *secrets,
                 QObject *parent = nullptr);

    // Replaces the current-time source that ends each search window (tests pin it).
    void setClock(Clock clock);

    // Runs `query` over its window ending now and emits finished() once with the result.
    // A newer search() of the same query id makes an earlier one stale, and its result is dropped.
    void search(const KibanaQuery &query);

    // A Kibana Discover link for the result's query over its absolute window.
    QUrl discoverUrl(const KibanaResult &result) const;

Q_SIGNALS:
    void finished(const poc::KibanaResult &result);

private:
    KibanaResult startResult(const KibanaQuery &query) const;
    void handleFetched(quint64 ticket, KibanaResult result, const FetchOutcome &outcome);
    void handleParsed(quint64 ticket, const KibanaResult &result);
    void finishLater(quint64 ticket, KibanaResult result);

    KibanaConfig m_config;
    HttpFetcher *m_fetcher;
    Clock m_clock;
    quint64 m_nextTicket = 0;
    QHash<QString, quint64> m_latestTicket; // per query id; replies with an older ticket are stale
};

} // namespace poc
