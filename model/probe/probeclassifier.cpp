#include "probe/probeclassifier.h"

#include "core/duration.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSslCertificate>
#include <QSslError>

using namespace Qt::StringLiterals;

namespace poc {

namespace {

const QStringList kSignInHosts{u"login.microsoftonline.com"_s, u"login.windows.net"_s};
const QStringList kSignInDomains{u".okta.com"_s, u".oktapreview.com"_s, u".okta-emea.com"_s};
const QStringList kSignInPaths{u"/authorize"_s, u"/oauth2/"_s, u"/login"_s, u"/signin"_s, u"/sso"_s};
const QStringList kHealthyStatusWords{u"ok"_s, u"healthy"_s, u"up"_s, u"pass"_s, u"passing"_s, u"green"_s};

QString statusText(const HttpResponse &response)
{
    if (response.reasonPhrase.isEmpty())
        return u"HTTP %1"_s.arg(response.status);
    return u"HTTP %1 %2"_s.arg(response.status).arg(response.reasonPhrase);
}

QString expectedText(EndpointExpectation expectation)
{
    switch (expectation) {
    case EndpointExpectation::EngineHealth:
        return u"HTTP 200 with the Engine's JSON health document"_s;
    case EndpointExpectation::Reachable:
        return u"a 2xx response, or 401/403"_s;
    case EndpointExpectation::SignInRedirect:
        return u"a redirect to the identity provider's sign-in page"_s;
    }
    return {};
}

Classification unexpected(const EndpointConfig &endpoint, const HttpResponse &response)
{
    return {EndpointState::Degraded,
            u"Expected %1, got %2."_s.arg(expectedText(endpoint.expect), statusText(response))};
}

bool looksLikeHtml(const QByteArray &body)
{
    const QByteArray start = body.left(512).trimmed().toLower();
    return start.startsWith("<!doctype html") || start.startsWith("<html") || start.contains("<body");
}

Classification notAHealthDocument(const HttpResponse &response)
{
    QString got = u"a body that is not a JSON object"_s;
    if (response.bodyTruncated)
        got = u"a body larger than %1 KiB"_s.arg(kMaxBodyBytes / 1024);
    else if (looksLikeHtml(response.body))
        got = u"an HTML page"_s;
    else if (response.body.isEmpty())
        got = u"an empty body"_s;

    return {EndpointState::InvalidResponse,
            u"Expected the Engine's JSON health document, got %1."_s.arg(got)};
}

Classification classifyHealthDocument(const HttpResponse &response)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(response.body, &parseError);
    if (response.bodyTruncated || parseError.error != QJsonParseError::NoError || !document.isObject())
        return notAHealthDocument(response);

    const QJsonObject health = document.object();
    const QJsonValue healthy = health.value(u"healthy"_s);
    if (healthy.isBool() && !healthy.toBool())
        return {EndpointState::Degraded, u"The Engine's health document reports \"healthy\": false."_s};

    const QJsonValue status = health.value(u"status"_s);
    if (status.isString() && !kHealthyStatusWords.contains(status.toString().toLower()))
        return {EndpointState::Degraded,
                u"The Engine's health document reports status \"%1\"."_s.arg(status.toString())};

