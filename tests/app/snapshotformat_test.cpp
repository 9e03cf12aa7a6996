#include "session/snapshotformat.h"

#include <QJsonArray>
#include <QXmlStreamReader>

#include <gtest/gtest.h>

namespace {

QJsonObject sampleSnapshot()
{
    QJsonObject engine{{QStringLiteral("name"), QStringLiteral("engine")},
                       {QStringLiteral("state"), QStringLiteral("up")},
                       {QStringLiteral("http_status"), 200},
                       {QStringLiteral("latency_ms"), 42},
                       {QStringLiteral("error"), QString()}};
    QJsonObject dashboard{{QStringLiteral("name"), QStringLiteral("dashboard")},
                          {QStringLiteral("state"), QStringLiteral("down")},
                          {QStringLiteral("http_status"), 503},
                          {QStringLiteral("latency_ms"), 12},
                          {QStringLiteral("error"), QStringLiteral("503 | Service Unavailable")}};
    QJsonObject gap{{QStringLiteral("id"), QStringLiteral("otel-collector-missing")},
                    {QStringLiteral("state"), QStringLiteral("open")},
                    {QStringLiteral("evidence"), QJsonObject{{QStringLiteral("count"), 15}}}};
    return {{QStringLiteral("generated_at"), QStringLiteral("2026-12-04T20:00:00Z")},
            {QStringLiteral("environment"), QStringLiteral("test")},
            {QStringLiteral("demo"), true},
            {QStringLiteral("endpoints"), QJsonArray{engine, dashboard}},
            {QStringLiteral("gaps"), QJsonArray{gap}}};
}

TEST(SnapshotFormat, TextSummarisesProblems)
{
    const QString text = poc::formatSnapshot(sampleSnapshot(), poc::SnapshotFormat::Text);

    EXPECT_TRUE(text.contains(QStringLiteral("[DEMO]")));
    EXPECT_TRUE(text.contains(QStringLiteral("HTTP 503")));
    EXPECT_TRUE(text.contains(QStringLiteral("count: 15")));
    EXPECT_TRUE(text.contains(QStringLiteral("1 endpoint(s) not healthy, 1 gap(s) open.")));
}

TEST(SnapshotFormat, MarkdownEscapesPipes)
{
    const QString markdown = poc::formatSnapshot(sampleSnapshot(), poc::SnapshotFormat::Markdown);

    EXPECT_TRUE(markdown.contains(QStringLiteral("| dashboard | down | 503 | 12 |  | 503 \\| Service Unavailable |")))
        << markdown.toStdString();
}

TEST(SnapshotFormat, JUnitFailsUnhealthyCases)
{
    const QString xml = poc::formatSnapshot(sampleSnapshot(), poc::SnapshotFormat::JUnit);

    QXmlStreamReader reader(xml);
    int testCases = 0;
    int failures = 0;
    while (!reader.atEnd()) {
        reader.readNext();
        if (reader.isStartElement() && reader.name() == QLatin1String("testcase"))
            ++testCases;
        if (reader.isStartElement() && reader.name() == QLatin1String("failure"))
            ++failures;
    }
    EXPECT_FALSE(reader.hasError()) << reader.errorString().toStdString();
    EXPECT_EQ(testCases, 3);
    EXPECT_EQ(failures, 2);
}

} // namespace
