#include "status/statusboard.h"

#include "probe/endpointmonitor.h"
#include "observability/downsample.h"
#include "probe/latencyseries.h"
#include "status/endpointtile.h"

#include <QChart>
#include <QChartView>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QEvent>
#include <QGridLayout>
#include <QLineSeries>
#include <QValueAxis>
#include <QVBoxLayout>

#include <algorithm>
#include <limits>

using namespace Qt::StringLiterals;

namespace poc {

namespace {

constexpr int kMaxTileColumns = 4;
constexpr qint64 kMinimumTimeSpanMs = 60 * 1000;

// Up to this span the time axis shows seconds; beyond it, minutes are precise enough.
constexpr qint64 kSecondsLabelSpanMs = 10 * 60 * 1000;

// Head room above the highest latency, so that the top point does not touch the frame.
constexpr double kLatencyHeadroom = 1.1;

} // namespace

StatusBoard::StatusBoard(EndpointMonitor *monitor, QWidget *parent)
    : QWidget(parent)
    , m_monitor(monitor)
{
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(createTileGrid());
    createChart();
    layout->addWidget(m_chartView, 1);

    connect(m_monitor, &EndpointMonitor::resultRecorded, this, &StatusBoard::handleResultRecorded);
    for (int index = 0; index < m_monitor->count(); ++index)
        handleResultRecorded(index);
}

StatusBoard::~StatusBoard() = default;

void StatusBoard::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && m_chart)
        applyPaletteToChart();
}

void StatusBoard::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);

    // The chart keeps about one point per pixel, so a wider chart shows more detail.
    for (int index = 0; index < m_series.size(); ++index)
        refreshSeries(index);
}

void StatusBoard::handleResultRecorded(int endpointIndex)
{
    m_tiles.at(endpointIndex)->showTracker(m_monitor->tracker(endpointIndex));
    refreshSeries(endpointIndex);
    refreshAxes();
}

QWidget *StatusBoard::createTileGrid()
{
    auto *grid = new QWidget(this);
    auto *layout = new QGridLayout(grid);
    layout->setContentsMargins(0, 0, 0, 0);

    const int columns = std::clamp(m_monitor->count(), 1, kMaxTileColumns);
    for (int index = 0; index < m_monitor->count(); ++index) {
        auto *tile = new EndpointTile(m_monitor->tracker(index).endpoint(), grid);
        layout->addWidget(tile, index / columns, index % columns);
        m_tiles.append(tile);
    }
    return grid;
}

void StatusBoard::createChart()
{
    m_chart = new QChart();
    m_chart->setTitle(u"Latency (ms)"_s);
    m_chart->legend()->setAlignment(Qt::AlignBottom);

    m_timeAxis = new QDateTimeAxis(m_chart);
    m_timeAxis->setFormat(u"HH:mm"_s);
    m_timeAxis->setTitleText(u"Time"_s);
    m_chart->addAxis(m_timeAxis, Qt::AlignBottom);

    m_latencyAxis = new QValueAxis(m_chart);
    m_latencyAxis->setLabelFormat(u"%g"_s);
    m_latencyAxis->setTitleText(u"ms"_s);
    m_latencyAxis->setMin(0);
    m_chart->addAxis(m_latencyAxis, Qt::AlignLeft);

    for (int index = 0; index < m_monitor->count(); ++index) {
        const EndpointConfig &endpoint = m_monitor->tracker(index).endpoint();
        auto *series = new QLineSeries(m_chart);
        series->setName(endpoint.title.isEmpty() ? endpoint.name : endpoint.title);
        // Markers keep the first result visible: a line needs two points before it draws anything.
        series->setPointsVisible(true);
        m_chart->addSeries(series);
        series->attachAxis(m_timeAxis);
        series->attachAxis(m_latencyAxis);
        m_series.append(series);
    }

    m_chartView = new QChartView(m_chart, this);
    m_chartView->setRenderHint(QPainter::Antialiasing);
    m_chartView->setMinimumHeight(fontMetrics().height() * 14);
    applyPaletteToChart();
    refreshAxes();
}

void StatusBoard::applyPaletteToChart()
{
    const QPalette colors = palette();
    const QColor text = colors.color(QPalette::WindowText);

    m_chart->setBackgroundBrush(colors.color(QPalette::Base));
    m_chart->setTitleBrush(text);
    m_chart->legend()->setLabelColor(text);
    for (QAbstractAxis *axis : {static_cast<QAbstractAxis *>(m_timeAxis), static_cast<QAbstractAxis *>(m_latencyAxis)}) {
        axis->setLabelsColor(text);
        axis->setTitleBrush(text);
        axis->setGridLineColor(colors.color(QPalette::Mid));
    }
}

void StatusBoard::refreshSeries(int endpointIndex)
{
    const QList<QPointF> points = latencyPoints(m_monitor->tracker(endpointIndex));
    m_series.at(endpointIndex)->replace(downsampleToColumns(points, plotWidthInPixels() / 2));
}

void StatusBoard::refreshAxes()
{
    double earliest = std::numeric_limits<double>::max();
    double latest = std::numeric_limits<double>::lowest();
    double highest = 0;
    for (const QLineSeries *series : std::as_const(m_series)) {
        const QList<QPointF> points = series->points();
        for (const QPointF &point : points) {
            earliest = std::min(earliest, point.x());
            latest = std::max(latest, point.x());
            highest = std::max(highest, point.y());
        }
    }

    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (earliest > latest) {
        earliest = double(now - kMinimumTimeSpanMs);
        latest = double(now);
    }
    if (latest - earliest < kMinimumTimeSpanMs)
        earliest = latest - kMinimumTimeSpanMs;
    // A margin after the newest point keeps its marker inside the plot area.
    latest += (latest - earliest) * 0.02;

    m_timeAxis->setFormat(latest - earliest <= kSecondsLabelSpanMs ? u"HH:mm:ss"_s : u"HH:mm"_s);
    m_timeAxis->setRange(QDateTime::fromMSecsSinceEpoch(qint64(earliest)), QDateTime::fromMSecsSinceEpoch(qint64(latest)));
    m_latencyAxis->setRange(0, std::max(10.0, highest * kLatencyHeadroom));
    m_latencyAxis->applyNiceNumbers();
}

int StatusBoard::plotWidthInPixels() const
{
    // Before the first layout the plot area is empty, so the view's width is used instead.
    constexpr int kMinimumPoints = 256;
    const int width = std::max(int(m_chart->plotArea().width()), m_chartView->width());
    return std::max(width, kMinimumPoints);
}

} // namespace poc
