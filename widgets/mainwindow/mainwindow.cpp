#include "mainwindow/mainwindow.h"

#include "mainwindow/inlinebanner.h"
#include "session/monitor.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QLabel>
#include <QSettings>
#include <QStatusBar>
#include <QTabWidget>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>

namespace poc {

namespace {

const QString kGeometryKey = QStringLiteral("mainWindow/geometry");
const QString kStateKey = QStringLiteral("mainWindow/state");
const QString kTabKey = QStringLiteral("mainWindow/panel");

} // namespace

MainWindow::MainWindow(Monitor *monitor, QWidget *parent)
    : QMainWindow(parent)
    , m_monitor(monitor)
    , m_tabs(new QTabWidget(this))
    , m_banner(new InlineBanner(this))
    , m_demoMark(new QLabel(tr("DEMO · every figure on this screen comes from the built-in replica, not from the live POC"), this))
    , m_pollStatus(new QLabel(this))
    , m_statusTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    m_banner->setObjectName(QStringLiteral("windowBanner"));
    m_tabs->setDocumentMode(true);

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_demoMark);
    layout->addWidget(m_banner);
    layout->addWidget(m_tabs, 1);
    setCentralWidget(central);

    m_demoMark->setObjectName(QStringLiteral("demoMark"));
    // The same orange as the DEMO mark drawn into captures, so screen and evidence match.
    m_demoMark->setStyleSheet(QStringLiteral(
        "QLabel { background: #f5a524; color: black; font-weight: bold; padding: 4px 10px; }"));
    m_demoMark->setVisible(false);
    statusBar()->addPermanentWidget(m_pollStatus);

    createActions();
    createToolBar();
    restoreGeometryFromSettings();
    updateTitle();

    connect(monitor, &Monitor::pollStarted, this, &MainWindow::handlePollStarted);
    connect(monitor, &Monitor::pollFinished, this, &MainWindow::handlePollFinished);
    connect(m_statusTimer, &QTimer::timeout, this, &MainWindow::updateStatusText);
    m_statusTimer->start(1000);
    updateStatusText();
}

MainWindow::~MainWindow() = default;

void MainWindow::createActions()
{
    m_pollAction = new QAction(tr("&Poll Now"), this);
    m_pollAction->setShortcut(QKeySequence::Refresh);
    m_pollAction->setToolTip(tr("Poll every endpoint, Kibana and Mimir now (F5)"));
    connect(m_pollAction, &QAction::triggered, this, [this] {
        if (m_monitor)
            m_monitor->pollOnce();
    });

    m_captureAction = new QAction(tr("&Capture Panel"), this);
    m_captureAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    m_captureAction->setToolTip(tr("Save the current panel as evidence, with a banner and provenance (Ctrl+Shift+S)"));
    connect(m_captureAction, &QAction::triggered, this, [this] { Q_EMIT captureRequested(currentPanelId()); });

    m_captureWindowAction = new QAction(tr("Capture &Window"), this);
    m_captureWindowAction->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_S));
    connect(m_captureWindowAction, &QAction::triggered, this,
            [this] { Q_EMIT captureRequested(QStringLiteral("window")); });

    m_reportAction = new QAction(tr("Write &Report…"), this);
    m_reportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    connect(m_reportAction, &QAction::triggered, this, &MainWindow::reportRequested);

    m_copyTableAction = new QAction(tr("Copy Table as &Markdown"), this);
    m_copyTableAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    connect(m_copyTableAction, &QAction::triggered, this,
            [this] { Q_EMIT copyTableRequested(m_tabs->currentWidget()); });

    m_quitAction = new QAction(tr("&Quit"), this);
    m_quitAction->setShortcut(QKeySequence::Quit);
    connect(m_quitAction, &QAction::triggered, this, &MainWindow::close);

    for (QAction *action : {m_pollAction, m_captureAction, m_captureWindowAction, m_reportAction, m_copyTableAction,
                            m_quitAction})
        addAction(action);
}

