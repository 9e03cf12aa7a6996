#pragma once

#include <QGroupBox>

class QLabel;
class QPushButton;
class QTableView;

namespace poc {

class KibanaHistogramChart;
class KibanaLinesModel;
class ObservabilityBanner;
class ObservabilityMonitor;
struct KibanaQuery;

// The log evidence of one Kibana query: total hits, last occurrence, hits per minute,
// the newest lines with the configured fields, warnings and errors, and a Discover link.
class KibanaSection final : public QGroupBox
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KibanaSection)

public:
    KibanaSection(ObservabilityMonitor *monitor, const KibanaQuery &query, QWidget *parent = nullptr);

    // Shows the monitor's latest result of this section's query.
    void showLatest();

    QString summaryText() const;
    ObservabilityBanner *banner() const { return m_banner; }
    KibanaLinesModel *linesModel() const { return m_linesModel; }

private:
    void showNotConfigured();
    void handleOpenInKibana();
    void fitLineColumns();

    ObservabilityMonitor *m_monitor;
    QString m_queryId;
    ObservabilityBanner *m_banner;
    QLabel *m_summary;
    KibanaHistogramChart *m_histogram;
    KibanaLinesModel *m_linesModel;
    QTableView *m_lines;
    QPushButton *m_openInKibana;
};

} // namespace poc
