// Times whole poll cycles of EndpointMonitor against loopback endpoints that respond after a
// fixed delay. Usage: probe_concurrency [ENDPOINTS] [SERVER_DELAY_MS] [CYCLES]
#include "probe_loopbackserver.h"

#include "core/config.h"
#include "probe/endpointmonitor.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QNetworkAccessManager>

#include <cstdio>

using namespace Qt::StringLiterals;
using namespace poc;

namespace {

Config configFor(const QList<QUrl> &urls)
{
    Config config;
    config.polling.timeout = std::chrono::seconds(10);
    for (const QUrl &url : urls) {
        EndpointConfig endpoint;
        endpoint.name = u"endpoint-%1"_s.arg(url.port());
        endpoint.url = url;
        endpoint.expect = EndpointExpectation::EngineHealth;
        config.endpoints.append(endpoint);
    }
    return config;
}

double cycleMs(EndpointMonitor &monitor)
{
    QEventLoop loop;
    QObject::connect(&monitor, &EndpointMonitor::cycleFinished, &loop, &QEventLoop::quit);
    QElapsedTimer timer;
    timer.start();
    monitor.pollAll();
    loop.exec();
    return double(timer.nsecsElapsed()) / 1e6;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication application(argc, argv);
    const QStringList arguments = application.arguments();
    const int endpoints = arguments.size() > 1 ? arguments.at(1).toInt() : 4;
    const int delayMs = arguments.size() > 2 ? arguments.at(2).toInt() : 300;
    const int cycles = arguments.size() > 3 ? arguments.at(3).toInt() : 20;

    const bench::LoopbackServers servers(endpoints, std::chrono::milliseconds(delayMs));
    QNetworkAccessManager network;
    EndpointMonitor monitor(configFor(servers.urls()), &network);

    cycleMs(monitor); // untimed warm-up
    QList<double> times;
    for (int cycle = 0; cycle < cycles; ++cycle)
        times.append(cycleMs(monitor));

    if (!monitor.allHealthy())
        qFatal("not every endpoint was up; the figures would not be meaningful");

    const double medianMs = bench::median(times);
    std::printf("probe_concurrency: %d endpoints responding after %d ms, %d cycles\n", endpoints, delayMs, cycles);
    std::printf("  poll cycle, median: %.1f ms (%.3f x the server delay)\n", medianMs, medianMs / delayMs);
    std::printf("  poll cycle, max:    %.1f ms\n", *std::max_element(times.cbegin(), times.cend()));
    return 0;
}
