#pragma once

#include "replicaserver.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QNetworkAccessManager>
#include <QUrl>

#include <gtest/gtest.h>

#include <memory>
#include <utility>

namespace poc::replica::test {

struct HttpResponse {
    int status = 0;
    QByteArray body;
    QList<std::pair<QByteArray, QByteArray>> headers;
    QString error;

    QByteArray header(const QByteArray &name) const;
    QJsonObject json() const;
};

using HeaderList = QList<std::pair<QByteArray, QByteArray>>;

// Sends one request with QNetworkAccessManager and spins the event loop until the reply
// finishes. Redirects are not followed, so a 302 stays visible.
class ReplicaClient final
{
public:
    HttpResponse send(const QByteArray &verb, const QUrl &url, const HeaderList &headers = {}, const QByteArray &body = {});
    HttpResponse get(const QUrl &url, const HeaderList &headers = {}) { return send("GET", url, headers); }
    HttpResponse post(const QUrl &url, const HeaderList &headers, const QByteArray &body) { return send("POST", url, headers, body); }

private:
    QNetworkAccessManager m_manager;
};

// Starts a replica on a free loopback port for each test, in scenario seed with a
// short slow delay so that the delay scenarios stay fast.
class ReplicaTest : public testing::Test
{
protected:
    void SetUp() override;

    QUrl url(const QString &pathAndQuery) const;

    std::unique_ptr<ReplicaServer> m_server;
    ReplicaClient m_client;
};

} // namespace poc::replica::test