    return {EndpointState::Up, {}};
}

Classification classifyRedirect(const EndpointConfig &endpoint, const HttpResponse &response)
{
    if (response.tooManyRedirects)
        return {EndpointState::Degraded,
                u"Stopped after %1 redirects at %2; expected %3."_s.arg(kMaxRedirects)
                    .arg(response.stoppedRedirect.toString(), expectedText(endpoint.expect))};

    return {EndpointState::Degraded,
            u"Redirected to %1, which is not followed because it leaves the host; expected %2."_s
                .arg(response.stoppedRedirect.toString(), expectedText(endpoint.expect))};
}

Classification classifyByExpectation(const EndpointConfig &endpoint, const HttpResponse &response)
{
    const bool success = response.status >= 200 && response.status < 300;

    switch (endpoint.expect) {
    case EndpointExpectation::EngineHealth:
        return response.status == 200 ? classifyHealthDocument(response) : unexpected(endpoint, response);
    case EndpointExpectation::Reachable:
        return success ? Classification{EndpointState::Up, {}} : unexpected(endpoint, response);
    case EndpointExpectation::SignInRedirect:
        return unexpected(endpoint, response);
    }
    return unexpected(endpoint, response);
}

QString certificateNames(const QSslCertificate &certificate)
{
    QStringList names = certificate.subjectAlternativeNames().values();
    if (names.isEmpty())
        names = certificate.subjectInfo(QSslCertificate::CommonName);
    return names.join(u", "_s);
}

QString describeSslError(const QSslError &error, const QUrl &url)
{
    const QSslCertificate certificate = error.certificate();

    switch (error.error()) {
    case QSslError::CertificateExpired:
        return u"the certificate expired on %1"_s.arg(certificate.expiryDate().toUTC().toString(Qt::ISODate));
    case QSslError::CertificateNotYetValid:
        return u"the certificate is not valid before %1"_s.arg(certificate.effectiveDate().toUTC().toString(Qt::ISODate));
    case QSslError::HostNameMismatch:
        return u"the certificate does not match the host name %1 (it is for %2)"_s.arg(url.host(), certificateNames(certificate));
    case QSslError::SelfSignedCertificate:
        return u"the certificate is self-signed and not trusted"_s;
    case QSslError::SelfSignedCertificateInChain:
    case QSslError::UnableToGetLocalIssuerCertificate:
    case QSslError::UnableToGetIssuerCertificate:
    case QSslError::UnableToVerifyFirstCertificate:
    case QSslError::CertificateUntrusted:
        return u"the certificate is not issued by a trusted CA (add the CA to tls.ca_bundle if it is your own)"_s;
    default:
        return error.errorString();
    }
}

QString describeErrorCode(QNetworkReply::NetworkError error, const QUrl &url, const QString &detail)
{
    switch (error) {
    case QNetworkReply::HostNotFoundError:
        return u"The host name %1 could not be resolved."_s.arg(url.host());
    case QNetworkReply::ConnectionRefusedError:
        return u"The connection to %1:%2 was refused; nothing is listening there."_s.arg(url.host()).arg(url.port(url.scheme() == u"https"_s ? 443 : 80));
    case QNetworkReply::TimeoutError:
        return u"The connection to %1 timed out."_s.arg(url.host());
    case QNetworkReply::RemoteHostClosedError:
        return u"The server at %1 closed the connection without a complete response."_s.arg(url.host());
    default:
        return u"The request to %1 failed: %2."_s.arg(url.host(), detail);
    }
}

EndpointState stateForErrorCode(QNetworkReply::NetworkError error)
{
    switch (error) {
    case QNetworkReply::TimeoutError:
        return EndpointState::Timeout;
    case QNetworkReply::SslHandshakeFailedError:
        return EndpointState::TlsError;
    case QNetworkReply::RemoteHostClosedError:
    case QNetworkReply::ProtocolFailure:
    case QNetworkReply::ProtocolUnknownError:
        return EndpointState::InvalidResponse;
    default:
        return EndpointState::Unreachable;
    }
}

} // namespace

bool isSignInUrl(const QUrl &target)
{
    const QString host = target.host().toLower();
    if (kSignInHosts.contains(host))
        return true;
    for (const QString &domain : kSignInDomains) {
        if (host.endsWith(domain))
            return true;
    }

    const QString path = target.path().toLower();
    for (const QString &signInPath : kSignInPaths) {
        if (path.contains(signInPath))
            return true;
    }
    return false;
}

bool isFollowableRedirect(const QUrl &from, const QUrl &to)
{
    const bool sameHost = from.host().compare(to.host(), Qt::CaseInsensitive) == 0;
    const bool downgrade = from.scheme() == u"https"_s && to.scheme() != u"https"_s;
    return sameHost && !downgrade;
}

Classification classifyResponse(const EndpointConfig &endpoint, const HttpResponse &response)
{
    if (response.status >= 500)
        return {EndpointState::Down, u"The server responded with %1."_s.arg(statusText(response))};
    if (response.status == 401 || response.status == 403)
        return {EndpointState::AuthRequired, {}};
    if (!response.signInHost.isEmpty()) {
        const bool expected = endpoint.expect == EndpointExpectation::SignInRedirect;
        return {expected ? EndpointState::Up : EndpointState::AuthRequired, {}};
    }
    if (!response.stoppedRedirect.isEmpty())
        return classifyRedirect(endpoint, response);

    return classifyByExpectation(endpoint, response);
}

Classification applySlowThreshold(const Classification &classification, qint64 latencyMs,
                                  Milliseconds slowAfter)
{
    if (!isHealthy(classification.state) || latencyMs <= slowAfter.count())
        return classification;

    return {EndpointState::Degraded,
            u"Responded in %1 ms, slower than the %2 threshold."_s.arg(latencyMs).arg(formatDuration(slowAfter))};
}

Classification classifyNetworkError(QNetworkReply::NetworkError error, const QUrl &url,
                                    const QString &detail)
{
    return {stateForErrorCode(error), describeErrorCode(error, url, detail)};
}

QString describeSslErrors(const QList<QSslError> &errors, const QUrl &url)
{
    QStringList reasons;
    for (const QSslError &error : errors) {
        const QString reason = describeSslError(error, url);
        if (!reasons.contains(reason))
            reasons.append(reason);
    }
    if (reasons.isEmpty())
        return u"The TLS handshake with %1 failed."_s.arg(url.host());

    return u"TLS verification failed for %1: %2."_s.arg(url.host(), reasons.join(u"; "_s));
}

} // namespace poc
