#include "probe/endpointtracker.h"
#include "probe/latencyseries.h"

#include <gtest/gtest.h>

using namespace Qt::StringLiterals;

namespace poc::test {
namespace {

TEST(LatencyPointsTest, SkipsResultsWithoutHttpResponse)
{
    PollingConfig polling;
    EndpointConfig endpoint;
    endpoint.name = u"engine"_s;
    EndpointTracker tracker(endpoint, polling);
    const QDateTime start(QDate(2026, 6, 18), QTime(12, 0), Qt::UTC);

    ProbeResult responded;
    responded.httpStatus = 200;
    responded.latencyMs = 42;
    responded.checkedAt = start;
    ProbeResult refused;
    refused.state = EndpointState::Unreachable;
    refused.latencyMs = 1;
    refused.checkedAt = start.addSecs(30);
    tracker.record(responded);
    tracker.record(refused);

    const QList<QPointF> points = latencyPoints(tracker);

    ASSERT_EQ(points.size(), 1);
    EXPECT_EQ(points.first(), QPointF(double(start.toMSecsSinceEpoch()), 42));
}

} // namespace
} // namespace poc::test
