#pragma once

#include "appconfig.h"

#include <QObject>
#include <QPointer>

#include <memory>

class QFileSystemWatcher;
class QTimer;

namespace poc {
class MainWindow;
}

namespace poc::app {

class AppSession;
class PanelSet;

// Owns the session and the window for one config, reloads the config file when it
// changes on disk, and keeps running on the last good config when the new one is invalid.
class WindowController final : public QObject
{
    Q_OBJECT

public:
    WindowController(AppConfig appConfig, const QString &watchedConfigPath, QObject *parent = nullptr);
    ~WindowController() override;
    Q_DISABLE_COPY_MOVE(WindowController)

    void show();
    MainWindow *window() const;

private:
    void startSession(const Config &config);
    void handleConfigFileChanged();
    void reloadConfig();
    void showConfigIssues(const ConfigLoadResult &load, bool keptLastGood);

    AppConfig m_appConfig;
    QString m_configPath;
    QFileSystemWatcher *m_watcher = nullptr;
    QTimer *m_reloadTimer = nullptr;
    std::unique_ptr<AppSession> m_session;
    std::unique_ptr<PanelSet> m_panels;
};

} // namespace poc::app
