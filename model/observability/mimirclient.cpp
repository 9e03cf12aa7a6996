#include "observability/mimirclient.h"

#include "core/logging.h"
#include "observability/httpfetcher.h"
#include "observability/mimirparser.h"
#include "observability/mimirrequest.h"

#include <QFutureWatcher>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

using namespace Qt::StringLiterals;

namespace poc {

MimirClient::MimirClient(const MimirConfig &config, QNetworkAccessManager *network, SecretStore *secrets, QObject *parent)
    : QObject(parent)
    , m_config(config)
    , m_fetcher(new HttpFetcher(network, secrets, this))
    , m_clock([] { return QDateTime::currentDateTimeUtc(); })
{
}

void MimirClient::setClock(Clock clock)
{
    m_clock = std::move(clock);
}

void MimirClient::run(const MimirQuery &query)
{
    const quint64 ticket = ++m_nextTicket;
    m_latestTicket.insert(query.id, ticket);
    MimirResult result = startResult(query);

    if (!m_config.isConfigured()) {
        result.state = FetchState::NotConfigured;
        result.message = u"Mimir is not configured: set mimir.url."_s;
        finishLater(ticket, std::move(result));
        return;
    }

    FetchRequest request;
    request.url = mimirQueryUrl(m_config, query, result.from, result.to);
    request.headers = {{"Accept", "application/json"}, {"X-Scope-OrgID", m_config.tenant.toUtf8()}};
    request.auth = m_config.auth;
    request.username = m_config.username;
    request.secret = m_config.secret;
    request.secretSetting = u"mimir.secret"_s;
    request.timeout = m_config.timeout;
    request.logCategory = lcMimir;

    m_fetcher->fetch(request, [this, ticket, result](const FetchOutcome &outcome) {
        handleFetched(ticket, result, outcome);
    });
}

QUrl MimirClient::exploreUrl(const MimirResult &result) const
{
    if (!result.from.isValid())
        return {};
    return poc::exploreUrl(m_config, result.promql, result.from, result.to);
}

MimirResult MimirClient::startResult(const MimirQuery &query) const
{
    MimirResult result;
    result.queryId = query.id;
    result.promql = query.promql;
    result.kind = query.kind;
    result.to = m_clock().toUTC();
    result.from = query.kind == MimirQueryKind::Instant ? result.to : result.to.addMSecs(-query.range.count());
    if (m_config.isConfigured())
        result.url = mimirQueryUrl(m_config, query, result.from, result.to).adjusted(QUrl::RemoveQuery);
    return result;
}

void MimirClient::handleFetched(quint64 ticket, MimirResult result, const FetchOutcome &outcome)
{
    if (m_latestTicket.value(result.queryId) != ticket)
        return;

    auto *watcher = new QFutureWatcher<MimirResult>(this);
    connect(watcher, &QFutureWatcher<MimirResult>::finished, this, [this, watcher, ticket] {
        watcher->deleteLater();
        handleParsed(ticket, watcher->result());
    });
    watcher->setFuture(QtConcurrent::run(parseMimirReply, std::move(result), outcome, m_config.tenant));
}

void MimirClient::handleParsed(quint64 ticket, const MimirResult &result)
{
    if (m_latestTicket.value(result.queryId) != ticket) {
        qCDebug(lcMimir) << "dropped a stale result of query" << result.queryId;
        return;
    }

    MimirResult finished = result;
    finished.fetchedAt = m_clock().toUTC();
    if (!finished.hasData())
        qCWarning(lcMimir).noquote() << "query" << finished.queryId << toString(finished.state) << finished.message;
    Q_EMIT this->finished(finished);
}

void MimirClient::finishLater(quint64 ticket, MimirResult result)
{
    QTimer::singleShot(0, this, [this, ticket, result = std::move(result)] { handleParsed(ticket, result); });
}

} // namespace poc
