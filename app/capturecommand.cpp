#include "capturecommand.h"

namespace poc::app {

int runCaptureCommand(const Invocation &, AppSession &)
{
    return 2;
}

} // namespace poc::app
