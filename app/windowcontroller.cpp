#include "windowcontroller.h"

#include "appsession.h"
#include "mainwindow/mainwindow.h"
#include "session/monitor.h"
#include "windowbuilder.h"

#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QTimer>

namespace poc::app {

namespace {

QString issueList(const QList<ConfigIssue> &issues)
{
    QStringList lines;
    for (const ConfigIssue &issue : issues)
        lines.append(issue.toString());
    return lines.join(QLatin1Char('\n'));
}

} // namespace

WindowController::WindowController(AppConfig appConfig, const QString &watchedConfigPath, QObject *parent)
    : QObject(parent)
    , m_appConfig(std::move(appConfig))
    , m_configPath(watchedConfigPath)
    , m_watcher(new QFileSystemWatcher(this))
    , m_reloadTimer(new QTimer(this))
{
    // Editors save in several steps (truncate, write, rename); wait for them to settle.
    m_reloadTimer->setSingleShot(true);
    m_reloadTimer->setInterval(300);
    connect(m_reloadTimer, &QTimer::timeout, this, &WindowController::reloadConfig);
    connect(m_watcher, &QFileSystemWatcher::fileChanged, this, &WindowController::handleConfigFileChanged);
    connect(m_watcher, &QFileSystemWatcher::directoryChanged, this, &WindowController::handleConfigFileChanged);
    if (!m_configPath.isEmpty()) {
        m_watcher->addPath(QFileInfo(m_configPath).absolutePath());
        if (QFileInfo::exists(m_configPath))
            m_watcher->addPath(m_configPath);
    }

    const bool valid = m_appConfig.load.config.has_value();
    startSession(valid ? *m_appConfig.load.config : defaultConfig());
    if (!valid || !m_appConfig.load.warnings.isEmpty())
        showConfigIssues(m_appConfig.load, false);
}

WindowController::~WindowController() = default;

void WindowController::show()
{
    window()->show();
}

MainWindow *WindowController::window() const
{
    return m_panels ? m_panels->window() : nullptr;
}

void WindowController::startSession(const Config &config)
{
    QByteArray geometry;
    if (m_panels)
        geometry = m_panels->window()->saveGeometry();
    const bool wasVisible = m_panels && m_panels->window()->isVisible();

    // The old session goes first: it holds the fixture file's lock, which the new one takes.
    m_panels.reset();
    m_session.reset();
    m_session = std::make_unique<AppSession>(config, m_appConfig.replica);
    m_panels = std::make_unique<PanelSet>(*m_session);
    if (!geometry.isEmpty())
        m_panels->window()->restoreGeometry(geometry);
    if (wasVisible)
        m_panels->window()->show();
    m_session->monitor()->start();
}

void WindowController::handleConfigFileChanged()
{
    if (QFileInfo::exists(m_configPath) && !m_watcher->files().contains(m_configPath))
        m_watcher->addPath(m_configPath);
    m_reloadTimer->start();
}

void WindowController::reloadConfig()
{
    if (!QFileInfo::exists(m_configPath))
        return;
    const QByteArray previous = m_session->config().sourceText;
    ConfigLoadResult load = loadConfigFile(m_configPath);
    if (!load.config) {
        showConfigIssues(load, true);
        return;
    }
    if (load.config->sourceText == previous)
        return;

    startSession(*load.config);
    if (!load.warnings.isEmpty())
        showConfigIssues(load, false);
}

void WindowController::showConfigIssues(const ConfigLoadResult &load, bool keptLastGood)
{
    if (load.errors.isEmpty()) {
        window()->showBanner(tr("The config has %n warning(s); the dashboard runs with it.", nullptr,
                                int(load.warnings.size())),
                             issueList(load.warnings));
        return;
    }
    const QString consequence = keptLastGood ? tr("The dashboard keeps running on the last good config.")
                                             : tr("The dashboard runs on the embedded default config until it is fixed.");
    window()->showBanner(tr("The config file is invalid: %1. %2").arg(load.errors.first().toString(), consequence),
                         issueList(load.errors + load.warnings));
}

} // namespace poc::app
