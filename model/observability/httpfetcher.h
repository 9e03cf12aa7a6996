#pragma once

#include "core/config.h"
#include "observability/fetchstate.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPair>
#include <QString>
#include <QUrl>

#include <functional>

class QLoggingCategory;
class QNetworkAccessManager;
class QNetworkReply;

namespace poc {

class SecretStore;

// One HTTP request of the observability clients, with the credentials it may carry.
struct FetchRequest {
    QUrl url;
    QByteArray method = "GET";
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
    HttpAuth auth = HttpAuth::None;
    QString username;
    SecretRef secret;
    QString secretSetting; // config key naming the entry, for messages, e.g. "kibana.secret"
    Milliseconds timeout{30000};
    const QLoggingCategory &(*logCategory)() = nullptr; // lcKibana or lcMimir
};

// The transport-level outcome of a request: a complete HTTP reply (state Ok), or the reason none arrived.
struct FetchOutcome {
    FetchState state = FetchState::Ok;
    QString message; // user-facing sentence when state is not Ok
    QString detail;  // technical detail, never a secret
    int httpStatus = 0;
    QByteArray contentType;
    QByteArray body;
    QUrl redirectTarget;
    qint64 elapsedMs = 0;
};

using FetchCallback = std::function<void(const FetchOutcome &)>;

// Whether `host` is a loopback name or address ("localhost", 127.0.0.0/8, ::1).
bool isLoopbackHost(const QString &host);

// Returns an empty string when a secret may be sent to `url`, else the reason it may not:
// secrets travel over https, or over plain http only to loopback.
QString secretTransportProblem(const QUrl &url);

// The Authorization header value for `auth`: "Basic base64(user:secret)", "Bearer s", "ApiKey s".
QByteArray authorizationValue(HttpAuth auth, const QString &username, const QByteArray &secret);

// Sends requests for the Kibana and Mimir clients. It reads the secret from the keychain
// just before each request, refuses insecure transports before anything is sent, never
// follows redirects (so a secret cannot be carried to another host) and applies the
// transfer timeout.
class HttpFetcher final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpFetcher)

public:
    HttpFetcher(QNetworkAccessManager *network, SecretStore *secrets, QObject *parent = nullptr);

    // Calls `done` exactly once, later, from this object's event loop.
    void fetch(const FetchRequest &request, FetchCallback done);

private:
    void send(const FetchRequest &request, const QByteArray &authorization, FetchCallback done);
    void finishLater(FetchOutcome outcome, FetchCallback done);
    static FetchOutcome outcomeOf(QNetworkReply *reply, const FetchRequest &request, qint64 elapsedMs);

    QNetworkAccessManager *m_network;
    SecretStore *m_secrets;
};

} // namespace poc
