#pragma once

#include <QGroupBox>

class QLabel;
class QPushButton;

namespace poc {

class MimirRangeChart;
class ObservabilityBanner;
class ObservabilityMonitor;
struct MimirQuery;
struct MimirResult;

// The metric evidence of one Mimir query: its series count, a range chart or instant values,
// errors and warnings, and a Grafana Explore link.
class MimirSection final : public QGroupBox
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MimirSection)

public:
    MimirSection(ObservabilityMonitor *monitor, const MimirQuery &query, QWidget *parent = nullptr);

    // Shows the monitor's latest result of this section's query.
    void showLatest();

    QString summaryText() const;
    QString valuesText() const;
    ObservabilityBanner *banner() const { return m_banner; }
    MimirRangeChart *chart() const { return m_chart; }

private:
    void showData(const MimirResult &result);
    void handleOpenInExplore();

    ObservabilityMonitor *m_monitor;
    QString m_queryId;
    ObservabilityBanner *m_banner;
    QLabel *m_summary;
    QLabel *m_values;
    MimirRangeChart *m_chart;
    QPushButton *m_openInExplore;
};

} // namespace poc
