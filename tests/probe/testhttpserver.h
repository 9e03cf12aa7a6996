#pragma once

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QSslCertificate>
#include <QSslKey>
#include <QTcpServer>
#include <QUrl>

#include <chrono>

namespace poc::test {

// What the test server sends for a request: raw HTTP bytes after a delay, or nothing at all.
struct CannedReply {
    QByteArray bytes;
    std::chrono::milliseconds delay{0};
    bool neverRespond = false;
};

// An HTTP/1.1 response with Content-Length and Connection: close.
QByteArray httpResponse(int status, const QByteArray &reason, const QByteArray &body = {},
                        const QByteArray &contentType = "text/plain",
                        const QList<QByteArray> &extraHeaders = {});
QByteArray jsonResponse(int status, const QByteArray &reason, const QByteArray &json);
QByteArray redirectResponse(int status, const QByteArray &location);

// A one-request-per-connection HTTP server on 127.0.0.1 that sends every path a
// canned reply (or the reply routed to that path), in plain HTTP or, once setTls() is
// called, in TLS. It records the request paths it saw.
class TestHttpServer final : public QTcpServer
{
    Q_OBJECT

public:
    explicit TestHttpServer(QObject *parent = nullptr);
    ~TestHttpServer() override;
    Q_DISABLE_COPY_MOVE(TestHttpServer)

    // Listens on a free loopback port; fails the current test when it cannot.
    void listenOnLoopback();
    QUrl url(const QString &path = QStringLiteral("/")) const;

    void setReply(const CannedReply &reply) { m_defaultReply = reply; }
    void route(const QString &path, const CannedReply &reply) { m_routes.insert(path, reply); }
    void setTls(const QList<QSslCertificate> &chain, const QSslKey &key);

    QList<QString> requestPaths() const { return m_requestPaths; }
    int requestCount() const { return int(m_requestPaths.size()); }

protected:
    void incomingConnection(qintptr socketDescriptor) override;

private:
    void handleRequest(QTcpSocket *socket, const QByteArray &head);

    CannedReply m_defaultReply;
    QMap<QString, CannedReply> m_routes;
    QList<QSslCertificate> m_chain;
    QSslKey m_key;
    QList<QString> m_requestPaths;
};

} // namespace poc::test
