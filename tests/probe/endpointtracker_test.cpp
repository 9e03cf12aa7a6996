#include "probe/endpointtracker.h"

#include <gtest/gtest.h>

#include <vector>

using namespace Qt::StringLiterals;

namespace poc::test {
namespace {

using enum EndpointState;

EndpointConfig engine()
{
    EndpointConfig endpoint;
    endpoint.name = u"engine"_s;
    endpoint.url = QUrl(u"https://127.0.0.1/v1/health"_s);
    return endpoint;
}

PollingConfig polling(int failuresBeforeDown, int successesBeforeUp, int historySize = 100)
{
    PollingConfig config;
    config.failuresBeforeDown = failuresBeforeDown;
    config.successesBeforeUp = successesBeforeUp;
    config.historySize = historySize;
    return config;
}

ProbeResult result(EndpointState state, qint64 latencyMs = 10,
                   const QDateTime &checkedAt = QDateTime::currentDateTimeUtc())
{
    ProbeResult probeResult;
    probeResult.endpoint = u"engine"_s;
    probeResult.state = state;
    probeResult.latencyMs = latencyMs;
    probeResult.checkedAt = checkedAt;
    if (!isHealthy(state))
        probeResult.error = u"The server responded with HTTP 503 Service Unavailable."_s;
    return probeResult;
}

struct DebounceCase {
    const char *name;
    int failuresBeforeDown;
    int successesBeforeUp;
    std::vector<EndpointState> results;
    std::vector<EndpointState> shown; // after each result
    const char *debounceText;         // after the last result
};

void PrintTo(const DebounceCase &debounceCase, std::ostream *out)
{
    *out << debounceCase.name;
}

class DebounceTest : public testing::TestWithParam<DebounceCase>
{
};

TEST_P(DebounceTest, ShownStateFollowsSequence)
{
    const DebounceCase &debounceCase = GetParam();
    ASSERT_EQ(debounceCase.results.size(), debounceCase.shown.size());
    EndpointTracker tracker(engine(), polling(debounceCase.failuresBeforeDown, debounceCase.successesBeforeUp));

    for (std::size_t step = 0; step < debounceCase.results.size(); ++step) {
        tracker.record(result(debounceCase.results[step]));
        ASSERT_TRUE(tracker.displayedState().has_value());
        EXPECT_EQ(toString(*tracker.displayedState()), toString(debounceCase.shown[step])) << "after result " << step + 1;
    }
    EXPECT_EQ(tracker.debounceText(), QLatin1String(debounceCase.debounceText));
    EXPECT_EQ(tracker.isDebouncing(), !QByteArrayView(debounceCase.debounceText).isEmpty());
}

INSTANTIATE_TEST_SUITE_P(
    Sequences, DebounceTest,
    testing::Values(
        DebounceCase{"FirstResultShownAsIs", 2, 1, {Down}, {Down}, ""},
        DebounceCase{"OneFailurePending", 2, 1, {Up, Down}, {Up, Up}, "failing 1/2"},
        DebounceCase{"TwoFailuresFlip", 2, 1, {Up, Down, Down}, {Up, Up, Down}, ""},
        DebounceCase{"MixedFailuresCount", 2, 1, {Up, Timeout, Down}, {Up, Up, Down}, ""},
        DebounceCase{"DegradedCountsAsFailure", 2, 1, {Up, Degraded}, {Up, Up}, "failing 1/2"},
        DebounceCase{"SuccessResetsFailures", 2, 1, {Up, Down, Up, Down}, {Up, Up, Up, Up}, "failing 1/2"},
        DebounceCase{"ThreeNeeded", 3, 1, {Up, Down, Down}, {Up, Up, Up}, "failing 2/3"},
        DebounceCase{"NoDebounceWithOne", 1, 1, {Up, Unreachable}, {Up, Unreachable}, ""},
        DebounceCase{"RecoversAfterOneSuccess", 2, 1, {Up, Down, Down, Up}, {Up, Up, Down, Up}, ""},
        DebounceCase{"RecoveryPending", 2, 2, {Down, Up}, {Down, Down}, "recovering 1/2"},
        DebounceCase{"RecoveryConfirmed", 2, 2, {Down, Up, Up}, {Down, Down, Up}, ""},
        DebounceCase{"FailingStateFollowsLatest", 2, 1, {Down, Timeout, TlsError}, {Down, Timeout, TlsError}, ""},
        DebounceCase{"AuthRequiredIsHealthy", 2, 1, {Up, AuthRequired}, {Up, AuthRequired}, ""}),
    [](const testing::TestParamInfo<DebounceCase> &info) { return std::string(info.param.name); });

TEST(EndpointTrackerTest, NoStateBeforeFirstResult)
{
    const EndpointTracker tracker(engine(), polling(2, 1));

    EXPECT_FALSE(tracker.hasResult());
    EXPECT_FALSE(tracker.displayedState().has_value());
    EXPECT_TRUE(tracker.debounceText().isEmpty());
    EXPECT_FALSE(tracker.sessionUptime().has_value());
    EXPECT_FALSE(tracker.lastHourUptime(QDateTime::currentDateTimeUtc()).has_value());
}

TEST(EndpointTrackerTest, HistoryDropsOldestBeyondCapacity)
{
    EndpointTracker tracker(engine(), polling(2, 1, 5));

    for (int index = 1; index <= 12; ++index)
        tracker.record(result(Up, index));

    EXPECT_EQ(tracker.historyCapacity(), 5);
    ASSERT_EQ(tracker.historyCount(), 5);
    EXPECT_EQ(tracker.historyAt(0).latencyMs, 8);
    EXPECT_EQ(tracker.historyAt(4).latencyMs, 12);
    EXPECT_EQ(tracker.latest().latencyMs, 12);
    EXPECT_EQ(tracker.sessionChecks(), 12);
}

TEST(EndpointTrackerTest, SessionUptimeCountsEveryResult)
{
    EndpointTracker tracker(engine(), polling(2, 1));

    tracker.record(result(Up));
    tracker.record(result(AuthRequired));
    tracker.record(result(Up));
    tracker.record(result(Down));

    ASSERT_TRUE(tracker.sessionUptime().has_value());
    EXPECT_DOUBLE_EQ(*tracker.sessionUptime(), 75.0);
    EXPECT_EQ(tracker.sessionHealthyChecks(), 3);
}

TEST(EndpointTrackerTest, SessionUptimeSurvivesEviction)
{
    EndpointTracker tracker(engine(), polling(2, 1, 2));

    for (int index = 0; index < 9; ++index)
        tracker.record(result(Up));
    tracker.record(result(Down));

    EXPECT_EQ(tracker.historyCount(), 2);
    ASSERT_TRUE(tracker.sessionUptime().has_value());
    EXPECT_DOUBLE_EQ(*tracker.sessionUptime(), 90.0);
}

TEST(EndpointTrackerTest, LastHourUptimeIgnoresOlderResults)
{
    const QDateTime now = QDateTime(QDate(2026, 6, 18), QTime(12, 0), Qt::UTC);
    EndpointTracker tracker(engine(), polling(2, 1));

    tracker.record(result(Down, 10, now.addSecs(-2 * 3600)));
    tracker.record(result(Down, 10, now.addSecs(-3601)));
    tracker.record(result(Up, 10, now.addSecs(-3599)));
    tracker.record(result(Up, 10, now.addSecs(-1800)));
    tracker.record(result(Down, 10, now.addSecs(-60)));
    tracker.record(result(Up, 10, now));

    ASSERT_TRUE(tracker.lastHourUptime(now).has_value());
    EXPECT_DOUBLE_EQ(*tracker.lastHourUptime(now), 75.0);
    EXPECT_DOUBLE_EQ(*tracker.sessionUptime(), 50.0);
}

TEST(EndpointTrackerTest, RepeatedErrorTextIsShared)
{
    EndpointTracker tracker(engine(), polling(2, 1));

    tracker.record(result(Down));
    tracker.record(result(Down));

    EXPECT_EQ(tracker.historyAt(0).error.constData(), tracker.historyAt(1).error.constData());
}

} // namespace
} // namespace poc::test
