#include "testhttpserver.h"

#include <QSslConfiguration>
#include <QSslSocket>
#include <QTimer>

#include <memory>

#include <gtest/gtest.h>

using namespace Qt::StringLiterals;

namespace poc::test {

namespace {

QString requestPath(const QByteArray &head)
{
    const QList<QByteArray> requestLine = head.left(head.indexOf("\r\n")).split(' ');
    return requestLine.size() >= 2 ? QString::fromLatin1(requestLine.at(1)) : QString();
}

} // namespace

QByteArray httpResponse(int status, const QByteArray &reason, const QByteArray &body,
                        const QByteArray &contentType, const QList<QByteArray> &extraHeaders)
{
    QByteArray response = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason + "\r\n";
    response += "Content-Type: " + contentType + "\r\n";
    response += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    response += "Connection: close\r\n";
    for (const QByteArray &header : extraHeaders)
        response += header + "\r\n";
    return response + "\r\n" + body;
}

QByteArray jsonResponse(int status, const QByteArray &reason, const QByteArray &json)
{
    return httpResponse(status, reason, json, "application/json");
}

QByteArray redirectResponse(int status, const QByteArray &location)
{
    return httpResponse(status, "Found", {}, "text/plain", {"Location: " + location});
}

TestHttpServer::TestHttpServer(QObject *parent)
    : QTcpServer(parent)
{
}

TestHttpServer::~TestHttpServer() = default;

void TestHttpServer::listenOnLoopback()
{
    ASSERT_TRUE(listen(QHostAddress::LocalHost, 0)) << errorString().toStdString();
}

QUrl TestHttpServer::url(const QString &path) const
{
    const QString scheme = m_chain.isEmpty() ? u"http"_s : u"https"_s;
    return QUrl(u"%1://127.0.0.1:%2%3"_s.arg(scheme).arg(serverPort()).arg(path));
}

void TestHttpServer::setTls(const QList<QSslCertificate> &chain, const QSslKey &key)
{
    m_chain = chain;
    m_key = key;
}

void TestHttpServer::incomingConnection(qintptr socketDescriptor)
{
    QTcpSocket *socket = nullptr;
    if (m_chain.isEmpty()) {
        socket = new QTcpSocket(this);
        socket->setSocketDescriptor(socketDescriptor);
    } else {
        auto *tlsSocket = new QSslSocket(this);
        tlsSocket->setSocketDescriptor(socketDescriptor);
        QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
        configuration.setLocalCertificateChain(m_chain);
        configuration.setPrivateKey(m_key);
        configuration.setPeerVerifyMode(QSslSocket::VerifyNone);
        tlsSocket->setSslConfiguration(configuration);
        tlsSocket->startServerEncryption();
        socket = tlsSocket;
    }

    auto head = std::make_shared<QByteArray>();
    connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    connect(socket, &QTcpSocket::readyRead, this, [this, socket, head] {
        head->append(socket->readAll());
        if (!head->contains("\r\n\r\n"))
            return;

        // One request per connection: the reply closes it.
        disconnect(socket, &QTcpSocket::readyRead, this, nullptr);
        handleRequest(socket, *head);
    });
}

void TestHttpServer::handleRequest(QTcpSocket *socket, const QByteArray &head)
{
    const QString path = requestPath(head);
    m_requestPaths.append(path);

    const CannedReply reply = m_routes.value(path, m_defaultReply);
    if (reply.neverRespond)
        return;

    QTimer::singleShot(reply.delay, socket, [socket, bytes = reply.bytes] {
        socket->write(bytes);
        socket->disconnectFromHost();
    });
}

} // namespace poc::test
