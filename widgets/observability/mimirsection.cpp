#include "observability/mimirsection.h"

#include "observability/mimirrangechart.h"
#include "observability/observabilitybanner.h"
#include "observability/observabilitymonitor.h"

#include <QDesktopServices>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace poc {

namespace {

constexpr int kMaxValuesListed = 20;

QString valueLines(const MimirResult &result)
{
    if (result.scalar)
        return u"scalar = %1"_s.arg(result.scalar->value);

    QStringList lines;
    for (const MimirSeries &series : result.series) {
        if (lines.size() == kMaxValuesListed) {
            lines.append(u"… and %1 more"_s.arg(result.series.size() - kMaxValuesListed));
            break;
        }
        const QString value = series.samples.isEmpty() ? QString() : u" = %1"_s.arg(series.samples.last().value);
        lines.append(series.displayName() + value);
    }
    return lines.join(u"\n"_s);
}

} // namespace

MimirSection::MimirSection(ObservabilityMonitor *monitor, const MimirQuery &query, QWidget *parent)
    : QGroupBox(parent)
    , m_monitor(monitor)
    , m_queryId(query.id)
    , m_banner(new ObservabilityBanner(this))
    , m_summary(new QLabel(this))
    , m_values(new QLabel(this))
    , m_chart(new MimirRangeChart(this))
    , m_openInExplore(new QPushButton(u"Open in Grafana Explore"_s, this))
{
    setObjectName(u"mimir-"_s + query.id);
    setTitle(u"Mimir: %1"_s.arg(query.title));

    auto *promql = new QLabel(query.promql, this);
    promql->setWordWrap(true);
    promql->setTextInteractionFlags(Qt::TextSelectableByMouse);
    promql->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_summary->setObjectName(u"summary"_s);
    m_values->setObjectName(u"values"_s);
    m_values->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_values->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_chart->setVisible(query.kind == MimirQueryKind::Range);
    m_openInExplore->hide();
    connect(m_openInExplore, &QPushButton::clicked, this, &MimirSection::handleOpenInExplore);

    auto *header = new QHBoxLayout;
    header->addWidget(promql, 1);
    header->addWidget(m_openInExplore);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addWidget(m_banner);
    layout->addWidget(m_summary);
    layout->addWidget(m_values);
    layout->addWidget(m_chart);
    showLatest();
}

void MimirSection::showLatest()
{
    const MimirResult *result = m_monitor->mimirResult(m_queryId);
    if (!m_monitor->config().mimir.isConfigured()) {
        m_banner->showWarnings({u"Mimir is not configured: set mimir.url in %1"_s.arg(m_monitor->config().sourcePath)});
        m_chart->hide();
        return;
    }
    if (!result) {
        m_summary->setText(u"Waiting for the first result…"_s);
        return;
    }

    m_openInExplore->setVisible(!m_monitor->exploreUrl(m_queryId).isEmpty());
    if (!result->hasData()) {
        m_banner->showError(result->message, result->detail);
        m_summary->setText(u"No evidence: the query failed (%1)."_s.arg(toString(result->state)));
        m_values->clear();
        return;
    }
    showData(*result);
}

QString MimirSection::summaryText() const
{
    return m_summary->text();
}

QString MimirSection::valuesText() const
{
    return m_values->text();
}

void MimirSection::showData(const MimirResult &result)
{
    m_banner->showWarnings(result.warnings);
    m_summary->setText(u"%1 series for tenant %2 · %3"_s
                           .arg(result.seriesCount())
                           .arg(m_monitor->config().mimir.tenant, toString(result.resultType)));

    const bool range = result.resultType == MimirResultType::Matrix;
    m_chart->setVisible(range);
    m_values->setVisible(!range);
    if (range)
        m_chart->setSeries(result.series);
    else
        m_values->setText(valueLines(result));
}

void MimirSection::handleOpenInExplore()
{
    QDesktopServices::openUrl(m_monitor->exploreUrl(m_queryId));
}

} // namespace poc
