#include "probe_loopbackserver.h"

#include <QFile>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <algorithm>
#include <memory>

using namespace Qt::StringLiterals;

namespace poc::bench {

namespace {

const QByteArray kBody = R"({"healthy":true})";

QByteArray healthResponse()
{
    return "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
        + QByteArray::number(kBody.size()) + "\r\nConnection: close\r\n\r\n" + kBody;
}

} // namespace

class LoopbackWorker final : public QObject
{
public:
    explicit LoopbackWorker(std::chrono::milliseconds delay)
        : m_delay(delay)
    {
    }

    // Runs on the worker thread; returns the ports it listens on.
    QList<quint16> listen(int count)
    {
        QList<quint16> ports;
        for (int index = 0; index < count; ++index) {
            auto *server = new QTcpServer(this);
            if (!server->listen(QHostAddress::LocalHost, 0))
                qFatal("cannot listen on 127.0.0.1: %s", qPrintable(server->errorString()));
            connect(server, &QTcpServer::newConnection, this, [this, server] { handleConnections(server); });
            ports.append(server->serverPort());
        }
        return ports;
    }

private:
    void handleConnections(QTcpServer *server)
    {
        while (QTcpSocket *socket = server->nextPendingConnection()) {
            auto head = std::make_shared<QByteArray>();
            connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            connect(socket, &QTcpSocket::readyRead, socket, [this, socket, head] {
                head->append(socket->readAll());
                if (head->contains("\r\n\r\n")) {
                    disconnect(socket, &QTcpSocket::readyRead, nullptr, nullptr);
                    QTimer::singleShot(m_delay, Qt::PreciseTimer, socket, [socket] {
                        socket->write(healthResponse());
                        socket->disconnectFromHost();
                    });
                }
            });
        }
    }

    std::chrono::milliseconds m_delay;
};

LoopbackServers::LoopbackServers(int count, std::chrono::milliseconds delay)
{
    m_worker = new LoopbackWorker(delay);
    m_worker->moveToThread(&m_thread);
    QObject::connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.start();

    QList<quint16> ports;
    QMetaObject::invokeMethod(m_worker, [this, count, &ports] { ports = m_worker->listen(count); },
                              Qt::BlockingQueuedConnection);
    for (quint16 port : std::as_const(ports))
        m_urls.append(QUrl(u"http://127.0.0.1:%1/v1/health"_s.arg(port)));
}

LoopbackServers::~LoopbackServers()
{
    m_thread.quit();
    m_thread.wait();
}

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    const qsizetype middle = values.size() / 2;
    return values.size() % 2 == 1 ? values.at(middle) : (values.at(middle - 1) + values.at(middle)) / 2;
}

qint64 residentKiB()
{
    QFile status(u"/proc/self/status"_s);
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}

} // namespace poc::bench
