#include <QFile>
#include <QIcon>
#include <QImage>
#include <QImageReader>
#include <QPixmap>

#include <gtest/gtest.h>

namespace {

// The resource path app/main.cpp passes to setWindowIcon.
QString iconResource()
{
    return QStringLiteral(":/icons/" POC_APP_ID ".svg");
}

QString installedIconSource()
{
    return QStringLiteral(POC_SOURCE_DIR "/resources/icons/" POC_APP_ID ".svg");
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

TEST(ApplicationIcon, EmbeddedMatchesInstalledFile)
{
    const QByteArray embedded = readAll(iconResource());

    ASSERT_FALSE(embedded.isEmpty()) << "missing resource " << iconResource().toStdString();
    EXPECT_EQ(embedded, readAll(installedIconSource()));
}

TEST(ApplicationIcon, SvgPluginAvailable)
{
    EXPECT_TRUE(QImageReader::supportedImageFormats().contains("svg"))
        << "Qt has no SVG image plugin: install the Debian package libqt6svg6";
}

class ApplicationIconSize : public testing::TestWithParam<int>
{
};

TEST_P(ApplicationIconSize, RendersOpaqueTileWithTransparentCorner)
{
    const int size = GetParam();

    const QPixmap pixmap = QIcon(iconResource()).pixmap(QSize(size, size));

    ASSERT_FALSE(pixmap.isNull()) << "the icon did not render; is libqt6svg6 installed?";
    ASSERT_EQ(pixmap.size(), QSize(size, size));
    const QImage image = pixmap.toImage();
    EXPECT_EQ(qAlpha(image.pixel(size / 2, size / 2)), 255);
    EXPECT_EQ(qAlpha(image.pixel(0, 0)), 0);
}

// The sizes desktop shells and window decorations ask for.
INSTANTIATE_TEST_SUITE_P(DesktopSizes, ApplicationIconSize, testing::Values(16, 24, 32, 48, 64, 128, 256));

} // namespace
