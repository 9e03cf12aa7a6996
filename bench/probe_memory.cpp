// Measures resident memory while recording probe results into endpoint trackers with the
// default history size. Usage: probe_memory [RESULTS] [ENDPOINTS]
#include "probe_loopbackserver.h"

#include "core/config.h"
#include "probe/endpointtracker.h"

#include <QCoreApplication>

#include <cstdio>
#include <vector>

using namespace Qt::StringLiterals;
using namespace poc;

namespace {

// A result as a live probe of an https endpoint makes it: every string freshly allocated,
// one failure in ten with an error sentence.
ProbeResult makeResult(const EndpointConfig &endpoint, int sequence, const QDateTime &start)
{
    ProbeResult result;
    result.endpoint = QString(endpoint.name);
    result.url = endpoint.url;
    result.checkedAt = start.addSecs(30LL * sequence);
    result.latencyMs = 80 + sequence % 40;
    const bool failing = sequence % 10 == 9;
    result.state = failing ? EndpointState::Down : EndpointState::Up;
    result.httpStatus = failing ? 503 : 302;
    if (failing)
        result.error = u"The server responded with HTTP %1 %2."_s.arg(503).arg(u"Service Unavailable"_s);
    else
        result.redirectChain = {QUrl(u"https://login.microsoftonline.com/%1/oauth2/v2.0/authorize"_s.arg(u"tenant"_s))};
    result.signInHost = failing ? QString() : u"login.%1.com"_s.arg(u"microsoftonline"_s);
    const QDateTime expiry = start.addDays(60);
    result.leafCertificate = CertificateInfo{expiry, u"%1.arcade.st.dev"_s.arg(endpoint.name), u"R%1"_s.arg(11)};
    result.earliestExpiring = result.leafCertificate;
    return result;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication application(argc, argv);
    const QStringList arguments = application.arguments();
    const int results = arguments.size() > 1 ? arguments.at(1).toInt() : 100000;
    const int endpointCount = arguments.size() > 2 ? arguments.at(2).toInt() : 4;

    const PollingConfig polling; // history_size 2000, the default
    std::vector<EndpointTracker> trackers;
    for (int index = 0; index < endpointCount; ++index) {
        EndpointConfig endpoint;
        endpoint.name = u"endpoint%1"_s.arg(index);
        endpoint.url = QUrl(u"https://endpoint%1.arcade.st.dev/"_s.arg(index));
        trackers.emplace_back(endpoint, polling);
    }

    const QDateTime start = QDateTime::currentDateTimeUtc();
    const qint64 before = bench::residentKiB();
    qint64 whenFull = -1;
    const int fullAfter = polling.historySize * endpointCount;
    for (int sequence = 0; sequence < results; ++sequence) {
        EndpointTracker &tracker = trackers.at(std::size_t(sequence % endpointCount));
        tracker.record(makeResult(tracker.endpoint(), sequence / endpointCount, start));
        if (sequence + 1 == fullAfter)
            whenFull = bench::residentKiB();
    }
    const qint64 after = bench::residentKiB();

    std::printf("probe_memory: %d results into %d trackers, history_size %d\n", results, endpointCount, polling.historySize);
    std::printf("  RSS before:                %lld KiB\n", static_cast<long long>(before));
    std::printf("  RSS once histories filled: %lld KiB (after %d results)\n", static_cast<long long>(whenFull), fullAfter);
    std::printf("  RSS after:                 %lld KiB\n", static_cast<long long>(after));
    std::printf("  growth over the run:       %.2f MB (target <= 5 MB)\n", double(after - before) / 1024.0);
    std::printf("  growth after filling:      %.2f MB\n", double(after - whenFull) / 1024.0);
    return 0;
}
