#pragma once

#include <QMainWindow>
#include <QPointer>

class QAction;
class QDockWidget;
class QLabel;
class QTabWidget;
class QTimer;

namespace poc {

class InlineBanner;
class Monitor;

// The dashboard window: a tab per panel (overview, observability, fixtures, facts),
// the evidence dock, a toolbar, an inline banner for passing problems and a status bar
// with the poll times. Panels are added by the caller, which owns the models behind them.
class MainWindow final : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(Monitor *monitor, QWidget *parent = nullptr);
    ~MainWindow() override;
    Q_DISABLE_COPY_MOVE(MainWindow)

    // Adds a panel as a tab; `id` is the name `capture --panel` uses.
    void addPanel(const QString &id, const QString &title, QWidget *panel);
    QWidget *panel(const QString &id) const;
    // Adds a dock on the right, restoring its saved size or giving it a narrow default.
    void addSideDock(QDockWidget *dock);
    QStringList panelIds() const;
    QString currentPanelId() const;
    void showPanel(const QString &id);

    void setDemo(bool demo);
    // Shows a passing problem above the panels, such as an invalid config file.
    void showBanner(const QString &message, const QString &detail = QString());
    void clearBanner();

    QAction *captureAction() const { return m_captureAction; }
    QAction *captureWindowAction() const { return m_captureWindowAction; }
    QAction *reportAction() const { return m_reportAction; }
    QAction *copyTableAction() const { return m_copyTableAction; }

Q_SIGNALS:
    void captureRequested(const QString &panelId);
    void reportRequested();
    void copyTableRequested(QWidget *panel);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void createToolBar();
    void restoreGeometryFromSettings();
    void updateTitle();
    void handlePollStarted();
    void handlePollFinished();
    void updateStatusText();

    QPointer<Monitor> m_monitor;
    QTabWidget *m_tabs = nullptr;
    InlineBanner *m_banner = nullptr;
    QLabel *m_demoMark = nullptr;
    QLabel *m_pollStatus = nullptr;
    QTimer *m_statusTimer = nullptr;
    QAction *m_pollAction = nullptr;
    QAction *m_captureAction = nullptr;
    QAction *m_captureWindowAction = nullptr;
    QAction *m_reportAction = nullptr;
    QAction *m_copyTableAction = nullptr;
    QAction *m_quitAction = nullptr;
    QHash<QString, QWidget *> m_panels;
    bool m_demo = false;
    bool m_polling = false;
};

} // namespace poc
