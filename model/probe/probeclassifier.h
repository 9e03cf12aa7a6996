#pragma once

#include "core/config.h"
#include "probe/endpointstate.h"

#include <QByteArray>
#include <QList>
#include <QNetworkReply>
#include <QString>
#include <QUrl>

class QSslError;

namespace poc {

// A state with the user-facing sentence that explains it (empty for a healthy state).
struct Classification {
    EndpointState state = EndpointState::Up;
    QString error;
};

// The final HTTP response of a probe, after redirects were followed or stopped.
struct HttpResponse {
    int status = 0;
    QString reasonPhrase;
    QByteArray body;            // at most kMaxBodyBytes
    bool bodyTruncated = false; // the body was larger than kMaxBodyBytes
    QString signInHost;         // set when the response redirects to an identity provider's sign-in
    QUrl stoppedRedirect;       // a redirect that was not followed, other than to a sign-in
    bool tooManyRedirects = false;
};

// Reply bodies are read up to this size, so that a hostile server cannot exhaust memory.
inline constexpr qint64 kMaxBodyBytes = 1024 * 1024;
inline constexpr int kMaxRedirects = 5;

// Whether `target` is an identity provider's sign-in page: an Entra ID or Okta host, or a
// path such as /authorize, /oauth2/, /login, /signin or /sso.
bool isSignInUrl(const QUrl &target);

// Whether a redirect from `from` to `to` is followed: same host, and never from https down to http.
bool isFollowableRedirect(const QUrl &from, const QUrl &to);

// Classifies an HTTP response against what the endpoint is expected to return.
Classification classifyResponse(const EndpointConfig &endpoint, const HttpResponse &response);

// Turns a healthy classification into `degraded` when the response took longer than slowAfter.
Classification applySlowThreshold(const Classification &classification, qint64 latencyMs,
                                  Milliseconds slowAfter);

// Classifies a transport failure (no HTTP status received). `detail` is Qt's error string.
Classification classifyNetworkError(QNetworkReply::NetworkError error, const QUrl &url,
                                    const QString &detail);

// A sentence naming each distinct reason of a failed TLS verification: expired,
// host name mismatch, self-signed or untrusted issuer.
QString describeSslErrors(const QList<QSslError> &errors, const QUrl &url);

} // namespace poc
