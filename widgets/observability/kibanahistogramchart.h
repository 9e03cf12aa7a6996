#pragma once

#include "observability/kibanaresult.h"

#include <QChartView>

class QBarSeries;
class QBarCategoryAxis;
class QValueAxis;

namespace poc {

// Hits per minute of a Kibana result as a bar chart.
class KibanaHistogramChart final : public QChartView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KibanaHistogramChart)

public:
    explicit KibanaHistogramChart(QWidget *parent = nullptr);

    void setBuckets(const QList<KibanaBucket> &buckets);

protected:
    void changeEvent(QEvent *event) override;

private:
    void applyTheme();

    QBarSeries *m_series;
    QBarCategoryAxis *m_timeAxis;
    QValueAxis *m_countAxis;
};

} // namespace poc
