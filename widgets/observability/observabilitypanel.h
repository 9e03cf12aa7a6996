#pragma once

#include <QList>
#include <QWidget>

namespace poc {

class GapCard;
class KibanaSection;
class MimirSection;
class ObservabilityMonitor;

// The observability page: the category-5 gap cards on top, then the Kibana log evidence
// and one section per Mimir query. It follows the monitor: every refresh updates it.
class ObservabilityPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ObservabilityPanel)

public:
    explicit ObservabilityPanel(ObservabilityMonitor *monitor, QWidget *parent = nullptr);

    // Card of gap `id`; null when no rule has that id.
    GapCard *gapCard(const QString &id) const;
    QList<KibanaSection *> kibanaSections() const { return m_kibanaSections; }
    QList<MimirSection *> mimirSections() const { return m_mimirSections; }

private:
    QWidget *buildGapCards();
    void handleRefreshed();

    ObservabilityMonitor *m_monitor;
    QList<GapCard *> m_gapCards;
    QList<KibanaSection *> m_kibanaSections;
    QList<MimirSection *> m_mimirSections;
};

} // namespace poc
