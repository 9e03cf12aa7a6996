#include "probe/endpointprober.h"

#include "core/duration.h"
#include "core/logging.h"

#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslConfiguration>

using namespace Qt::StringLiterals;

namespace poc {

namespace {

// Keeps at most this much of a reply buffered inside Qt between two reads.
constexpr qint64 kReadBufferBytes = 64 * 1024;

bool isRedirectStatus(int status)
{
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
}

bool isHttpUrl(const QUrl &url)
{
    return url.isValid() && (url.scheme() == u"http"_s || url.scheme() == u"https"_s) && !url.host().isEmpty();
}

CertificateInfo certificateInfo(const QSslCertificate &certificate)
{
    return {certificate.expiryDate().toUTC(), certificate.subjectDisplayName(), certificate.issuerDisplayName()};
}

QSslConfiguration sslConfiguration(const ProbeOptions &options)
{
    QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
    ssl.setPeerVerifyMode(QSslSocket::VerifyPeer);
    if (!options.caCertificates.isEmpty())
        ssl.setCaCertificates(options.caCertificates);
    return ssl;
}

QNetworkRequest probeRequest(const QUrl &url, const EndpointConfig &endpoint, const ProbeOptions &options)
{
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    request.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);

    // A probe must get the response a browser without a session gets, so no cookies are sent or stored.
    request.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);

    request.setHeader(QNetworkRequest::UserAgentHeader, QStringLiteral("arcade-poc-dashboard/" POC_VERSION));
    const bool wantsJson = endpoint.expect == EndpointExpectation::EngineHealth;
    request.setRawHeader("Accept", wantsJson ? "application/json" : "*/*");
    if (url.scheme() == u"https"_s)
        request.setSslConfiguration(sslConfiguration(options));
    return request;
}

qint64 roundedMilliseconds(const QElapsedTimer &timer)
{
    constexpr qint64 kNanosecondsPerMillisecond = 1000 * 1000;
    return (timer.nsecsElapsed() + kNanosecondsPerMillisecond / 2) / kNanosecondsPerMillisecond;
}

} // namespace

ProbeOptions probeOptions(const Config &config)
{
    ProbeOptions options;
    options.timeout = config.polling.timeout;
    if (config.tls.caBundle.isEmpty())
        return options;

    QFile file(config.tls.caBundle);
    if (!file.open(QIODevice::ReadOnly)) {
        options.caBundleProblem = u"The CA bundle %1 (tls.ca_bundle) could not be read: %2."_s
                                      .arg(config.tls.caBundle, file.errorString());
        qCWarning(lcProbe).noquote() << options.caBundleProblem;
        return options;
    }

    const QList<QSslCertificate> extra = QSslCertificate::fromData(file.readAll(), QSsl::Pem);
    if (extra.isEmpty()) {
        options.caBundleProblem = u"The CA bundle %1 (tls.ca_bundle) contains no PEM certificate."_s
                                      .arg(config.tls.caBundle);
        qCWarning(lcProbe).noquote() << options.caBundleProblem;
        return options;
    }

    // Setting the CA list replaces Qt's on-demand system store, so the system CAs are added explicitly.
    options.caCertificates = QSslConfiguration::systemCaCertificates() + extra;
    return options;
}

EndpointProber::EndpointProber(const EndpointConfig &endpoint, const ProbeOptions &options,
                               QNetworkAccessManager *network, QObject *parent)
    : QObject(parent)
    , m_endpoint(endpoint)
    , m_options(options)
    , m_network(network)
{
    m_deadline.setSingleShot(true);
    m_deadline.setTimerType(Qt::PreciseTimer); // a coarse timer may fire up to 5 % early
    connect(&m_deadline, &QTimer::timeout, this, &EndpointProber::handleDeadline);
}

EndpointProber::~EndpointProber()
{
    releaseReply();
}

void EndpointProber::start()
{
    cancel();

    m_running = true;
    ++m_generation;
    m_hops = 0;
    m_response = HttpResponse();
    m_result = ProbeResult();
    m_result.endpoint = m_endpoint.name;
    m_result.url = m_endpoint.url;

    if (!isHttpUrl(m_endpoint.url)) {
        const QString error = m_endpoint.url.isEmpty()
            ? u"No URL is configured for %1."_s.arg(m_endpoint.name)
            : u"The URL %1 is not an absolute http or https URL."_s.arg(m_endpoint.url.toString());
        finishNotConfigured(error);
        return;
    }

    qCDebug(lcProbe) << "probing" << m_endpoint.name << m_endpoint.url;
    m_elapsed.start();
    m_deadline.start(m_options.timeout);
    sendRequest(m_endpoint.url);
}

void EndpointProber::cancel()
{
    m_deadline.stop();
    releaseReply();
    m_running = false;
}

void EndpointProber::sendRequest(const QUrl &url)
{
    m_currentUrl = url;
    m_body.clear();
    m_bodyBytes = 0;
    m_bodyTruncated = false;
    m_sslErrors.clear();

    m_reply = m_network->get(probeRequest(url, m_endpoint, m_options));
    m_reply->setReadBufferSize(kReadBufferBytes);
    connect(m_reply, &QNetworkReply::readyRead, this, &EndpointProber::handleReadyRead);
    connect(m_reply, &QNetworkReply::sslErrors, this, &EndpointProber::handleSslErrors);
    connect(m_reply, &QNetworkReply::finished, this, &EndpointProber::handleFinished);
}

