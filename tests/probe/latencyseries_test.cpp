#include "probe/endpointtracker.h"
#include "probe/latencyseries.h"

#include <gtest/gtest.h>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace poc::test {
namespace {

QList<QPointF> ramp(int count)
{
    QList<QPointF> points;
    for (int index = 0; index < count; ++index)
        points.append(QPointF(index, index % 50));
    return points;
}

TEST(DownsampleTest, FittingPointsAreUnchanged)
{
    const QList<QPointF> points = ramp(100);
    EXPECT_EQ(downsampleMinMax(points, 100), points);
}

TEST(DownsampleTest, ReducesToPixelCountKeepingSpikes)
{
    QList<QPointF> points = ramp(100000);
    points[54321].setY(5000);

    const QList<QPointF> reduced = downsampleMinMax(points, 800);

    EXPECT_LE(reduced.size(), 800);
    EXPECT_GE(reduced.size(), 400);
    EXPECT_TRUE(reduced.contains(QPointF(54321, 5000)));
    EXPECT_TRUE(std::is_sorted(reduced.cbegin(), reduced.cend(),
                               [](const QPointF &a, const QPointF &b) { return a.x() < b.x(); }));
}

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
