#include "reportcommand.h"

namespace poc::app {

int runReportCommand(const Invocation &, AppSession &)
{
    return 2;
}

} // namespace poc::app
