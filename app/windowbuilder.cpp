#include "windowbuilder.h"

#include "appsession.h"
#include "mainwindow/mainwindow.h"
#include "probe/endpointmonitor.h"
#include "session/monitor.h"
#include "status/statusboard.h"

namespace poc::app {

PanelSet::PanelSet(AppSession &session)
    : m_window(std::make_unique<MainWindow>(session.monitor()))
{
    m_window->setDemo(session.config().demo);
    m_window->addPanel(QStringLiteral("overview"), QObject::tr("Overview"),
                       new StatusBoard(session.monitor()->endpoints()));
}

PanelSet::~PanelSet() = default;

} // namespace poc::app
