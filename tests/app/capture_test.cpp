#include "testsupport.h"

#include <QDir>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

#include <gtest/gtest.h>

namespace {

using poc::test::IsolatedPaths;
using poc::test::runApp;

QJsonObject readJson(const QString &path)
{
    return QJsonDocument::fromJson(poc::test::readFile(path)).object();
}

poc::test::ProcessResult capture(const IsolatedPaths &paths, const QString &panel, const QString &out,
                                 const QByteArray &scaleFactor = "1", const QString &scenario = QStringLiteral("seed"))
{
    QProcessEnvironment environment = paths.processEnvironment();
    environment.insert(QStringLiteral("QT_SCALE_FACTOR"), QString::fromLatin1(scaleFactor));
    return runApp({QStringLiteral("capture"), QStringLiteral("--demo"), QStringLiteral("--scenario"), scenario,
                   QStringLiteral("--panel"), panel, QStringLiteral("--out"), out},
                  environment);
}

QStringList capturedGapStates(const QString &sidecarPath)
{
    const QJsonObject sidecar = readJson(sidecarPath);
    QStringList states;
    for (const QJsonValue &gap : sidecar.value(QLatin1String("results")).toObject().value(QLatin1String("gaps")).toArray())
        states.append(gap.toObject().value(QLatin1String("state")).toString());
    return states;
}

TEST(Capture, PngMatchesSidecarSize)
{
    const IsolatedPaths paths;
    const QString out = paths.root() + QStringLiteral("/shots/overview.png");

    const auto result = capture(paths, QStringLiteral("overview"), out);

    ASSERT_EQ(result.exitCode, 0) << result.standardError.toStdString();
    const QImage image(out);
    ASSERT_FALSE(image.isNull());
    const QJsonObject sidecar = readJson(paths.root() + QStringLiteral("/shots/overview.json"));
    EXPECT_TRUE(sidecar.value(QLatin1String("demo")).toBool());
    EXPECT_EQ(sidecar.value(QLatin1String("panel")).toString(), QStringLiteral("overview"));
    EXPECT_EQ(sidecar.value(QLatin1String("config_sha256")).toString().size(), 64);
    const QJsonObject size = sidecar.value(QLatin1String("image_size")).toObject();
    EXPECT_EQ(image.width(), size.value(QLatin1String("width")).toInt());
    EXPECT_EQ(image.height(), size.value(QLatin1String("height")).toInt());
    EXPECT_EQ(sidecar.value(QLatin1String("device_pixel_ratio")).toDouble(), 1.0);
    // The offscreen window is 1440 x 960; the panel shares it with the evidence dock and the toolbar.
    EXPECT_GT(image.width(), 900);
    EXPECT_LE(image.width(), 1440);
    EXPECT_GT(image.height(), 700);
    EXPECT_LE(image.height(), 960);
}

TEST(Capture, ScalesWithDevicePixelRatio)
{
    const IsolatedPaths paths;
    const QString single = paths.root() + QStringLiteral("/single.png");
    const QString doubled = paths.root() + QStringLiteral("/double.png");

    ASSERT_EQ(capture(paths, QStringLiteral("facts"), single, "1").exitCode, 0);
    ASSERT_EQ(capture(paths, QStringLiteral("facts"), doubled, "2").exitCode, 0);

    const QImage one(single);
    const QImage two(doubled);
    ASSERT_FALSE(one.isNull());
    ASSERT_FALSE(two.isNull());
    EXPECT_EQ(two.width(), one.width() * 2);
    EXPECT_EQ(two.height(), one.height() * 2);
}

TEST(Capture, ObservabilityShowsBothGapsOpen)
{
    const IsolatedPaths paths;
    const QString out = paths.root() + QStringLiteral("/observability.png");

    ASSERT_EQ(capture(paths, QStringLiteral("observability"), out).exitCode, 0);

    EXPECT_EQ(capturedGapStates(paths.root() + QStringLiteral("/observability.json")),
              (QStringList{QStringLiteral("open"), QStringLiteral("open")}));
}

TEST(Capture, ObservabilityFixedShowsBothClosed)
{
    const IsolatedPaths paths;
    const QString out = paths.root() + QStringLiteral("/fixed.png");

    ASSERT_EQ(capture(paths, QStringLiteral("observability"), out, "1", QStringLiteral("fixed")).exitCode, 0);

    EXPECT_EQ(capturedGapStates(paths.root() + QStringLiteral("/fixed.json")),
              (QStringList{QStringLiteral("closed"), QStringLiteral("closed")}));
}

TEST(Capture, FixturesShowOnlyLastFour)
{
    const IsolatedPaths paths;
    const QString out = paths.root() + QStringLiteral("/fixtures.png");

    ASSERT_EQ(capture(paths, QStringLiteral("fixtures"), out).exitCode, 0);

    const QByteArray sidecar = poc::test::readFile(paths.root() + QStringLiteral("/fixtures.json"));
    EXPECT_TRUE(sidecar.contains("replica demo key …0000")) << sidecar.toStdString();
    EXPECT_FALSE(sidecar.contains("arc_demo_replica")) << sidecar.toStdString();
}

TEST(Capture, ReportBundleVerifies)
{
    const IsolatedPaths paths;
    const QString dir = paths.root() + QStringLiteral("/report");

    const auto result = runApp({QStringLiteral("report"), QStringLiteral("--demo"), QStringLiteral("--out"), dir},
                               paths.processEnvironment());

    ASSERT_EQ(result.exitCode, 0) << result.standardError.toStdString();
    QProcess sha256sum;
    sha256sum.setWorkingDirectory(dir);
    sha256sum.start(QStringLiteral("sha256sum"), {QStringLiteral("-c"), QStringLiteral("--strict"),
                                                  QStringLiteral("SHA256SUMS")});
    ASSERT_TRUE(sha256sum.waitForFinished());
    EXPECT_EQ(sha256sum.exitCode(), 0) << sha256sum.readAllStandardOutput().toStdString();

    const QString markdown = QString::fromUtf8(poc::test::readFile(dir + QStringLiteral("/report.md")));
    for (const char *section : {"## Endpoints", "## Observability gaps", "## Phase 1 fixtures", "## Frozen facts",
                                "captures/overview.png"})
        EXPECT_TRUE(markdown.contains(QString::fromUtf8(section))) << section;
    EXPECT_FALSE(markdown.contains(QStringLiteral("arc_demo_replica")));
}

} // namespace
