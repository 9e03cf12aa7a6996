#include "reportcommand.h"

#include "appsession.h"
#include "capturecommand.h"
#include "commandline.h"
#include "evidence/reportpdf.h"
#include "windowbuilder.h"

#include <QFileInfo>
#include <QTemporaryDir>

#include <cstdio>

namespace poc::app {

int runReportCommand(const Invocation &invocation, AppSession &session)
{
    const QString dir = QFileInfo(invocation.outPath).absoluteFilePath();
    QTemporaryDir captureDir;
    if (!captureDir.isValid()) {
        std::fprintf(stderr, "error: cannot create a temporary folder for the captures: %s\n",
                     qPrintable(captureDir.errorString()));
        return 2;
    }

    PanelSet panels(session);
    prepareOffscreenWindow(panels);
    session.pollAndWait();

    ReportInput input;
    input.sessionStartedAt = session.startedAt();
    for (const QString &panel : {QStringLiteral("overview"), QStringLiteral("observability"),
                                QStringLiteral("fixtures"), QStringLiteral("facts")}) {
        const QString pngPath = captureDir.filePath(panel + QStringLiteral(".png"));
        const QString error = capturePanel(session, panels, panel, pngPath);
        if (!error.isEmpty()) {
            std::fprintf(stderr, "error: capture of the %s panel failed: %s\n", qPrintable(panel), qPrintable(error));
            return 1;
        }
        input.capturePaths.append(pngPath);
    }
    input.snapshot = session.snapshot();

    QString error;
    if (!writeReportBundle(input, dir, false, &error)) {
        std::fprintf(stderr, "error: %s\n", qPrintable(error));
        return 2;
    }
    std::printf("Report bundle written to %s\nVerify it with: cd %s && sha256sum -c SHA256SUMS\n", qPrintable(dir),
                qPrintable(dir));
    return 0;
}

} // namespace poc::app
