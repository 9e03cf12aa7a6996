// Compares the latency EndpointProber reports with curl's time_total on the same loopback
// endpoint. Usage: probe_overhead [RUNS] [SERVER_DELAY_MS]
#include "probe_loopbackserver.h"

#include "probe/endpointprober.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QStandardPaths>

#include <cstdio>

using namespace Qt::StringLiterals;
using namespace poc;

namespace {

struct ProbeTiming {
    double reportedMs;  // ProbeResult::latencyMs, whole milliseconds
    double wallClockMs; // start() to the finished signal, measured here in nanoseconds
};

ProbeTiming probeLatency(EndpointProber &prober)
{
    QEventLoop loop;
    ProbeResult result;
    QElapsedTimer wallClock;
    QObject::connect(&prober, &EndpointProber::finished, &loop, [&](const ProbeResult &finished) {
        result = finished;
        loop.quit();
    });
    wallClock.start();
    prober.start();
    loop.exec();
    const double wallClockMs = double(wallClock.nsecsElapsed()) / 1e6;
    if (result.state != EndpointState::Up)
        qFatal("probe failed: %s", qPrintable(result.error));
    return {double(result.latencyMs), wallClockMs};
}

double curlLatencyMs(const QString &curl, const QUrl &url)
{
    QProcess process;
    process.start(curl, {u"-s"_s, u"-o"_s, u"/dev/null"_s, u"-w"_s, u"%{time_total}"_s, url.toString()});
    if (!process.waitForFinished() || process.exitCode() != 0)
        qFatal("curl failed: %s", process.readAllStandardError().constData());
    return process.readAllStandardOutput().toDouble() * 1000.0; // curl prints seconds
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication application(argc, argv);
    const QStringList arguments = application.arguments();
    const int runs = arguments.size() > 1 ? arguments.at(1).toInt() : 200;
    const int delayMs = arguments.size() > 2 ? arguments.at(2).toInt() : 20;

    const QString curl = QStandardPaths::findExecutable(u"curl"_s);
    if (curl.isEmpty())
        qFatal("curl not found; install the Debian package curl");

    const bench::LoopbackServers server(1, std::chrono::milliseconds(delayMs));
    EndpointConfig endpoint;
    endpoint.name = u"engine"_s;
    endpoint.url = server.urls().first();
    endpoint.expect = EndpointExpectation::EngineHealth;
    endpoint.slowAfter = std::chrono::seconds(10);
    QNetworkAccessManager network;
    EndpointProber prober(endpoint, ProbeOptions(), &network);

    // One untimed run each, so that neither side pays for first-use set-up in the figures.
    probeLatency(prober);
    curlLatencyMs(curl, endpoint.url);

    QList<double> reported;
    QList<double> wallClock;
    QList<double> reference;
    for (int run = 0; run < runs; ++run) {
        const ProbeTiming timing = probeLatency(prober);
        reported.append(timing.reportedMs);
        wallClock.append(timing.wallClockMs);
        reference.append(curlLatencyMs(curl, endpoint.url));
    }

    const double reportedMedian = bench::median(reported);
    const double wallClockMedian = bench::median(wallClock);
    const double curlMedian = bench::median(reference);
    std::printf("probe_overhead: %d runs, server delay %d ms\n", runs, delayMs);
    std::printf("  app reported latency, median:      %.3f ms\n", reportedMedian);
    std::printf("  start() to finished signal, median: %.3f ms\n", wallClockMedian);
    std::printf("  curl time_total, median:           %.3f ms\n", curlMedian);
    std::printf("  ratio reported/curl:               %.3f (target <= 1.10)\n", reportedMedian / curlMedian);
    std::printf("  ratio start-to-finished/curl:      %.3f\n", wallClockMedian / curlMedian);
    return 0;
}
