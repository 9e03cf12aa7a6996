#include "observability/kibanahistogramchart.h"

#include "observability/observabilitycolors.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QEvent>
#include <QValueAxis>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace poc {

KibanaHistogramChart::KibanaHistogramChart(QWidget *parent)
    : QChartView(parent)
    , m_series(new QBarSeries)
    , m_timeAxis(new QBarCategoryAxis)
    , m_countAxis(new QValueAxis)
{
    setObjectName(u"histogram"_s);
    setMinimumHeight(160);
    setRenderHint(QPainter::Antialiasing);

    auto *chart = new QChart;
    chart->legend()->hide();
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->addSeries(m_series);
    chart->addAxis(m_timeAxis, Qt::AlignBottom);
    chart->addAxis(m_countAxis, Qt::AlignLeft);
    m_series->attachAxis(m_timeAxis);
    m_series->attachAxis(m_countAxis);
    m_countAxis->setLabelFormat(u"%d"_s);
    m_timeAxis->setTitleText(u"Hits per minute (UTC)"_s);
    setChart(chart);
    applyTheme();
}

void KibanaHistogramChart::setBuckets(const QList<KibanaBucket> &buckets)
{
    m_series->clear();
    m_timeAxis->clear();

    auto *set = new QBarSet(u"hits"_s);
    QStringList categories;
    qint64 maximum = 0;
    for (const KibanaBucket &bucket : buckets) {
        set->append(double(bucket.count));
        categories.append(bucket.start.toUTC().toString(u"HH:mm"_s));
        maximum = std::max(maximum, bucket.count);
    }
    m_series->append(set);
    m_timeAxis->append(categories);
    m_countAxis->setRange(0, double(std::max<qint64>(maximum, 1)));
    m_countAxis->applyNiceNumbers();
    // Counts are whole numbers, labelled with "%d": below 5, one tick per count keeps the
    // labels distinct instead of printing 0.25 and 0.5 as "0".
    const int top = int(m_countAxis->max());
    if (top <= 5)
        m_countAxis->setTickCount(top + 1);
}

void KibanaHistogramChart::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        applyTheme();
    QChartView::changeEvent(event);
}

void KibanaHistogramChart::applyTheme()
{
    chart()->setTheme(isDarkPalette(palette()) ? QChart::ChartThemeDark : QChart::ChartThemeLight);
}

} // namespace poc
