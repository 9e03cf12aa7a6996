#include "observability/downsample.h"

#include <gtest/gtest.h>

#include <cmath>

namespace poc {
namespace {

QList<QPointF> sine(int count)
{
    QList<QPointF> points;
    for (int i = 0; i < count; ++i)
        points.append(QPointF(i, std::sin(i / 500.0)));
    return points;
}

TEST(Downsample, LargeSeriesFitsTwicePixelWidth)
{
    const QList<QPointF> reduced = downsampleToColumns(sine(100000), 800);

    EXPECT_LE(reduced.size(), 1600);
    EXPECT_GE(reduced.size(), 800);
}

TEST(Downsample, KeepsSinglePeakAndDip)
{
    QList<QPointF> points = sine(100000);
    points[43210].setY(50.0);
    points[77777].setY(-50.0);

    const QList<QPointF> reduced = downsampleToColumns(points, 300);

    EXPECT_TRUE(reduced.contains(QPointF(43210, 50.0)));
    EXPECT_TRUE(reduced.contains(QPointF(77777, -50.0)));
}

TEST(Downsample, KeepsXOrder)
{
    const QList<QPointF> reduced = downsampleToColumns(sine(100000), 640);

    for (qsizetype i = 1; i < reduced.size(); ++i)
        ASSERT_LT(reduced.at(i - 1).x(), reduced.at(i).x()) << "at index " << i;
}

TEST(Downsample, KeepsGlobalExtremes)
{
    const QList<QPointF> points = sine(100000);

    const QList<QPointF> reduced = downsampleToColumns(points, 100);

    const auto [minIt, maxIt] = std::minmax_element(points.cbegin(), points.cend(),
                                                    [](const QPointF &a, const QPointF &b) { return a.y() < b.y(); });
    const auto [rMin, rMax] = std::minmax_element(reduced.cbegin(), reduced.cend(),
                                                  [](const QPointF &a, const QPointF &b) { return a.y() < b.y(); });
    EXPECT_DOUBLE_EQ(rMin->y(), minIt->y());
    EXPECT_DOUBLE_EQ(rMax->y(), maxIt->y());
}

TEST(Downsample, SmallSeriesUnchanged)
{
    const QList<QPointF> points = sine(100);

    EXPECT_EQ(downsampleToColumns(points, 50), points);
}

TEST(Downsample, ZeroWidthGivesNothing)
{
    EXPECT_TRUE(downsampleToColumns(sine(1000), 0).isEmpty());
}

TEST(Downsample, ConstantXCollapsesToEnds)
{
    const QList<QPointF> points(1000, QPointF(5, 1));

    EXPECT_EQ(downsampleToColumns(points, 10).size(), 2);
}

} // namespace
} // namespace poc
