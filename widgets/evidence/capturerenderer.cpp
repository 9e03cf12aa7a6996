#include "evidence/capturerenderer.h"

#include "core/logging.h"
#include "evidence/evidencestore.h"
#include "evidence/reportbundle.h"

#include <QBuffer>
#include <QFileInfo>
#include <QFontMetrics>
#include <QJsonDocument>
#include <QLayout>
#include <QPainter>
#include <QWidget>

using namespace Qt::StringLiterals;

namespace poc {

namespace {

constexpr int kBannerPadding = 8;      // logical pixels around the banner text
constexpr int kBannerFontPixels = 13;

void prepareForRendering(QWidget *widget)
{
    widget->ensurePolished();
    if (QLayout *layout = widget->layout())
        layout->activate();
}

QFont bannerFont(bool bold)
{
    QFont font;
    font.setPixelSize(kBannerFontPixels);
    font.setBold(bold);
    return font;
}

QByteArray encodePng(const QImage &image, QString *error)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    if (!image.save(&buffer, "PNG")) {
        *error = u"Could not encode the capture as PNG."_s;
        return {};
    }
    return bytes;
}

// The banner's facts also go into PNG text chunks, so they survive cropping the image.
void addPngText(QImage *image, const CaptureProvenance &provenance)
{
    const QString demo = provenance.demo ? u"DEMO · "_s : QString();
    image->setText(u"Title"_s, scrubSecretsInText(demo + CaptureRenderer::bannerText(provenance)));
    image->setText(u"Software"_s, u"Arcade POC Dashboard "_s + provenance.appVersion);
    image->setText(u"Creation Time"_s, provenance.capturedAt.toUTC().toString(Qt::ISODate));
}

} // namespace

CaptureRenderer::CaptureRenderer(qreal devicePixelRatio)
    : m_devicePixelRatio(devicePixelRatio > 0 ? devicePixelRatio : 1.0)
{
}

QImage CaptureRenderer::render(QWidget *widget, const CaptureProvenance &provenance) const
{
    prepareForRendering(widget);
    const QSize logical(widget->width(), widget->height() + kBannerHeight);

    QImage image(logical * m_devicePixelRatio, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(m_devicePixelRatio);
    image.fill(widget->palette().color(QPalette::Window));

    QPainter painter(&image);
    paintBanner(&painter, logical.width(), provenance);
    widget->render(&painter, QPoint(0, kBannerHeight), QRegion(), QWidget::DrawWindowBackground | QWidget::DrawChildren);
    painter.end();
    return image;
}

QString CaptureRenderer::bannerText(const CaptureProvenance &provenance)
{
    const QString time = provenance.capturedAt.toUTC().toString(u"yyyy-MM-dd HH:mm:ss 'UTC'"_s);
    return u"%1 · %2 · Arcade POC Dashboard %3"_s.arg(provenance.environment, time, provenance.appVersion);
}

QColor CaptureRenderer::bannerColor()
{
    return QColor(0x1d, 0x26, 0x30);
}

QColor CaptureRenderer::demoMarkColor()
{
    return QColor(0xf5, 0xa5, 0x24);
}

void CaptureRenderer::paintBanner(QPainter *painter, int width, const CaptureProvenance &provenance) const
{
    const QRect banner(0, 0, width, kBannerHeight);
    painter->fillRect(banner, bannerColor());
    painter->setRenderHint(QPainter::TextAntialiasing);

    int textLeft = kBannerPadding;
    if (provenance.demo) {
        painter->setFont(bannerFont(true));
        const QString mark = u"DEMO"_s;
        const int markWidth = QFontMetrics(painter->font()).horizontalAdvance(mark) + 2 * kBannerPadding;
        const QRect markRect(0, 0, markWidth, kBannerHeight);
        painter->fillRect(markRect, demoMarkColor());
        painter->setPen(Qt::black);
        painter->drawText(markRect, Qt::AlignCenter, mark);
        textLeft = markWidth + kBannerPadding;
    }

    painter->setFont(bannerFont(false));
    painter->setPen(Qt::white);
    const QRect textRect(textLeft, 0, width - textLeft - kBannerPadding, kBannerHeight);
    const QString text = QFontMetrics(painter->font()).elidedText(bannerText(provenance), Qt::ElideMiddle, textRect.width());
    painter->drawText(textRect, Qt::AlignVCenter | Qt::AlignLeft, text);
}

bool writeCapture(QWidget *widget, const CaptureProvenance &provenance, const QString &pngPath, QString *error)
{
    QImage image = CaptureRenderer(provenance.devicePixelRatio).render(widget, provenance);
    addPngText(&image, provenance);
    const QByteArray png = encodePng(image, error);
    if (png.isEmpty() || !writeFileAtomically(pngPath, png, error))
        return false;

    CaptureProvenance written = provenance;
    written.imageSize = image.size();
    const QByteArray sidecar = QJsonDocument(toJson(written)).toJson(QJsonDocument::Indented);
    if (!writeFileAtomically(sidecarPath(pngPath), sidecar, error))
        return false;

    qCInfo(lcEvidence) << "Wrote capture" << pngPath << image.size();
    return true;
}

QString captureIntoStore(QWidget *widget, const CaptureProvenance &provenance, EvidenceStore *store, QString *error)
{
    const QString path = store->newCapturePath(provenance.panel, provenance.capturedAt);
    if (!writeCapture(widget, provenance, path, error))
        return {};

    store->notifyChanged();
    return QFileInfo(path).completeBaseName();
}

} // namespace poc