void MainWindow::createToolBar()
{
    QToolBar *toolBar = addToolBar(tr("Main"));
    toolBar->setObjectName(QStringLiteral("mainToolBar"));
    toolBar->setMovable(false);
    toolBar->addAction(m_pollAction);
    toolBar->addSeparator();
    toolBar->addAction(m_captureAction);
    toolBar->addAction(m_captureWindowAction);
    toolBar->addAction(m_reportAction);
    toolBar->addAction(m_copyTableAction);
}

void MainWindow::addPanel(const QString &id, const QString &title, QWidget *panel)
{
    panel->setObjectName(id + QStringLiteral("Panel"));
    m_panels.insert(id, panel);
    const int index = m_tabs->addTab(panel, title);

    // Ctrl+1 … Ctrl+9 switch panels, as in browsers and most tabbed tools.
    if (index < 9) {
        auto *action = new QAction(this);
        action->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + index)));
        connect(action, &QAction::triggered, this, [this, index] { m_tabs->setCurrentIndex(index); });
        addAction(action);
    }
    if (QSettings().value(kTabKey).toString() == id)
        m_tabs->setCurrentWidget(panel);
}

QWidget *MainWindow::panel(const QString &id) const
{
    return m_panels.value(id);
}

QStringList MainWindow::panelIds() const
{
    return m_panels.keys();
}

QString MainWindow::currentPanelId() const
{
    return m_panels.key(m_tabs->currentWidget());
}

void MainWindow::showPanel(const QString &id)
{
    if (QWidget *widget = m_panels.value(id))
        m_tabs->setCurrentWidget(widget);
}

void MainWindow::setDemo(bool demo)
{
    m_demo = demo;
    m_demoMark->setVisible(demo);
    updateTitle();
}

void MainWindow::showBanner(const QString &message, const QString &detail)
{
    m_banner->showMessage(InlineBanner::Level::Error, message, detail);
}

void MainWindow::clearBanner()
{
    m_banner->hide();
}

void MainWindow::updateTitle()
{
    const QString environment = m_monitor ? m_monitor->config().environmentName : QString();
    QString title = environment.isEmpty() ? tr("Arcade POC Dashboard")
                                          : tr("%1 · Arcade POC Dashboard").arg(environment);
    if (m_demo)
        title.prepend(QStringLiteral("[DEMO] "));
    setWindowTitle(title);
}

void MainWindow::handlePollStarted()
{
    m_polling = true;
    m_pollAction->setEnabled(false);
    updateStatusText();
}

void MainWindow::handlePollFinished()
{
    m_polling = false;
    m_pollAction->setEnabled(true);
    updateStatusText();
}

void MainWindow::updateStatusText()
{
    if (!m_monitor)
        return;
    if (m_polling) {
        m_pollStatus->setText(tr("Polling…"));
        return;
    }

    const QDateTime last = m_monitor->lastPollFinishedAt();
    const qint64 intervalSeconds = m_monitor->config().polling.interval.count() / 1000;
    if (!last.isValid()) {
        m_pollStatus->setText(tr("Not polled yet · every %1 s").arg(intervalSeconds));
        return;
    }
    const qint64 ago = last.secsTo(QDateTime::currentDateTimeUtc());
    m_pollStatus->setText(tr("Last poll %1 UTC (%2 s ago) · every %3 s")
                              .arg(last.toString(QStringLiteral("HH:mm:ss")))
                              .arg(ago)
                              .arg(intervalSeconds));
}

void MainWindow::restoreGeometryFromSettings()
{
    const QSettings settings;
    if (!restoreGeometry(settings.value(kGeometryKey).toByteArray()))
        resize(1280, 860);
}

void MainWindow::addSideDock(QDockWidget *dock)
{
    addDockWidget(Qt::RightDockWidgetArea, dock);

    // The saved state names the dock by its object name, so it can only be restored now.
    if (!restoreState(QSettings().value(kStateKey).toByteArray()))
        resizeDocks({dock}, {fontMetrics().averageCharWidth() * 36}, Qt::Horizontal);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    QSettings settings;
    settings.setValue(kGeometryKey, saveGeometry());
    settings.setValue(kStateKey, saveState());
    settings.setValue(kTabKey, currentPanelId());
    QMainWindow::closeEvent(event);
}

} // namespace poc
