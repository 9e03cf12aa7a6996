#pragma once

#include <QString>
#include <QStringList>

namespace poc::app {

class AppSession;
class PanelSet;
struct Invocation;

// Polls once, renders --panel offscreen and writes --out with its provenance sidecar.
int runCaptureCommand(const Invocation &invocation, AppSession &session);

// Lays out the window offscreen at a fixed size, so that captures look the same on every run.
void prepareOffscreenWindow(PanelSet &panels);

// Renders `panelId` of an offscreen window into `pngPath`; returns the error, empty on success.
QString capturePanel(AppSession &session, PanelSet &panels, const QString &panelId, const QString &pngPath);

} // namespace poc::app
