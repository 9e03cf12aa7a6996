// Redraw time of a 100,000-point Mimir range series in MimirRangeChart (offscreen),
// downsampled to the plot's pixel width. Target: <= 50 ms median. For comparison it
// also times a plain QLineSeries holding all 100,000 points.

#include "observability/mimirrangechart.h"

#include <QApplication>
#include <QChart>
#include <QChartView>
#include <QElapsedTimer>
#include <QLineSeries>
#include <QPixmap>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <vector>

namespace {

constexpr int kPoints = 100000;
constexpr int kRuns = 15;
constexpr int kRawRuns = 3;

poc::MimirSeries largeSeries(int offset)
{
    poc::MimirSeries series;
    series.labels = {{QStringLiteral("job"), QStringLiteral("arcade-engine")}};
    series.samples.reserve(kPoints);
    const qint64 start = 1781770000000;
    for (int i = 0; i < kPoints; ++i)
        series.samples.append({start + qint64(i) * 15000, 50 + 40 * std::sin((i + offset) / 700.0) + (i % 13)});
    return series;
}

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values.at(values.size() / 2);
}

// One redraw: new data handed to the view, then painted into a pixmap.
double timeDownsampled(poc::MimirRangeChart &chart, int run)
{
    const QList<poc::MimirSeries> series{largeSeries(run)};
    QElapsedTimer timer;
    timer.start();
    chart.setSeries(series);
    const QPixmap pixmap = chart.grab();
    return double(timer.nsecsElapsed()) / 1e6 + (pixmap.isNull() ? 0 : 0);
}

double timeRaw(QChartView &view, int run)
{
    QList<QPointF> points;
    points.reserve(kPoints);
    for (const poc::MimirSample &sample : largeSeries(run).samples)
        points.append(QPointF(double(sample.timeMs), sample.value));

    QElapsedTimer timer;
    timer.start();
    auto *line = static_cast<QLineSeries *>(view.chart()->series().first());
    line->replace(points);
    const QPixmap pixmap = view.grab();
    return double(timer.nsecsElapsed()) / 1e6 + (pixmap.isNull() ? 0 : 0);
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication application(argc, argv);

    poc::MimirRangeChart chart;
    chart.resize(1000, 400);
    chart.show();
    chart.setSeries({largeSeries(0)});
    chart.grab(); // first layout and font loading are not part of a redraw

    std::vector<double> downsampled;
    for (int i = 1; i <= kRuns; ++i)
        downsampled.push_back(timeDownsampled(chart, i));

    QChartView rawView;
    rawView.resize(1000, 400);
    rawView.setRenderHint(QPainter::Antialiasing); // as MimirRangeChart draws
    auto *line = new QLineSeries;
    rawView.chart()->addSeries(line);
    rawView.chart()->createDefaultAxes();
    rawView.show();
    std::vector<double> raw;
    for (int i = 1; i <= kRawRuns; ++i)
        raw.push_back(timeRaw(rawView, i));

    std::printf("points: %d, chart 1000x400, plotted after downsampling: %lld\n", kPoints,
                static_cast<long long>(chart.plottedPointCount()));
    std::printf("median redraw, downsampled: %.1f ms over %d runs (target <= 50 ms)\n", median(downsampled), kRuns);
    std::printf("median redraw, all points in a QLineSeries: %.1f ms over %d runs\n", median(raw), kRawRuns);
    return 0;
}
