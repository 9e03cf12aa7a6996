#pragma once

#include <QList>
#include <QWidget>

class QChart;
class QChartView;
class QDateTimeAxis;
class QLineSeries;
class QValueAxis;

namespace poc {

class EndpointMonitor;
class EndpointTile;

// The live status panel: one EndpointTile per endpoint of the monitor, and below them a
// chart of each endpoint's latency history.
class StatusBoard final : public QWidget
{
    Q_OBJECT

public:
    explicit StatusBoard(EndpointMonitor *monitor, QWidget *parent = nullptr);
    ~StatusBoard() override;
    Q_DISABLE_COPY_MOVE(StatusBoard)

    EndpointTile *tile(int index) const { return m_tiles.at(index); }
    QChartView *chartView() const { return m_chartView; }
    QLineSeries *latencySeries(int index) const { return m_series.at(index); }

protected:
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void handleResultRecorded(int endpointIndex);
    QWidget *createTileGrid();
    void createChart();
    void applyPaletteToChart();
    void refreshSeries(int endpointIndex);
    void refreshAxes();
    int plotWidthInPixels() const;

    EndpointMonitor *m_monitor;
    QList<EndpointTile *> m_tiles;
    QList<QLineSeries *> m_series;
    QChart *m_chart = nullptr;
    QChartView *m_chartView = nullptr;
    QDateTimeAxis *m_timeAxis = nullptr;
    QValueAxis *m_latencyAxis = nullptr;
};

} // namespace poc
