#include "testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <gtest/gtest.h>

namespace {

using poc::test::IsolatedPaths;
using poc::test::runApp;

QJsonObject parseJson(const QByteArray &bytes)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &error);
    EXPECT_EQ(error.error, QJsonParseError::NoError) << bytes.toStdString();
    return document.object();
}

QStringList gapStates(const QJsonObject &snapshot)
{
    QStringList states;
    for (const QJsonValue &gap : snapshot.value(QLatin1String("gaps")).toArray())
        states.append(gap.toObject().value(QLatin1String("state")).toString());
    return states;
}

TEST(Cli, CheckDemoListsFourEndpointsUp)
{
    const IsolatedPaths paths;
    const auto result = runApp({QStringLiteral("check"), QStringLiteral("--demo"), QStringLiteral("--format"),
                                QStringLiteral("json")},
                               paths.processEnvironment());

    ASSERT_FALSE(result.timedOut);
    const QJsonObject snapshot = parseJson(result.standardOutput);
    const QJsonArray endpoints = snapshot.value(QLatin1String("endpoints")).toArray();
    ASSERT_EQ(endpoints.size(), 4) << result.standardError.toStdString();
    for (const QJsonValue &value : endpoints) {
        const QJsonObject endpoint = value.toObject();
        EXPECT_EQ(endpoint.value(QLatin1String("state")).toString(), QStringLiteral("up"))
            << endpoint.value(QLatin1String("name")).toString().toStdString() << ": "
            << endpoint.value(QLatin1String("error")).toString().toStdString();
        for (const char *key : {"name", "url", "http_status", "latency_ms", "tls_days_left", "error"})
            EXPECT_TRUE(endpoint.contains(QLatin1String(key))) << key;
    }
    EXPECT_TRUE(snapshot.value(QLatin1String("demo")).toBool());
    EXPECT_TRUE(snapshot.value(QLatin1String("generated_at")).toString().endsWith(QLatin1Char('Z')));
    EXPECT_EQ(gapStates(snapshot), (QStringList{QStringLiteral("open"), QStringLiteral("open")}));
    EXPECT_EQ(snapshot.value(QLatin1String("fixtures")).toArray().size(), 6);
    EXPECT_FALSE(snapshot.value(QLatin1String("facts")).toArray().isEmpty());
    // Both category-5 gaps are open in the recorded state, so the check fails.
    EXPECT_EQ(result.exitCode, 1);
}

TEST(Cli, CheckFixedClosesBothGaps)
{
    const IsolatedPaths paths;
    const auto result = runApp({QStringLiteral("check"), QStringLiteral("--demo"), QStringLiteral("--format"),
                                QStringLiteral("json"), QStringLiteral("--scenario"), QStringLiteral("fixed")},
                               paths.processEnvironment());

    const QJsonObject snapshot = parseJson(result.standardOutput);
    EXPECT_EQ(gapStates(snapshot), (QStringList{QStringLiteral("closed"), QStringLiteral("closed")}));
    EXPECT_EQ(result.exitCode, 0) << result.standardOutput.toStdString();
}

TEST(Cli, CheckOutageExitsOne)
{
    const IsolatedPaths paths;
    const auto result = runApp({QStringLiteral("check"), QStringLiteral("--demo"), QStringLiteral("--scenario"),
                                QStringLiteral("outage")},
                               paths.processEnvironment());

    EXPECT_EQ(result.exitCode, 1) << result.standardOutput.toStdString();
    EXPECT_TRUE(result.standardOutput.contains("down")) << result.standardOutput.toStdString();
}

TEST(Cli, CheckWithoutEvidenceExitsOne)
{
    const IsolatedPaths paths;
    const auto result = runApp({QStringLiteral("check"), QStringLiteral("--demo"), QStringLiteral("--format"),
                                QStringLiteral("json"), QStringLiteral("--scenario"), QStringLiteral("auth-expired")},
                               paths.processEnvironment());

    // Kibana and Mimir return 401, so neither gap can be judged, and that must not pass.
    const QJsonObject snapshot = parseJson(result.standardOutput);
    EXPECT_EQ(gapStates(snapshot), (QStringList{QStringLiteral("unknown"), QStringLiteral("unknown")}));
    EXPECT_EQ(result.exitCode, 1);
}

TEST(Cli, BrokenConfigExitsTwoWithLine)
{
    const IsolatedPaths paths;
    const QString configPath = paths.root() + QStringLiteral("/broken.yaml");
    poc::test::writeFile(configPath, "endpoints:\n  - name: engine\n    url: htp:/nowhere\n");

    const auto result = runApp({QStringLiteral("check"), QStringLiteral("--config"), configPath},
                               paths.processEnvironment());

    EXPECT_EQ(result.exitCode, 2);
    EXPECT_TRUE(result.standardError.contains("broken.yaml:3:10: endpoints[0].url: invalid URL"))
        << result.standardError.toStdString();
}

TEST(Cli, UnknownConfigKeyWarnsAndRuns)
{
    const IsolatedPaths paths;
    const QString configPath = paths.root() + QStringLiteral("/typo.yaml");
    poc::test::writeFile(configPath, "endpoints: []\npolling:\n  intervall: 5s\n");

    const auto result = runApp({QStringLiteral("check"), QStringLiteral("--config"), configPath},
                               paths.processEnvironment());

    EXPECT_EQ(result.exitCode, 0) << result.standardError.toStdString();
    EXPECT_TRUE(result.standardError.contains("warning: ")) << result.standardError.toStdString();
    EXPECT_TRUE(result.standardError.contains("polling.intervall: unknown key"));
}

TEST(Cli, WindowWithoutDisplayExplains)
{
    const IsolatedPaths paths;
    QProcessEnvironment environment = paths.processEnvironment();
    environment.remove(QStringLiteral("QT_QPA_PLATFORM"));
    environment.remove(QStringLiteral("DISPLAY"));
    environment.remove(QStringLiteral("WAYLAND_DISPLAY"));

    const auto result = runApp({}, environment);

    EXPECT_FALSE(result.crashed);
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_TRUE(result.standardError.contains("no display found"));
    EXPECT_TRUE(result.standardError.contains("--platform offscreen"));
}

TEST(Cli, VersionPrintsProjectVersion)
{
    const IsolatedPaths paths;
    const auto result = runApp({QStringLiteral("--version")}, paths.processEnvironment());

    EXPECT_EQ(result.exitCode, 0);
    EXPECT_TRUE(result.standardOutput.startsWith("arcade-poc-dashboard " POC_VERSION " (Qt 6."));
}

} // namespace
