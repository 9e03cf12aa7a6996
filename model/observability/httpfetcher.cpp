#include "observability/httpfetcher.h"

#include "core/logging.h"
#include "core/secretstore.h"

#include <QElapsedTimer>
#include <QHostAddress>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace poc {

namespace {

QString secretErrorMessage(const FetchRequest &request, const SecretResult &result)
{
    return u"Could not read the secret for %1 from keychain entry \"%2\" (%3): %4"_s
        .arg(request.url.host(), request.secret.entry, request.secretSetting, result.message);
}

bool isTimeout(QNetworkReply::NetworkError error)
{
    // Qt reports an expired transfer timeout as a cancelled operation.
    return error == QNetworkReply::OperationCanceledError || error == QNetworkReply::TimeoutError;
}

} // namespace

bool isLoopbackHost(const QString &host)
{
    if (host.compare(u"localhost"_s, Qt::CaseInsensitive) == 0)
        return true;

    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

QString secretTransportProblem(const QUrl &url)
{
    if (url.scheme() == u"https"_s)
        return {};
    if (url.scheme() == u"http"_s && isLoopbackHost(url.host()))
        return {};

    return u"Refused to send credentials to %1 over plain %2: secrets go only over https, "
           "or over http to loopback. Change the URL to https."_s
        .arg(url.host(), url.scheme());
}

QByteArray authorizationValue(HttpAuth auth, const QString &username, const QByteArray &secret)
{
    switch (auth) {
    case HttpAuth::Basic:
        return "Basic " + (username.toUtf8() + ':' + secret).toBase64();
    case HttpAuth::Bearer:
        return "Bearer " + secret;
    case HttpAuth::ApiKey:
        return "ApiKey " + secret;
    case HttpAuth::None:
        break;
    }
    return {};
}

HttpFetcher::HttpFetcher(QNetworkAccessManager *network, SecretStore *secrets, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_secrets(secrets)
{
}

void HttpFetcher::fetch(const FetchRequest &request, FetchCallback done)
{
    if (request.auth == HttpAuth::None) {
        send(request, {}, std::move(done));
        return;
    }

    if (const QString problem = secretTransportProblem(request.url); !problem.isEmpty()) {
        finishLater({FetchState::InsecureTransport, problem, request.url.toDisplayString()}, std::move(done));
        return;
    }

    if (!request.secret.isSet() || !m_secrets) {
        const QString message = u"%1 needs a secret, but %2 names no keychain entry."_s
                                    .arg(request.url.host(), request.secretSetting);
        finishLater({FetchState::SecretUnavailable, message, {}}, std::move(done));
        return;
    }

    QPointer<HttpFetcher> self(this);
    m_secrets->readSecret(request.secret.entry, [self, request, done](const SecretResult &result) {
        if (!self)
            return;
        if (!result.ok()) {
            done({FetchState::SecretUnavailable, secretErrorMessage(request, result), {}});
            return;
        }
        self->send(request, authorizationValue(request.auth, request.username, result.secret), done);
    });
}

void HttpFetcher::send(const FetchRequest &request, const QByteArray &authorization, FetchCallback done)
{
    QNetworkRequest networkRequest(request.url);
    networkRequest.setTransferTimeout(int(request.timeout.count()));
    networkRequest.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    networkRequest.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    for (const auto &[name, value] : request.headers)
        networkRequest.setRawHeader(name, value);
    if (!authorization.isEmpty())
        networkRequest.setRawHeader("Authorization", authorization);

    if (request.logCategory)
        qCDebug(request.logCategory).noquote() << request.method << request.url.toDisplayString();
    auto timer = std::make_shared<QElapsedTimer>();
    timer->start();
    QNetworkReply *reply = m_network->sendCustomRequest(networkRequest, request.method, request.body);
    connect(reply, &QNetworkReply::finished, this, [reply, request, timer, done] {
        reply->deleteLater();
        done(outcomeOf(reply, request, timer->elapsed()));
    });
}

void HttpFetcher::finishLater(FetchOutcome outcome, FetchCallback done)
{
    QTimer::singleShot(0, this, [outcome = std::move(outcome), done = std::move(done)] { done(outcome); });
}

FetchOutcome HttpFetcher::outcomeOf(QNetworkReply *reply, const FetchRequest &request, qint64 elapsedMs)
{
    FetchOutcome outcome;
    outcome.elapsedMs = elapsedMs;
    outcome.httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QString where = request.url.toDisplayString(QUrl::RemoveQuery | QUrl::RemoveUserInfo);

    if (outcome.httpStatus == 0 && isTimeout(reply->error())) {
        outcome.state = FetchState::Timeout;
        outcome.message = u"Request to %1 timed out: no complete response within %2 s. Check that the server is up, "
                          "or raise the timeout in the config."_s
                              .arg(where).arg(request.timeout.count() / 1000.0);
        outcome.detail = reply->errorString();
        return outcome;
    }
    if (outcome.httpStatus == 0) {
        outcome.state = FetchState::Unreachable;
        outcome.message = u"Could not reach %1: %2."_s.arg(where, reply->errorString());
        outcome.detail = reply->errorString();
        return outcome;
    }

    outcome.contentType = reply->header(QNetworkRequest::ContentTypeHeader).toString().toLatin1();
    outcome.redirectTarget = reply->attribute(QNetworkRequest::RedirectionTargetAttribute).toUrl();
    outcome.body = reply->readAll();
    return outcome;
}

} // namespace poc
