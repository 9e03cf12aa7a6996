#include "checkcommand.h"

#include "appsession.h"
#include "commandline.h"
#include "session/monitor.h"
#include "session/snapshotformat.h"

#include <cstdio>

namespace poc::app {

int runCheckCommand(const Invocation &invocation, AppSession &session)
{
    const SnapshotFormat format = parseSnapshotFormat(invocation.format).value_or(SnapshotFormat::Text);

    session.pollAndWait();
    const QByteArray output = formatSnapshot(session.snapshot(), format).toUtf8();
    std::fwrite(output.constData(), 1, std::size_t(output.size()), stdout);
    std::fflush(stdout);
    return session.monitor()->isHealthy() ? 0 : 1;
}

} // namespace poc::app
