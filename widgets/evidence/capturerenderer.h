#pragma once

#include "evidence/provenance.h"

#include <QImage>
#include <QString>

class QWidget;

namespace poc {

class EvidenceStore;

// Renders a panel or the whole window into an image, with a banner strip above it
// that names the environment, the UTC time and the app version, and carries a bold
// DEMO mark for demo data. The banner's colours are fixed, so it reads the same in
// light and dark palettes.
class CaptureRenderer final
{
public:
    static constexpr int kBannerHeight = 28; // logical pixels, multiplied by the device pixel ratio

    explicit CaptureRenderer(qreal devicePixelRatio = 1.0);

    // The image is (width, height + kBannerHeight) × device pixel ratio device pixels.
    QImage render(QWidget *widget, const CaptureProvenance &provenance) const;

    // The banner text without the DEMO mark, e.g. "live POC · 2026-12-04 20:00:00 UTC · Arcade POC Dashboard 0.1.0".
    static QString bannerText(const CaptureProvenance &provenance);

    // Colours of the banner and of the DEMO mark, for tests that read pixels back.
    static QColor bannerColor();
    static QColor demoMarkColor();

private:
    void paintBanner(QPainter *painter, int width, const CaptureProvenance &provenance) const;

    qreal m_devicePixelRatio = 1.0;
};

// Renders `widget` at `provenance.devicePixelRatio`, writes the PNG to `pngPath` and the
// provenance, with its image size filled in, to the sidecar ("out.png" -> "out.json").
bool writeCapture(QWidget *widget, const CaptureProvenance &provenance, const QString &pngPath, QString *error);

// Writes a capture into the store under a new name and returns its id, or an empty
// string with `error` set.
QString captureIntoStore(QWidget *widget, const CaptureProvenance &provenance, EvidenceStore *store, QString *error);

} // namespace poc
