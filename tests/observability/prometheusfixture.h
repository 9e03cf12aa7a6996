#pragma once

#include <QDateTime>
#include <QProcess>
#include <QString>
#include <QTemporaryDir>
#include <QUrl>

namespace poc::test {

// A real Prometheus (Debian package `prometheus`) standing in for Mimir's query API:
// OpenMetrics text is backfilled with `promtool tsdb create-blocks-from openmetrics`, then
// `prometheus` serves it under /prometheus on a free loopback port until destruction.
class PrometheusFixture final
{
public:
    PrometheusFixture() = default;
    ~PrometheusFixture();
    Q_DISABLE_COPY_MOVE(PrometheusFixture)

    // Backfills `openMetrics` and starts the server; returns an error message, empty on success.
    QString start(const QByteArray &openMetrics);

    // The Prometheus API base as mimir.url takes it: http://127.0.0.1:PORT/prometheus.
    QUrl apiBase() const;

private:
    QString backfill(const QByteArray &openMetrics);
    QString waitUntilReady();

    QTemporaryDir m_dir;
    QProcess m_server;
    quint16 m_port = 0;
};

} // namespace poc::test
