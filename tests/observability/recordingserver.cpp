#include "recordingserver.h"

#include <QTcpSocket>

namespace poc::test {

namespace {

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200: return "OK";
    case 302: return "Found";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 500: return "Internal Server Error";
    case 502: return "Bad Gateway";
    default: return "Status";
    }
}

// Parses the request in `buffer` once it is complete; returns false while bytes are missing.
bool parseRequest(const QByteArray &buffer, RecordedRequest &request)
{
    const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
    if (headerEnd < 0)
        return false;

    const QList<QByteArray> lines = buffer.left(headerEnd).split('\n');
    const QList<QByteArray> requestLine = lines.first().trimmed().split(' ');
    request.method = requestLine.value(0);
    request.target = requestLine.value(1);
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines.at(i).indexOf(':');
        if (colon > 0)
            request.headers.insert(lines.at(i).left(colon).trimmed().toLower(), lines.at(i).mid(colon + 1).trimmed());
    }

    const qsizetype length = request.headers.value("content-length", "0").toLongLong();
    if (buffer.size() - headerEnd - 4 < length)
        return false;
    request.body = buffer.mid(headerEnd + 4, length);
    return true;
}

} // namespace

RecordingServer::RecordingServer(QObject *parent)
    : QObject(parent)
{
    connect(&m_server, &QTcpServer::newConnection, this, &RecordingServer::handleConnection);
}

RecordingServer::~RecordingServer()
{
    // The sockets die with m_server, after the members their signals would touch.
    for (const QPointer<QTcpSocket> &socket : std::as_const(m_sockets)) {
        if (socket)
            socket->disconnect(this);
    }
}

bool RecordingServer::listen()
{
    return m_server.listen(QHostAddress::LocalHost, 0);
}

QUrl RecordingServer::url(const QString &path) const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_server.serverPort()).arg(path));
}

void RecordingServer::handleConnection()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        m_sockets.append(socket);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { handleReadyRead(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            m_buffers.remove(socket);
            socket->deleteLater();
        });
    }
}

void RecordingServer::handleReadyRead(QTcpSocket *socket)
{
    QByteArray &buffer = m_buffers[socket];
    buffer += socket->readAll();

    RecordedRequest request;
    if (!parseRequest(buffer, request))
        return;
    buffer.clear();
    m_requests.append(request);
    if (!m_reply.neverAnswer)
        answer(socket);
}

void RecordingServer::answer(QTcpSocket *socket)
{
    QByteArray head = "HTTP/1.1 " + QByteArray::number(m_reply.status) + ' ' + reasonPhrase(m_reply.status) + "\r\n";
    head += "Content-Type: " + m_reply.contentType + "\r\n";
    head += "Content-Length: " + QByteArray::number(m_reply.body.size()) + "\r\n";
    for (const auto &[name, value] : m_reply.headers)
        head += name + ": " + value + "\r\n";
    head += "Connection: close\r\n\r\n";

    socket->write(head);
    socket->write(m_reply.body);
    socket->disconnectFromHost();
}

} // namespace poc::test
