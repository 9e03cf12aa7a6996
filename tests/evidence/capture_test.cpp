#include "evidence/capturerenderer.h"
#include "snapshots.h"
#include "testsupport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QTemporaryDir>
#include <QVBoxLayout>
#include <QWidget>

#include <gtest/gtest.h>

#include <memory>

using namespace Qt::StringLiterals;

namespace poc {
namespace {

constexpr int kPanelWidth = 420;
constexpr int kPanelHeight = 180;

std::unique_ptr<QWidget> makePanel(const QPalette &palette = QPalette())
{
    auto panel = std::make_unique<QWidget>();
    panel->setPalette(palette);
    panel->setAutoFillBackground(true);
    auto *layout = new QVBoxLayout(panel.get());
    layout->addWidget(new QLabel(u"Engine API: up, 42 ms"_s));
    auto *key = new QLineEdit(u"ci-eval …WXYZ"_s);
    key->setReadOnly(true);
    layout->addWidget(key);
    panel->resize(kPanelWidth, kPanelHeight);
    return panel;
}

QPalette darkPalette()
{
    QPalette palette;
    palette.setColor(QPalette::Window, QColor(0x20, 0x20, 0x20));
    palette.setColor(QPalette::WindowText, QColor(0xe0, 0xe0, 0xe0));
    palette.setColor(QPalette::Base, QColor(0x2b, 0x2b, 0x2b));
    palette.setColor(QPalette::Text, QColor(0xe0, 0xe0, 0xe0));
    return palette;
}

CaptureProvenance provenanceWithSecret(bool demo, qreal devicePixelRatio)
{
    QJsonObject snapshot = test::seedSnapshot();
    snapshot.insert(u"demo"_s, demo);
    snapshot.insert(u"environment"_s, demo ? u"DEMO replica"_s : u"live POC (backstage-wus2-v4)"_s);
    CaptureProvenance provenance = provenanceFromSnapshot(snapshot, u"fixtures"_s);
    provenance.devicePixelRatio = devicePixelRatio;

    const QString secret = QString::fromLatin1(test::kFakeSecret);
    provenance.results.insert(u"fixtures"_s, QJsonArray{QJsonObject{
        {u"id"_s, u"api-key"_s}, {u"value"_s, u"ci-eval …WXYZ"_s}, {u"api_key"_s, secret}}});
    provenance.results.insert(u"request"_s, QJsonObject{
        {u"headers"_s, QJsonObject{{u"Authorization"_s, u"Bearer "_s + secret}}},
        {u"log"_s, u"curl -H 'Authorization: Bearer "_s + secret + u"' http://127.0.0.1:40123/mcp/poc"_s}});
    return provenance;
}

// Pixels in the banner strip (device pixels) that are bright like the banner's white text.
int brightBannerPixels(const QImage &image, qreal devicePixelRatio)
{
    const int bannerBottom = int(CaptureRenderer::kBannerHeight * devicePixelRatio);
    int bright = 0;
    for (int y = 0; y < bannerBottom; ++y) {
        for (int x = 0; x < image.width(); ++x) {
            if (image.pixelColor(x, y).lightness() > 200)
                ++bright;
        }
    }
    return bright;
}

class CaptureSize : public testing::TestWithParam<qreal>
{
};

TEST_P(CaptureSize, ImageIncludesBannerAtRatio)
{
    const qreal ratio = GetParam();
    auto panel = makePanel();

    const QImage image = CaptureRenderer(ratio).render(panel.get(), provenanceWithSecret(false, ratio));

    EXPECT_EQ(image.width(), qRound(kPanelWidth * ratio));
    EXPECT_EQ(image.height(), qRound((kPanelHeight + CaptureRenderer::kBannerHeight) * ratio));
    EXPECT_EQ(image.devicePixelRatio(), ratio);
}

INSTANTIATE_TEST_SUITE_P(Ratios, CaptureSize, testing::Values(1.0, 2.0));

TEST(Capture, BannerHasFixedColoursAndText)
{
    auto panel = makePanel();
    const QImage image = CaptureRenderer(1.0).render(panel.get(), provenanceWithSecret(false, 1.0));

    EXPECT_EQ(image.pixelColor(2, 2), CaptureRenderer::bannerColor());
    EXPECT_EQ(image.pixelColor(kPanelWidth - 2, 2), CaptureRenderer::bannerColor());
    EXPECT_EQ(image.pixelColor(kPanelWidth - 2, CaptureRenderer::kBannerHeight - 1), CaptureRenderer::bannerColor());
    EXPECT_GT(brightBannerPixels(image, 1.0), 100) << "no banner text drawn";
    EXPECT_NE(image.pixelColor(kPanelWidth - 2, CaptureRenderer::kBannerHeight + 2), CaptureRenderer::bannerColor());
}

TEST(Capture, DemoMarkDrawn)
{
    auto panel = makePanel();
    const QImage image = CaptureRenderer(2.0).render(panel.get(), provenanceWithSecret(true, 2.0));

    EXPECT_EQ(image.pixelColor(2, 2), CaptureRenderer::demoMarkColor());
    EXPECT_EQ(image.pixelColor(image.width() - 2, 2), CaptureRenderer::bannerColor());
}

TEST(Capture, BannerSameInDarkPalette)
{
    auto light = makePanel();
    auto dark = makePanel(darkPalette());
    const CaptureProvenance provenance = provenanceWithSecret(true, 1.0);

    const QImage lightImage = CaptureRenderer(1.0).render(light.get(), provenance);
    const QImage darkImage = CaptureRenderer(1.0).render(dark.get(), provenance);

    const QRect banner(0, 0, kPanelWidth, CaptureRenderer::kBannerHeight);
    EXPECT_EQ(lightImage.copy(banner), darkImage.copy(banner));
    EXPECT_NE(lightImage.pixelColor(kPanelWidth - 2, kPanelHeight), darkImage.pixelColor(kPanelWidth - 2, kPanelHeight));
}

TEST(Capture, WritesPngAndScrubbedSidecar)
{
    QTemporaryDir dir;
    auto panel = makePanel();
    const QString png = dir.filePath(u"fixtures.png"_s);
    QString error;

    ASSERT_TRUE(writeCapture(panel.get(), provenanceWithSecret(true, 2.0), png, &error)) << error.toStdString();

    const QImage image(png);
    ASSERT_FALSE(image.isNull());
    EXPECT_EQ(image.size(), QSize(2 * kPanelWidth, 2 * (kPanelHeight + CaptureRenderer::kBannerHeight)));
    EXPECT_EQ(image.pixelColor(2, 2), CaptureRenderer::demoMarkColor());
    EXPECT_TRUE(image.text(u"Title"_s).startsWith(u"DEMO · DEMO replica · 2026-12-04 20:00:00 UTC"_s))
        << image.text(u"Title"_s).toStdString();

    const QByteArray sidecarBytes = test::readFile(dir.filePath(u"fixtures.json"_s));
    const QJsonObject sidecar = QJsonDocument::fromJson(sidecarBytes).object();
    EXPECT_EQ(sidecar.value(u"environment"_s).toString(), u"DEMO replica"_s);
    EXPECT_EQ(sidecar.value(u"captured_at"_s).toString(), u"2026-12-04T20:00:00Z"_s);
    EXPECT_EQ(sidecar.value(u"app_version"_s).toString(), QStringLiteral(POC_VERSION));
    EXPECT_TRUE(sidecar.value(u"demo"_s).toBool());
    EXPECT_EQ(sidecar.value(u"panel"_s).toString(), u"fixtures"_s);
    EXPECT_EQ(sidecar.value(u"device_pixel_ratio"_s).toDouble(), 2.0);
    EXPECT_EQ(sidecar.value(u"image_size"_s).toObject().value(u"width"_s).toInt(), image.width());
    EXPECT_EQ(sidecar.value(u"image_size"_s).toObject().value(u"height"_s).toInt(), image.height());

    const QByteArray secretStart = QByteArray(test::kFakeSecret).left(12);
    EXPECT_FALSE(sidecarBytes.contains(secretStart)) << sidecarBytes.constData();
    EXPECT_FALSE(test::readFile(png).contains(secretStart));
    EXPECT_TRUE(sidecarBytes.contains("ci-eval …WXYZ"));
}

TEST(Capture, UnwritablePathReportsError)
{
    auto panel = makePanel();
    QString error;

    EXPECT_FALSE(writeCapture(panel.get(), provenanceWithSecret(false, 1.0), u"/proc/no-such-dir/out.png"_s, &error));
    EXPECT_TRUE(error.contains(u"/proc/no-such-dir/out.png"_s)) << error.toStdString();
}

} // namespace
} // namespace poc
