#include "windowcommand.h"

#include "appconfig.h"
#include "commandline.h"
#include "windowcontroller.h"

#include <QApplication>

namespace poc::app {

int runWindowCommand(const Invocation &invocation, AppConfig &appConfig)
{
    // The file to watch for edits: the one named, or the user's config once it exists.
    const QString watchedPath = invocation.demo ? QString()
                                : invocation.configPath.isEmpty() ? userConfigPath()
                                                                  : invocation.configPath;
    WindowController controller(appConfig, watchedPath);
    controller.show();
    return QApplication::exec();
}

} // namespace poc::app
