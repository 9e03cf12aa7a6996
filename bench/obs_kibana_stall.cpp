// Longest GUI event-loop stall while KibanaClient fetches and parses a 20 MB `_search`
// response from a loopback server. Target: <= 50 ms. Prints the median of the runs.

#include "core/secretstore.h"
#include "observability/kibanaclient.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <thread>

using namespace Qt::StringLiterals;

namespace {

constexpr int kRuns = 7;
constexpr int kTickMs = 2;
constexpr qsizetype kTargetBytes = 20 * 1024 * 1024;

// An Elasticsearch 8.x response of about 20 MB: many hits with long messages and a histogram.
QByteArray largeSearchResponse()
{
    QJsonArray hits;
    const QString padding(900, u'x');
    qsizetype bytes = 0;
    for (int i = 0; bytes < kTargetBytes; ++i) {
        const QJsonObject source{
            {u"@timestamp"_s, u"2026-06-18T09:14:02.512Z"_s},
            {u"message"_s, u"failed to upload metrics: lookup arcade-otel-collector: no such host "_s + padding},
            {u"Tracing"_s, QJsonObject{{u"TraceId"_s, QString::number(i)}}},
        };
        hits.append(QJsonObject{{u"_index"_s, u"logs-arcade"_s}, {u"_id"_s, QString::number(i)}, {u"_source"_s, source}});
        bytes += 1000;
    }
    QJsonArray buckets;
    for (int minute = 0; minute < 15; ++minute)
        buckets.append(QJsonObject{{u"key"_s, 1781773200000.0 + minute * 60000.0}, {u"doc_count"_s, 1000}});

    const QJsonObject body{
        {u"took"_s, 40}, {u"timed_out"_s, false},
        {u"hits"_s, QJsonObject{{u"total"_s, QJsonObject{{u"value"_s, hits.size()}, {u"relation"_s, u"eq"_s}}}, {u"hits"_s, hits}}},
        {u"aggregations"_s, QJsonObject{{u"per_minute"_s, QJsonObject{{u"buckets"_s, buckets}}}}},
    };
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

// Serves `body` to every request with blocking sockets on its own thread, so the server
// never runs on the event loop being measured.
class BlockingServer
{
public:
    explicit BlockingServer(QByteArray body)
        : m_body(std::move(body))
    {
        std::atomic<quint16> port{0};
        m_thread = std::thread([this, &port] { serve(port); });
        while (port.load() == 0)
            std::this_thread::yield();
        m_port = port.load();
    }

    ~BlockingServer()
    {
        m_stop = true;
        QTcpSocket wake; // unblocks waitForNewConnection
        wake.connectToHost(QHostAddress::LocalHost, m_port);
        wake.waitForConnected(1000);
        m_thread.join();
    }

    quint16 port() const { return m_port; }

private:
    void serve(std::atomic<quint16> &port)
    {
        QTcpServer server;
        server.listen(QHostAddress::LocalHost, 0);
        port = server.serverPort();
        while (!m_stop) {
            if (!server.waitForNewConnection(200))
                continue;
            std::unique_ptr<QTcpSocket> socket(server.nextPendingConnection());
            if (!m_stop)
                answer(*socket);
        }
    }

    void answer(QTcpSocket &socket)
    {
        QByteArray request;
        while (!request.contains("\r\n\r\n") && socket.waitForReadyRead(5000))
            request += socket.readAll();
        const qsizetype headerEnd = request.indexOf("\r\n\r\n");
        const qsizetype lengthAt = request.toLower().indexOf("content-length:");
        const qsizetype length = lengthAt < 0 ? 0 : request.mid(lengthAt + 15, request.indexOf('\r', lengthAt) - lengthAt - 15).trimmed().toLongLong();
        while (request.size() < headerEnd + 4 + length && socket.waitForReadyRead(5000))
            request += socket.readAll();

        socket.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + QByteArray::number(m_body.size())
                     + "\r\nConnection: close\r\n\r\n");
        socket.write(m_body);
        while (socket.bytesToWrite() > 0 && socket.waitForBytesWritten(5000)) {
        }
        socket.disconnectFromHost();
    }

    QByteArray m_body;
    std::thread m_thread;
    std::atomic<bool> m_stop{false};
    quint16 m_port = 0;
};

class NoSecrets final : public poc::SecretStore
{
public:
    void readSecret(const QString &, poc::SecretCallback done) override { done({poc::SecretError::NotFound, {}, {}}); }
    void writeSecret(const QString &, const QByteArray &, poc::SecretCallback done) override { done({}); }
    void deleteSecret(const QString &, poc::SecretCallback done) override { done({}); }
};

struct Run {
    qint64 longestStallMs = 0;
    qint64 totalMs = 0;
    qint64 hits = 0;
};

Run measure(poc::KibanaClient &client, const poc::KibanaQuery &query)
{
    Run run;
    QElapsedTimer sinceTick;
    QTimer ticker;
    ticker.setInterval(kTickMs);
    QObject::connect(&ticker, &QTimer::timeout, &ticker, [&] {
        run.longestStallMs = std::max(run.longestStallMs, sinceTick.elapsed() - kTickMs);
        sinceTick.restart();
    });

    QEventLoop loop;
    QObject::connect(&client, &poc::KibanaClient::finished, &loop, [&](const poc::KibanaResult &result) {
        run.hits = result.totalHits;
        loop.quit();
    });
    QElapsedTimer total;
    total.start();
    sinceTick.start();
    ticker.start();
    client.search(query);
    loop.exec();
    run.totalMs = total.elapsed();
    return run;
}

template<typename T>
T median(std::vector<T> values)
{
    std::sort(values.begin(), values.end());
    return values.at(values.size() / 2);
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication application(argc, argv);

    const QByteArray body = largeSearchResponse();
    BlockingServer server(body);
    NoSecrets secrets;
    QNetworkAccessManager network;

    poc::KibanaConfig config;
    config.url = QUrl(u"http://127.0.0.1:%1"_s.arg(server.port()));
    config.index = u"logs-arcade-*"_s;
    config.fields = {u"Tracing.TraceId"_s};
    const poc::KibanaQuery query{u"bench"_s, u"bench"_s, u"message:x"_s, std::chrono::minutes(15), 20};
    poc::KibanaClient client(config, &network, &secrets);

    std::vector<qint64> stalls;
    std::vector<qint64> totals;
    for (int i = 0; i < kRuns; ++i) {
        const Run run = measure(client, query);
        std::printf("run %d: %lld hits, longest stall %lld ms, fetch+parse %lld ms\n", i + 1,
                    static_cast<long long>(run.hits), static_cast<long long>(run.longestStallMs), static_cast<long long>(run.totalMs));
        stalls.push_back(run.longestStallMs);
        totals.push_back(run.totalMs);
    }

    std::printf("body: %.1f MB, runs: %d\n", double(body.size()) / (1024.0 * 1024.0), kRuns);
    std::printf("median longest event-loop stall: %lld ms (target <= 50 ms), max %lld ms\n",
                static_cast<long long>(median(stalls)), static_cast<long long>(*std::max_element(stalls.begin(), stalls.end())));
    std::printf("median fetch + parse time: %lld ms\n", static_cast<long long>(median(totals)));
    return 0;
}
