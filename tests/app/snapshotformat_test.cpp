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
    QJsonObject unknownGap{{QStringLiteral("id"), QStringLiteral("otlp-prometheus-bridge-missing")},
                           {QStringLiteral("state"), QStringLiteral("unknown")},
                           {QStringLiteral("reason"), QStringLiteral("Mimir rejected the tenant.")}};
    QJsonObject mimirQuery{{QStringLiteral("id"), QStringLiteral("engine-series")},
                           {QStringLiteral("state"), QStringLiteral("tenant_rejected")},
                           {QStringLiteral("message"), QStringLiteral("Mimir rejected tenant k8s-backstage-v4.")}};
    return {{QStringLiteral("generated_at"), QStringLiteral("2026-12-04T20:00:00Z")},
            {QStringLiteral("environment"), QStringLiteral("test")},
            {QStringLiteral("demo"), true},
            {QStringLiteral("endpoints"), QJsonArray{engine, dashboard}},
            {QStringLiteral("gaps"), QJsonArray{gap, unknownGap}},
            {QStringLiteral("mimir"), QJsonObject{{QStringLiteral("configured"), true},
                                                  {QStringLiteral("queries"), QJsonArray{mimirQuery}}}}};
}

TEST(SnapshotFormat, TextSummarisesProblems)
{
    const QString text = poc::formatSnapshot(sampleSnapshot(), poc::SnapshotFormat::Text);

    EXPECT_TRUE(text.contains(QStringLiteral("[DEMO]")));
    EXPECT_TRUE(text.contains(QStringLiteral("HTTP 503")));
    EXPECT_TRUE(text.contains(QStringLiteral("15 log lines")));
    EXPECT_TRUE(text.contains(QStringLiteral("engine-series            tenant_rejected, Mimir rejected tenant k8s-backstage-v4.")))
        << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("1 endpoint(s) not healthy, 1 gap(s) open, 1 gap(s) unknown.")));
    EXPECT_TRUE(text.contains(QStringLiteral("A Kibana or Mimir query failed")));
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
    int skipped = 0;
    QString failuresAttribute;
    while (!reader.atEnd()) {
        reader.readNext();
        if (reader.isStartElement() && reader.name() == QLatin1String("testsuite"))
            failuresAttribute = reader.attributes().value(QLatin1String("failures")).toString();
        if (reader.isStartElement() && reader.name() == QLatin1String("testcase"))
            ++testCases;
        if (reader.isStartElement() && reader.name() == QLatin1String("failure"))
            ++failures;
        if (reader.isStartElement() && reader.name() == QLatin1String("skipped"))
            ++skipped;
    }
    EXPECT_FALSE(reader.hasError()) << reader.errorString().toStdString();
    EXPECT_EQ(testCases, 4);
    EXPECT_EQ(failures, 2);
    EXPECT_EQ(skipped, 1);
    EXPECT_EQ(failuresAttribute, QStringLiteral("2"));
}

} // namespace
