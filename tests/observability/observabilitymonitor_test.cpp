#include "observability/observabilitymonitor.h"

#include "observabilitypeers.h"

#include <QJsonArray>
#include <QSignalSpy>

#include <gtest/gtest.h>

using namespace Qt::StringLiterals;

namespace poc {
namespace {

QJsonObject gapById(const QJsonArray &gaps, const QString &id)
{
    for (const QJsonValue &gap : gaps) {
        if (gap[u"id"_s].toString() == id)
            return gap.toObject();
    }
    return {};
}

bool refresh(ObservabilityMonitor &monitor)
{
    QSignalSpy refreshed(&monitor, &ObservabilityMonitor::refreshed);
    monitor.refresh();
    return refreshed.wait(10000);
}

TEST(ObservabilityMonitor, RecordedPocStateOpensBothGaps)
{
    test::ObservabilityPeers peers;
    ObservabilityMonitor monitor(peers.config, &peers.network, &peers.secrets);

    ASSERT_TRUE(refresh(monitor));

    const QJsonArray gaps = monitor.gapsJson();
    ASSERT_EQ(gaps.size(), 2);
    const QJsonObject collector = gapById(gaps, u"otel-collector-missing"_s);
    EXPECT_EQ(collector[u"state"_s].toString(), u"open"_s);
    EXPECT_EQ(collector[u"evidence"_s][u"count"_s].toInteger(), 14);
    EXPECT_EQ(collector[u"evidence"_s][u"last_seen"_s].toString(), u"2026-06-18T09:14:02Z"_s);
    EXPECT_TRUE(collector[u"evidence"_s][u"sample"_s].toString().startsWith(u"failed to upload metrics"_s));
    EXPECT_EQ(collector[u"fix"_s].toString(), u"Deploy a collector."_s);
    EXPECT_FALSE(collector[u"since"_s].toString().isEmpty());
    EXPECT_FALSE(collector.contains(u"changed_at"_s));
    EXPECT_EQ(gapById(gaps, u"otlp-prometheus-bridge-missing"_s)[u"state"_s].toString(), u"open"_s);
    EXPECT_EQ(gapById(gaps, u"otlp-prometheus-bridge-missing"_s)[u"evidence"_s][u"series_count"_s].toInteger(), 0);
    EXPECT_TRUE(monitor.anyGapOpen());
}

TEST(ObservabilityMonitor, FixedPocClosesGapsAndCapturesMoment)
{
    test::ObservabilityPeers peers;
    ObservabilityMonitor monitor(peers.config, &peers.network, &peers.secrets);
    QSignalSpy changed(&monitor, &ObservabilityMonitor::gapChanged);
    QSignalSpy closed(&monitor, &ObservabilityMonitor::gapClosed);
    ASSERT_TRUE(refresh(monitor));

    peers.kibana.setReply({200, "application/json", test::observabilityData("es8-no-hits.json")});
    peers.mimir.setReply({200, "application/json", test::kEngineSeries});
    ASSERT_TRUE(refresh(monitor));

    ASSERT_EQ(changed.size(), 2);
    EXPECT_EQ(changed.at(0).at(1).value<GapState>(), GapState::Open);
    EXPECT_EQ(changed.at(0).at(2).value<GapState>(), GapState::Closed);
    EXPECT_TRUE(changed.at(0).at(3).toDateTime().isValid());
    ASSERT_EQ(closed.size(), 2);
    EXPECT_EQ(closed.at(0).at(1).toDateTime(), changed.at(0).at(3).toDateTime());
    const QJsonObject bridge = gapById(monitor.gapsJson(), u"otlp-prometheus-bridge-missing"_s);
    EXPECT_EQ(bridge[u"state"_s].toString(), u"closed"_s);
    EXPECT_EQ(bridge[u"previous_state"_s].toString(), u"open"_s);
    EXPECT_EQ(bridge[u"changed_at"_s].toString(), bridge[u"closed_at"_s].toString());
    EXPECT_FALSE(bridge[u"changed_at"_s].toString().isEmpty());
    EXPECT_FALSE(monitor.anyGapOpen());
}

TEST(ObservabilityMonitor, ClosingThroughUnknownIsCaptured)
{
    test::ObservabilityPeers peers;
    ObservabilityMonitor monitor(peers.config, &peers.network, &peers.secrets);
    QSignalSpy closed(&monitor, &ObservabilityMonitor::gapClosed);
    ASSERT_TRUE(refresh(monitor));

    peers.mimir.setReply({502, "text/plain", "bad gateway"});
    ASSERT_TRUE(refresh(monitor));
    EXPECT_EQ(gapById(monitor.gapsJson(), u"otlp-prometheus-bridge-missing"_s)[u"state"_s].toString(), u"unknown"_s);
    peers.mimir.setReply({200, "application/json", test::kEngineSeries});
    ASSERT_TRUE(refresh(monitor));

    ASSERT_EQ(closed.size(), 1);
    EXPECT_EQ(closed.first().first().toString(), u"otlp-prometheus-bridge-missing"_s);
    const QJsonObject bridge = gapById(monitor.gapsJson(), u"otlp-prometheus-bridge-missing"_s);
    EXPECT_EQ(bridge[u"previous_state"_s].toString(), u"unknown"_s);
    EXPECT_FALSE(bridge[u"closed_at"_s].toString().isEmpty());
}

TEST(ObservabilityMonitor, KibanaNotConfiguredJson)
{
    test::ObservabilityPeers peers;
    peers.config.kibana.url = QUrl();
    ObservabilityMonitor monitor(peers.config, &peers.network, &peers.secrets);
    ASSERT_TRUE(refresh(monitor));

    const QJsonObject kibana = monitor.kibanaJson();

    EXPECT_FALSE(kibana[u"configured"_s].toBool(true));
    EXPECT_EQ(kibana[u"message"_s].toString(),
              u"Kibana is not configured: set kibana.url and kibana.index in /home/evaluator/.config/arcade-poc-dashboard/config.yaml"_s);
    EXPECT_EQ(gapById(monitor.gapsJson(), u"otel-collector-missing"_s)[u"state"_s].toString(), u"unknown"_s);
    EXPECT_TRUE(peers.kibana.requests().isEmpty());
}

TEST(ObservabilityMonitor, KibanaAndMimirJson)
{
    test::ObservabilityPeers peers;
    ObservabilityMonitor monitor(peers.config, &peers.network, &peers.secrets);
    ASSERT_TRUE(refresh(monitor));

    const QJsonObject kibana = monitor.kibanaJson();
    const QJsonObject query = kibana[u"queries"_s][0].toObject();
    const QJsonObject mimir = monitor.mimirJson();
    const QJsonObject series = mimir[u"queries"_s][0].toObject();

    EXPECT_TRUE(kibana[u"configured"_s].toBool());
    EXPECT_EQ(query[u"state"_s].toString(), u"ok"_s);
    EXPECT_EQ(query[u"total_hits"_s].toInteger(), 14);
    EXPECT_EQ(query[u"total_relation"_s].toString(), u"eq"_s);
    EXPECT_TRUE(query[u"discover_url"_s].toString().contains(u"/kibana/app/discover#/"_s));
    EXPECT_EQ(query[u"lines"_s][0][u"fields"_s][u"Tracing.TraceId"_s].toString(), u"4bf92f3577b34da6a3ce929d0e0e4736"_s);
    EXPECT_EQ(mimir[u"tenant"_s].toString(), u"k8s-backstage-v4"_s);
    EXPECT_EQ(series[u"state"_s].toString(), u"ok"_s);
    EXPECT_EQ(series[u"series_count"_s].toInt(), 0);
    EXPECT_TRUE(series[u"explore_url"_s].toString().startsWith(u"https://grafana.example.test/explore?left="_s));
}

TEST(ObservabilityMonitor, FailedQueryMakesGapUnknown)
{
    test::ObservabilityPeers peers;
    peers.mimir.setReply({401, "text/plain", "no org id"});
    ObservabilityMonitor monitor(peers.config, &peers.network, &peers.secrets);

    ASSERT_TRUE(refresh(monitor));

    const QJsonObject bridge = gapById(monitor.gapsJson(), u"otlp-prometheus-bridge-missing"_s);
    EXPECT_EQ(bridge[u"state"_s].toString(), u"unknown"_s);
    EXPECT_TRUE(bridge[u"reason"_s].toString().contains(u"tenant header missing or rejected"_s));
    EXPECT_EQ(monitor.mimirJson()[u"queries"_s][0][u"state"_s].toString(), u"tenant_rejected"_s);
}

TEST(ObservabilityMonitor, NoQueriesStillRefreshes)
{
    Config config;
    test::MemorySecretStore secrets;
    QNetworkAccessManager network;
    ObservabilityMonitor monitor(config, &network, &secrets);

    EXPECT_TRUE(refresh(monitor));
    EXPECT_TRUE(monitor.gapsJson().isEmpty());
}

} // namespace
} // namespace poc
