#include "windowbuilder.h"

#include "appsession.h"
#include "evidence/capturerenderer.h"
#include "evidence/evidencedock.h"
#include "evidence/evidencestore.h"
#include "evidence/factspanel.h"
#include "evidence/markdowncopy.h"
#include "evidence/provenance.h"
#include "evidence/reportpdf.h"
#include "fixtures/fixturepanel.h"
#include "fixtures/gatewaystatus.h"
#include "mainwindow/mainwindow.h"
#include "observability/observabilitypanel.h"
#include "probe/endpointmonitor.h"
#include "session/monitor.h"
#include "status/statusboard.h"

#include <QApplication>
#include <QDir>
#include <QFileDialog>
#include <QMessageBox>
#include <QStatusBar>
#include <QTableView>
#include <QVBoxLayout>

namespace poc::app {

namespace {

constexpr int kStatusMessageMs = 8000;

} // namespace

PanelSet::PanelSet(AppSession &session, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_window(std::make_unique<MainWindow>(session.monitor()))
{
    m_window->setDemo(session.config().demo);
    addPanels();

    connect(m_window.get(), &MainWindow::captureRequested, this, &PanelSet::handleCaptureRequested);
    connect(m_window.get(), &MainWindow::reportRequested, this, &PanelSet::handleReportRequested);
    connect(m_window.get(), &MainWindow::copyTableRequested, this, &PanelSet::handleCopyTableRequested);
    connect(&session, &AppSession::factsUpdated, this, &PanelSet::handleFactsUpdated);

    if (!session.fixtureNotices().isEmpty())
        m_window->showBanner(session.fixtureNotices().join(QLatin1Char(' ')));
    handleFactsUpdated();
}

PanelSet::~PanelSet() = default;

void PanelSet::addPanels()
{
    Monitor *monitor = m_session.monitor();
    m_window->addPanel(QStringLiteral("overview"), tr("Overview"), createOverview());
    m_window->addPanel(QStringLiteral("observability"), tr("Observability"),
                       new ObservabilityPanel(monitor->observability()));
    m_window->addPanel(QStringLiteral("fixtures"), tr("Fixtures"),
                       new FixturePanel(m_session.fixtures(), m_session.verifier(), m_session.secrets(),
                                        m_session.config()));
    m_factsPanel = new FactsPanel;
    m_window->addPanel(QStringLiteral("facts"), tr("Facts"), m_factsPanel);

    m_evidenceDock = new EvidenceDock(m_session.evidence(), m_window.get());
    m_window->addSideDock(m_evidenceDock);
}

QWidget *PanelSet::createOverview()
{
    auto *overview = new QWidget;
    auto *layout = new QVBoxLayout(overview);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(new GatewayStatus(m_session.fixtures(), m_session.verifier(), m_session.config()));
    layout->addWidget(new StatusBoard(m_session.monitor()->endpoints()), 1);
    return overview;
}

QWidget *PanelSet::captureTarget(const QString &panelId) const
{
    if (panelId == QLatin1String("window"))
        return m_window.get();
    return m_window->panel(panelId);
}

void PanelSet::handleFactsUpdated()
{
    const QList<FactResult> &facts = m_session.facts();
    m_factsPanel->setResults(facts, categoryNotes(facts, m_session.snapshot()));
}

void PanelSet::handleCaptureRequested(const QString &panelId)
{
    QWidget *target = captureTarget(panelId);
    if (!target)
        return;

    CaptureProvenance provenance = provenanceFromSnapshot(m_session.snapshot(), panelId);
    provenance.devicePixelRatio = target->devicePixelRatioF();
    QString error;
    const QString id = captureIntoStore(target, provenance, m_session.evidence(), &error);
    if (id.isEmpty()) {
        m_window->showBanner(tr("The capture was not saved: %1").arg(error));
        return;
    }
    m_window->statusBar()->showMessage(tr("Captured %1 into %2").arg(id, m_session.evidence()->folder()),
                                       kStatusMessageMs);
}

void PanelSet::handleReportRequested()
{
    const QString dir = QFileDialog::getExistingDirectory(m_window.get(), tr("Folder for the report bundle"),
                                                          QDir::homePath());
    if (dir.isEmpty())
        return;

    ReportInput input;
    input.snapshot = m_session.snapshot();
    input.sessionStartedAt = m_session.startedAt();
    for (const EvidenceItem &item : m_session.evidence()->items())
        input.capturePaths.append(item.pngPath);

    QString error;
    bool written = writeReportBundle(input, dir, false, &error);
    if (!written && !QDir(dir).isEmpty()) {
        const auto answer = QMessageBox::question(
            m_window.get(), tr("Replace the folder's contents?"),
            tr("%1 is not empty. Replace everything in it with the report bundle?").arg(dir));
        if (answer != QMessageBox::Yes)
            return;
        written = writeReportBundle(input, dir, true, &error);
    }
    if (!written) {
        m_window->showBanner(tr("The report was not written: %1").arg(error));
        return;
    }
    m_window->statusBar()->showMessage(tr("Report written to %1").arg(dir), kStatusMessageMs);
}

void PanelSet::handleCopyTableRequested(QWidget *panel)
{
    // The focused table if there is one, else the panel's first table.
    auto *table = qobject_cast<QTableView *>(QApplication::focusWidget());
    if (!table || !panel->isAncestorOf(table))
        table = panel->findChild<QTableView *>();
    if (!table) {
        m_window->statusBar()->showMessage(tr("This panel has no table to copy."), kStatusMessageMs);
        return;
    }
    copyTableAsMarkdown(*table);
    m_window->statusBar()->showMessage(tr("Table copied as Markdown."), kStatusMessageMs);
}

} // namespace poc::app
