#pragma once

#include "observability/mimirresult.h"

#include <QChartView>
#include <QList>
#include <QPointF>

class QDateTimeAxis;
class QLineSeries;
class QValueAxis;

namespace poc {

// Range results of one Mimir query as lines over a time axis. Each series is downsampled
// to the plot's pixel width (minimum and maximum per pixel column), so a series of
// 100,000 points draws as quickly as one of a few hundred.
class MimirRangeChart final : public QChartView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MimirRangeChart)

public:
    static constexpr int kMaxSeriesShown = 10;

    explicit MimirRangeChart(QWidget *parent = nullptr);

    // Replaces the plotted series; only the first kMaxSeriesShown are drawn.
    void setSeries(const QList<MimirSeries> &series);

    // Points currently handed to the chart, summed over all drawn series.
    qsizetype plottedPointCount() const;

protected:
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void syncLines();
    void replot();
    void applyTheme();
    int plotWidth() const;

    QList<QList<QPointF>> m_points; // full resolution, x in epoch milliseconds
    QStringList m_names;
    QList<QLineSeries *> m_lines; // owned by the chart
    QDateTimeAxis *m_timeAxis;
    QValueAxis *m_valueAxis;
    int m_plottedWidth = 0;
};

} // namespace poc
