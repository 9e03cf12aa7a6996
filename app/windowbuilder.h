#pragma once

#include <memory>

namespace poc {
class MainWindow;
}

namespace poc::app {

class AppSession;

// The main window with every panel of one session, and the handlers of its actions.
class PanelSet final
{
public:
    explicit PanelSet(AppSession &session);
    ~PanelSet();

    MainWindow *window() const { return m_window.get(); }

private:
    std::unique_ptr<MainWindow> m_window;
};

} // namespace poc::app