void EndpointProber::handleReadyRead()
{
    const QByteArray chunk = m_reply->readAll();
    m_bodyBytes += chunk.size();
    if (m_bodyBytes > kMaxBodyBytes) {
        // The status line is in, and the rest of an oversized body is not worth waiting for.
        m_bodyTruncated = true;
        m_reply->abort();
        return;
    }

    // Only the Engine's health document is read; other bodies are counted and dropped.
    if (m_endpoint.expect == EndpointExpectation::EngineHealth)
        m_body.append(chunk);
}

void EndpointProber::handleSslErrors(const QList<QSslError> &errors)
{
    // Recorded for the message only: the errors are never ignored, so the handshake fails.
    m_sslErrors = errors;

    QList<QSslCertificate> chain = m_reply->sslConfiguration().peerCertificateChain();
    if (chain.isEmpty() && !errors.isEmpty())
        chain.append(errors.first().certificate());
    recordCertificates(chain);
}

void EndpointProber::handleFinished()
{
    if (!m_bodyTruncated)
        handleReadyRead();

    const int status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (followRedirect(status))
        return;

    m_result.latencyMs = roundedMilliseconds(m_elapsed);
    const QList<QSslCertificate> chain = m_reply->sslConfiguration().peerCertificateChain();
    if (!chain.isEmpty())
        recordCertificates(chain);
    finish(classifyFinishedReply(status));
}

void EndpointProber::handleDeadline()
{
    m_result.latencyMs = roundedMilliseconds(m_elapsed);
    finish({EndpointState::Timeout,
            u"Timed out after %1 waiting for a response from %2."_s.arg(formatDuration(m_options.timeout), m_currentUrl.host())});
}

bool EndpointProber::followRedirect(int status)
{
    const QByteArray location = m_reply->rawHeader("Location");
    if (!isRedirectStatus(status) || location.isEmpty())
        return false;

    const QUrl target = m_currentUrl.resolved(QUrl::fromEncoded(location));
    m_result.redirectChain.append(target);
    if (isSignInUrl(target)) {
        m_response.signInHost = target.host();
        return false;
    }
    if (!isFollowableRedirect(m_currentUrl, target)) {
        m_response.stoppedRedirect = target;
        return false;
    }
    if (m_hops >= kMaxRedirects) {
        m_response.stoppedRedirect = target;
        m_response.tooManyRedirects = true;
        return false;
    }

    ++m_hops;
    releaseReply();
    sendRequest(target);
    return true;
}

void EndpointProber::recordCertificates(const QList<QSslCertificate> &chain)
{
    if (chain.isEmpty())
        return;

    const QSslCertificate *earliest = &chain.first();
    for (const QSslCertificate &certificate : chain) {
        if (certificate.expiryDate() < earliest->expiryDate())
            earliest = &certificate;
    }
    m_result.leafCertificate = certificateInfo(chain.first());
    m_result.earliestExpiring = certificateInfo(*earliest);
}

Classification EndpointProber::classifyFinishedReply(int status)
{
    if (status > 0) {
        m_response.status = status;
        m_response.reasonPhrase = QString::fromLatin1(m_reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toByteArray());
        m_response.body = m_body;
        m_response.bodyTruncated = m_bodyTruncated;
        const Classification classification = classifyResponse(m_endpoint, m_response);
        return applySlowThreshold(classification, m_result.latencyMs, m_endpoint.slowAfter);
    }

    const QNetworkReply::NetworkError error = m_reply->error();
    if (error == QNetworkReply::SslHandshakeFailedError || !m_sslErrors.isEmpty()) {
        QString message = describeSslErrors(m_sslErrors, m_currentUrl);
        if (!m_options.caBundleProblem.isEmpty())
            message += u' ' + m_options.caBundleProblem;
        return {EndpointState::TlsError, message};
    }
    return classifyNetworkError(error, m_currentUrl, m_reply->errorString());
}

void EndpointProber::finish(const Classification &classification)
{
    m_deadline.stop();
    releaseReply();
    m_running = false;
    m_body.clear();

    m_result.state = classification.state;
    m_result.error = classification.error;
    m_result.httpStatus = m_response.status;
    m_result.signInHost = m_response.signInHost;
    m_result.checkedAt = QDateTime::currentDateTimeUtc();
    qCDebug(lcProbe).noquote() << m_endpoint.name << toString(m_result.state) << m_result.latencyMs << "ms" << m_result.error;
    Q_EMIT finished(m_result);
}

void EndpointProber::finishNotConfigured(const QString &error)
{
    // Delivered from the event loop like every other result, so callers see one code path.
    QTimer::singleShot(0, this, [this, error, generation = m_generation] {
        if (m_running && generation == m_generation)
            finish({EndpointState::NotConfigured, error});
    });
}

void EndpointProber::releaseReply()
{
    if (m_reply.isNull())
        return;

    QNetworkReply *reply = m_reply;
    m_reply = nullptr;
    disconnect(reply, nullptr, this, nullptr);
    reply->abort();
    reply->deleteLater();
}

} // namespace poc
