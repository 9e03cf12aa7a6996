#include "observability/mimirrangechart.h"

#include "observability/downsample.h"
#include "observability/observabilitycolors.h"

#include <QDateTimeAxis>
#include <QEvent>
#include <QLineSeries>
#include <QValueAxis>

#include <algorithm>
#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;

namespace poc {

namespace {

QList<QPointF> pointsOf(const MimirSeries &series)
{
    QList<QPointF> points;
    points.reserve(series.samples.size());
    for (const MimirSample &sample : series.samples) {
        // NaN and infinite samples cannot be drawn; they leave a gap in the data instead.
        if (std::isfinite(sample.value))
            points.append(QPointF(double(sample.timeMs), sample.value));
    }
    return points;
}

struct Bounds {
    double minX = std::numeric_limits<double>::max();
    double maxX = std::numeric_limits<double>::lowest();
    double minY = std::numeric_limits<double>::max();
    double maxY = std::numeric_limits<double>::lowest();

    void include(const QList<QPointF> &points)
    {
        for (const QPointF &point : points) {
            minX = std::min(minX, point.x());
            maxX = std::max(maxX, point.x());
            minY = std::min(minY, point.y());
            maxY = std::max(maxY, point.y());
        }
    }
    bool isEmpty() const { return minX > maxX; }
};

} // namespace

MimirRangeChart::MimirRangeChart(QWidget *parent)
    : QChartView(parent)
    , m_timeAxis(new QDateTimeAxis(this)) // the chart takes ownership when the first line arrives
    , m_valueAxis(new QValueAxis(this))
{
    setObjectName(u"rangeChart"_s);
    setMinimumHeight(200);
    setRenderHint(QPainter::Antialiasing);

    auto *chart = new QChart;
    setChart(chart);
    applyTheme();
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->legend()->setAlignment(Qt::AlignBottom);
    m_timeAxis->setFormat(u"HH:mm"_s);
    m_timeAxis->setTitleText(u"Local time"_s);
}

void MimirRangeChart::setSeries(const QList<MimirSeries> &series)
{
    m_points.clear();
    m_names.clear();
    const qsizetype shown = std::min<qsizetype>(series.size(), kMaxSeriesShown);
    for (qsizetype i = 0; i < shown; ++i) {
        m_points.append(pointsOf(series.at(i)));
        m_names.append(series.at(i).displayName());
    }
    m_plottedWidth = 0;
    replot();
}

qsizetype MimirRangeChart::plottedPointCount() const
{
    qsizetype count = 0;
    for (const QLineSeries *line : m_lines)
        count += line->count();
    return count;
}

void MimirRangeChart::resizeEvent(QResizeEvent *event)
{
    QChartView::resizeEvent(event);
    if (plotWidth() != m_plottedWidth)
        replot();
}

void MimirRangeChart::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        applyTheme();
    QChartView::changeEvent(event);
}

void MimirRangeChart::syncLines()
{
    // The axes join the chart together with the first line, because a QDateTimeAxis added
    // to a shown chart before any series stays without labels (seen with Qt 6.4.2).
    if (chart()->axes().isEmpty() && !m_points.isEmpty()) {
        chart()->addAxis(m_timeAxis, Qt::AlignBottom);
        chart()->addAxis(m_valueAxis, Qt::AlignLeft);
    }
    while (m_lines.size() > m_points.size()) {
        QLineSeries *line = m_lines.takeLast();
        chart()->removeSeries(line);
        delete line;
    }
    while (m_lines.size() < m_points.size()) {
        auto *line = new QLineSeries;
        chart()->addSeries(line);
        line->attachAxis(m_timeAxis);
        line->attachAxis(m_valueAxis);
        m_lines.append(line);
    }
}

void MimirRangeChart::replot()
{
    m_plottedWidth = plotWidth();
    syncLines();

    Bounds bounds;
    for (qsizetype i = 0; i < m_points.size(); ++i) {
        m_lines.at(i)->setName(m_names.at(i));
        m_lines.at(i)->replace(downsampleToColumns(m_points.at(i), m_plottedWidth));
        bounds.include(m_points.at(i));
    }

    if (bounds.isEmpty())
        return;
    m_timeAxis->setRange(QDateTime::fromMSecsSinceEpoch(qint64(bounds.minX), Qt::UTC),
                         QDateTime::fromMSecsSinceEpoch(qint64(bounds.maxX), Qt::UTC));
    const double pad = bounds.maxY > bounds.minY ? 0.05 * (bounds.maxY - bounds.minY) : 1.0;
    m_valueAxis->setRange(bounds.minY - pad, bounds.maxY + pad);
}

void MimirRangeChart::applyTheme()
{
    chart()->setTheme(isDarkPalette(palette()) ? QChart::ChartThemeDark : QChart::ChartThemeLight);
}

int MimirRangeChart::plotWidth() const
{
    // Before the first layout the plot area is empty; the widget width is a safe upper bound.
    const int plotArea = int(chart()->plotArea().width());
    return std::max(plotArea > 0 ? plotArea : width(), 1);
}

} // namespace poc
