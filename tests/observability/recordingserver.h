#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QTcpServer>
#include <QUrl>

class QTcpSocket;

namespace poc::test {

// One HTTP request as the server received it; header names in lower case.
struct RecordedRequest {
    QByteArray method;
    QByteArray target; // path and query as sent
    QHash<QByteArray, QByteArray> headers;
    QByteArray body;
};

// The reply the server sends to every request.
struct CannedReply {
    int status = 200;
    QByteArray contentType = "application/json";
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
    bool neverAnswer = false; // keep the connection open and send nothing, to provoke timeouts
};

// A minimal HTTP/1.1 server on 127.0.0.1 that records each request and sends a canned reply,
// so tests can assert the exact headers a client sent.
class RecordingServer final : public QObject
{
    Q_OBJECT

public:
    explicit RecordingServer(QObject *parent = nullptr);
    ~RecordingServer() override;

    // Listens on a free loopback port; false when that fails.
    bool listen();
    QUrl url(const QString &path = {}) const;

    void setReply(const CannedReply &reply) { m_reply = reply; }
    const QList<RecordedRequest> &requests() const { return m_requests; }

private:
    void handleConnection();
    void handleReadyRead(QTcpSocket *socket);
    void answer(QTcpSocket *socket);

    QTcpServer m_server;
    CannedReply m_reply;
    QList<RecordedRequest> m_requests;
    QHash<QTcpSocket *, QByteArray> m_buffers;
    QList<QPointer<QTcpSocket>> m_sockets;
};

} // namespace poc::test
