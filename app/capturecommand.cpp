#include "capturecommand.h"

#include "appsession.h"
#include "commandline.h"
#include "evidence/capturerenderer.h"
#include "evidence/provenance.h"
#include "mainwindow/mainwindow.h"
#include "windowbuilder.h"

#include <QApplication>
#include <QDir>
#include <QFileInfo>

#include <cstdio>

namespace poc::app {

namespace {

// Large enough for four endpoint tiles and the charts side by side.
constexpr QSize kCaptureWindowSize(1440, 960);

} // namespace

void prepareOffscreenWindow(PanelSet &panels)
{
    MainWindow *window = panels.window();
    window->resize(kCaptureWindowSize);
    window->show();
    QApplication::processEvents();
}

QString capturePanel(AppSession &session, PanelSet &panels, const QString &panelId, const QString &pngPath)
{
    QWidget *target = panels.captureTarget(panelId);
    if (!target)
        return QStringLiteral("unknown panel \"%1\"").arg(panelId);

    if (panelId != QLatin1String("window"))
        panels.window()->showPanel(panelId);
    // Charts and tables lay out on the next turns of the event loop.
    for (int i = 0; i < 3; ++i)
        QApplication::processEvents();

    CaptureProvenance provenance = provenanceFromSnapshot(session.snapshot(), panelId);
    provenance.devicePixelRatio = target->devicePixelRatioF();
    QString error;
    if (!writeCapture(target, provenance, pngPath, &error))
        return error;
    return {};
}

int runCaptureCommand(const Invocation &invocation, AppSession &session)
{
    const QString pngPath = QFileInfo(invocation.outPath).absoluteFilePath();
    if (!QDir().mkpath(QFileInfo(pngPath).absolutePath())) {
        std::fprintf(stderr, "error: cannot create the folder of %s\n", qPrintable(pngPath));
        return 2;
    }

    PanelSet panels(session);
    prepareOffscreenWindow(panels);
    session.pollAndWait();

    const QString error = capturePanel(session, panels, invocation.panel, pngPath);
    if (!error.isEmpty()) {
        std::fprintf(stderr, "error: capture failed: %s\n", qPrintable(error));
        return 1;
    }
    std::printf("%s\n%s\n", qPrintable(pngPath), qPrintable(sidecarPath(pngPath)));
    return 0;
}

} // namespace poc::app
