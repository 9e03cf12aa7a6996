#include "observability/kibanaclient.h"

#include "core/logging.h"
#include "observability/httpfetcher.h"
#include "observability/kibanaparser.h"
#include "observability/kibanasearch.h"

#include <QFutureWatcher>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

using namespace Qt::StringLiterals;

namespace poc {

KibanaClient::KibanaClient(const KibanaConfig &config, QNetworkAccessManager *network, SecretStore *secrets, QObject *parent)
    : QObject(parent)
    , m_config(config)
    , m_fetcher(new HttpFetcher(network, secrets, this))
    , m_clock([] { return QDateTime::currentDateTimeUtc(); })
{
}

void KibanaClient::setClock(Clock clock)
{
    m_clock = std::move(clock);
}

void KibanaClient::search(const KibanaQuery &query)
{
    const quint64 ticket = ++m_nextTicket;
    m_latestTicket.insert(query.id, ticket);
    KibanaResult result = startResult(query);

    if (!m_config.isConfigured()) {
        result.state = FetchState::NotConfigured;
        result.message = u"Kibana is not configured: set kibana.url and kibana.index."_s;
        finishLater(ticket, std::move(result));
        return;
    }

    FetchRequest request;
    request.url = result.url;
    request.method = "POST";
    request.body = kibanaSearchBody(m_config, query, result.from, result.to);
    request.headers = {{"Content-Type", "application/json"}, {"Accept", "application/json"}};
    if (m_config.mode == KibanaMode::ConsoleProxy)
        request.headers.append(qMakePair(QByteArray("kbn-xsrf"), QByteArray("true")));
    request.auth = m_config.auth;
    request.username = m_config.username;
    request.secret = m_config.secret;
    request.secretSetting = u"kibana.secret"_s;
    request.timeout = m_config.timeout;
    request.logCategory = lcKibana;

    m_fetcher->fetch(request, [this, ticket, result](const FetchOutcome &outcome) {
        handleFetched(ticket, result, outcome);
    });
}

QUrl KibanaClient::discoverUrl(const KibanaResult &result) const
{
    if (!m_config.isConfigured() || !result.from.isValid())
        return {};
    return poc::discoverUrl(m_config, result.query, result.from, result.to);
}

KibanaResult KibanaClient::startResult(const KibanaQuery &query) const
{
    KibanaResult result;
    result.queryId = query.id;
    result.query = query.query;
    result.index = m_config.index;
    result.to = m_clock().toUTC();
    result.from = result.to.addMSecs(-query.window.count());
    if (m_config.isConfigured())
        result.url = kibanaSearchUrl(m_config);
    return result;
}

void KibanaClient::handleFetched(quint64 ticket, KibanaResult result, const FetchOutcome &outcome)
{
    if (m_latestTicket.value(result.queryId) != ticket)
        return;

    // Bodies can be tens of megabytes; parse them on the thread pool.
    auto *watcher = new QFutureWatcher<KibanaResult>(this);
    connect(watcher, &QFutureWatcher<KibanaResult>::finished, this, [this, watcher, ticket] {
        watcher->deleteLater();
        handleParsed(ticket, watcher->result());
    });
    watcher->setFuture(QtConcurrent::run(parseKibanaReply, std::move(result), outcome, m_config.fields, m_config.timeField));
}

void KibanaClient::handleParsed(quint64 ticket, const KibanaResult &result)
{
    if (m_latestTicket.value(result.queryId) != ticket) {
        qCDebug(lcKibana) << "dropped a stale result of query" << result.queryId;
        return;
    }

    KibanaResult finished = result;
    finished.fetchedAt = m_clock().toUTC();
    if (!finished.hasData())
        qCWarning(lcKibana).noquote() << "query" << finished.queryId << toString(finished.state) << finished.message;
    Q_EMIT this->finished(finished);
}

void KibanaClient::finishLater(quint64 ticket, KibanaResult result)
{
    QTimer::singleShot(0, this, [this, ticket, result = std::move(result)] { handleParsed(ticket, result); });
}

} // namespace poc
