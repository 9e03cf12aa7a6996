#pragma once

#include <QObject>

#include <memory>

namespace poc {
class EvidenceDock;
class FactsPanel;
class MainWindow;
} // namespace poc

namespace poc::app {

class AppSession;

// The main window with every panel of one session, and the handlers of its
// capture, report and copy actions.
class PanelSet final : public QObject
{
    Q_OBJECT

public:
    explicit PanelSet(AppSession &session, QObject *parent = nullptr);
    ~PanelSet() override;
    Q_DISABLE_COPY_MOVE(PanelSet)

    MainWindow *window() const { return m_window.get(); }
    // The widget `capture --panel id` renders: a panel, or the whole window for "window".
    QWidget *captureTarget(const QString &panelId) const;

private:
    void addPanels();
    QWidget *createOverview();
    void handleCaptureRequested(const QString &panelId);
    void handleReportRequested();
    void handleCopyTableRequested(QWidget *panel);
    void handleFactsUpdated();

    AppSession &m_session;
    std::unique_ptr<MainWindow> m_window;
    FactsPanel *m_factsPanel = nullptr;
    EvidenceDock *m_evidenceDock = nullptr;
};

} // namespace poc::app
