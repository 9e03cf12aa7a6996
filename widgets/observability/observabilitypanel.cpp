#include "observability/observabilitypanel.h"

#include "observability/gapcard.h"
#include "observability/kibanasection.h"
#include "observability/mimirsection.h"
#include "observability/observabilitymonitor.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QScrollArea>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace poc {

ObservabilityPanel::ObservabilityPanel(ObservabilityMonitor *monitor, QWidget *parent)
    : QWidget(parent)
    , m_monitor(monitor)
{
    setObjectName(u"observabilityPanel"_s);
    auto *content = new QWidget;
    auto *contentLayout = new QVBoxLayout(content);
    contentLayout->addWidget(buildGapCards());

    const Config &config = monitor->config();
    if (config.kibana.queries.isEmpty())
        contentLayout->addWidget(new QLabel(u"No Kibana queries configured (kibana.queries)."_s, content));
    for (const KibanaQuery &query : config.kibana.queries) {
        m_kibanaSections.append(new KibanaSection(monitor, query, content));
        contentLayout->addWidget(m_kibanaSections.last());
    }
    for (const MimirQuery &query : config.mimir.queries) {
        m_mimirSections.append(new MimirSection(monitor, query, content));
        contentLayout->addWidget(m_mimirSections.last());
    }
    contentLayout->addStretch();

    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(content);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(scroll);

    connect(monitor, &ObservabilityMonitor::refreshed, this, &ObservabilityPanel::handleRefreshed);
    handleRefreshed();
}

GapCard *ObservabilityPanel::gapCard(const QString &id) const
{
    for (GapCard *card : m_gapCards) {
        if (card->objectName() == u"gap-"_s + id)
            return card;
    }
    return nullptr;
}

QWidget *ObservabilityPanel::buildGapCards()
{
    auto *row = new QWidget;
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    row->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    for (const GapRule &rule : m_monitor->config().gaps) {
        m_gapCards.append(new GapCard(rule, row));
        layout->addWidget(m_gapCards.last(), 1);
    }
    return row;
}

void ObservabilityPanel::handleRefreshed()
{
    for (const GapEvaluation &evaluation : m_monitor->gapEvaluations()) {
        if (GapCard *card = gapCard(evaluation.id))
            card->setEvaluation(evaluation, m_monitor->gapTracker().entry(evaluation.id));
    }
    for (KibanaSection *section : std::as_const(m_kibanaSections))
        section->showLatest();
    for (MimirSection *section : std::as_const(m_mimirSections))
        section->showLatest();
}

} // namespace poc
