#include "prometheusfixture.h"

#include "testsupport.h"

#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QStandardPaths>
#include <QTcpServer>

#include <memory>

namespace poc::test {

namespace {

quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

QString missingBinary(const QString &name)
{
    return QStringLiteral("%1 was not found on PATH: install the Debian package \"prometheus\"").arg(name);
}

} // namespace

PrometheusFixture::~PrometheusFixture()
{
    if (m_server.state() == QProcess::NotRunning)
        return;
    m_server.terminate();
    if (!m_server.waitForFinished(10000)) {
        m_server.kill();
        m_server.waitForFinished();
    }
}

QString PrometheusFixture::start(const QByteArray &openMetrics)
{
    if (QStandardPaths::findExecutable(QStringLiteral("prometheus")).isEmpty())
        return missingBinary(QStringLiteral("prometheus"));
    if (const QString error = backfill(openMetrics); !error.isEmpty())
        return error;

    const QString config = m_dir.filePath(QStringLiteral("prometheus.yml"));
    writeFile(config, "global:\n  scrape_interval: 1h\n");
    m_port = freePort();
    m_server.setProcessChannelMode(QProcess::MergedChannels);
    m_server.start(QStringLiteral("prometheus"), {
        QStringLiteral("--config.file=") + config,
        QStringLiteral("--storage.tsdb.path=") + m_dir.filePath(QStringLiteral("data")),
        QStringLiteral("--web.route-prefix=/prometheus"),
        QStringLiteral("--web.listen-address=127.0.0.1:%1").arg(m_port),
    });
    if (!m_server.waitForStarted())
        return QStringLiteral("prometheus did not start: %1").arg(m_server.errorString());
    return waitUntilReady();
}

QUrl PrometheusFixture::apiBase() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1/prometheus").arg(m_port));
}

QString PrometheusFixture::backfill(const QByteArray &openMetrics)
{
    if (QStandardPaths::findExecutable(QStringLiteral("promtool")).isEmpty())
        return missingBinary(QStringLiteral("promtool"));

    const QString input = m_dir.filePath(QStringLiteral("samples.om"));
    writeFile(input, openMetrics);
    QProcess promtool;
    promtool.setProcessChannelMode(QProcess::MergedChannels);
    promtool.start(QStringLiteral("promtool"), {QStringLiteral("tsdb"), QStringLiteral("create-blocks-from"),
                                                QStringLiteral("openmetrics"), input, m_dir.filePath(QStringLiteral("data"))});
    if (!promtool.waitForFinished(60000) || promtool.exitCode() != 0)
        return QStringLiteral("promtool backfill failed: %1").arg(QString::fromUtf8(promtool.readAll()));
    return {};
}

QString PrometheusFixture::waitUntilReady()
{
    QNetworkAccessManager network;
    const QUrl ready(apiBase().toString() + QStringLiteral("/-/ready"));
    bool isReady = false;
    const bool done = waitUntil([&] {
        if (m_server.state() == QProcess::NotRunning)
            return true;
        std::unique_ptr<QNetworkReply> reply(network.get(QNetworkRequest(ready)));
        QEventLoop loop;
        QObject::connect(reply.get(), &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
        isReady = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 200;
        return isReady;
    }, std::chrono::seconds(60));

    if (done && isReady)
        return {};
    return QStringLiteral("prometheus was not ready at %1: %2").arg(ready.toString(), QString::fromUtf8(m_server.readAll()));
}

} // namespace poc::test
