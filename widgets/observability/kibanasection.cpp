#include "observability/kibanasection.h"

#include "observability/kibanahistogramchart.h"
#include "observability/kibanalinesmodel.h"
#include "observability/observabilitybanner.h"
#include "observability/observabilitymonitor.h"

#include <QDesktopServices>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace poc {

namespace {

QString utcText(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(u"yyyy-MM-dd HH:mm:ss"_s) + u" UTC"_s : u"never"_s;
}

QString summaryOf(const KibanaResult &result)
{
    const QString total = result.totalIsLowerBound ? u"at least %1"_s.arg(result.totalHits) : QString::number(result.totalHits);
    return u"Total hits: %1 · last occurrence: %2 · window %3 to %4"_s
        .arg(total, utcText(result.lastOccurrence), utcText(result.from), utcText(result.to));
}

} // namespace

KibanaSection::KibanaSection(ObservabilityMonitor *monitor, const KibanaQuery &query, QWidget *parent)
    : QGroupBox(parent)
    , m_monitor(monitor)
    , m_queryId(query.id)
    , m_banner(new ObservabilityBanner(this))
    , m_summary(new QLabel(this))
    , m_histogram(new KibanaHistogramChart(this))
    , m_linesModel(new KibanaLinesModel(monitor->config().kibana.fields, this))
    , m_lines(new QTableView(this))
    , m_openInKibana(new QPushButton(u"Open in Kibana"_s, this))
{
    setObjectName(u"kibana-"_s + query.id);
    setTitle(u"Kibana: %1"_s.arg(query.title));

    auto *queryLabel = new QLabel(query.query, this);
    queryLabel->setWordWrap(true);
    queryLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    queryLabel->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_summary->setObjectName(u"summary"_s);
    m_summary->setWordWrap(true);

    m_lines->setModel(m_linesModel);
    m_lines->setMinimumHeight(180);
    m_lines->setWordWrap(false);
    m_lines->verticalHeader()->hide();
    m_lines->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_lines->horizontalHeader()->setStretchLastSection(false);
    m_openInKibana->setEnabled(false);
    connect(m_openInKibana, &QPushButton::clicked, this, &KibanaSection::handleOpenInKibana);

    auto *header = new QHBoxLayout;
    header->addWidget(queryLabel, 1);
    header->addWidget(m_openInKibana);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addWidget(m_banner);
    layout->addWidget(m_summary);
    layout->addWidget(m_histogram);
    layout->addWidget(m_lines);
    showLatest();
}

void KibanaSection::showLatest()
{
    if (!m_monitor->config().kibana.isConfigured()) {
        showNotConfigured();
        return;
    }

    const KibanaResult *result = m_monitor->kibanaResult(m_queryId);
    if (!result) {
        m_summary->setText(u"Waiting for the first result…"_s);
        return;
    }

    m_openInKibana->setEnabled(!m_monitor->discoverUrl(m_queryId).isEmpty());
    if (!result->hasData()) {
        m_banner->showError(result->message, result->detail);
        m_summary->setText(u"No evidence: the query failed (%1)."_s.arg(toString(result->state)));
        return;
    }

    m_banner->showWarnings(result->warnings);
    m_summary->setText(summaryOf(*result));
    m_histogram->setBuckets(result->histogram);
    m_linesModel->setLines(result->lines);
    fitLineColumns();
}

QString KibanaSection::summaryText() const
{
    return m_summary->text();
}

void KibanaSection::showNotConfigured()
{
    m_banner->showWarnings({u"Kibana is not configured: set kibana.url and kibana.index in %1"_s
                                .arg(m_monitor->config().sourcePath)});
    m_summary->setText(u"No log evidence until Kibana is configured."_s);
    m_histogram->hide();
    m_lines->hide();
    m_openInKibana->hide();
}

void KibanaSection::fitLineColumns()
{
    // The message is what users read, so it keeps at least 60 characters of width even when
    // the id columns fill the view. The table then scrolls sideways instead of eliding it.
    constexpr int kMessageColumn = 1;
    constexpr int kMessageCharacters = 60;
    m_lines->resizeColumnsToContents();
    int others = 0;
    for (int column = 0; column < m_linesModel->columnCount(); ++column)
        others += column == kMessageColumn ? 0 : m_lines->columnWidth(column);
    const int leftover = m_lines->viewport()->width() - others;
    const int minimum = m_lines->fontMetrics().averageCharWidth() * kMessageCharacters;
    m_lines->setColumnWidth(kMessageColumn, std::max(leftover, minimum));
}

void KibanaSection::handleOpenInKibana()
{
    QDesktopServices::openUrl(m_monitor->discoverUrl(m_queryId));
}

} // namespace poc
