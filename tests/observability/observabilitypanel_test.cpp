#include "observability/gapcard.h"
#include "observability/kibanalinesmodel.h"
#include "observability/kibanasection.h"
#include "observability/mimirrangechart.h"
#include "observability/mimirsection.h"
#include "observability/observabilitybanner.h"
#include "observability/observabilitymonitor.h"
#include "observability/observabilitypanel.h"

#include "observabilitypeers.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>

#include <gtest/gtest.h>

using namespace Qt::StringLiterals;

namespace poc {
namespace {

bool refresh(ObservabilityMonitor &monitor)
{
    QSignalSpy refreshed(&monitor, &ObservabilityMonitor::refreshed);
    monitor.refresh();
    return refreshed.wait(10000);
}

TEST(ObservabilityPanel, GapCardsShowOpen)
{
    test::ObservabilityPeers peers;
    ObservabilityMonitor monitor(peers.config, &peers.network, &peers.secrets);
    ObservabilityPanel panel(&monitor);
    panel.resize(1200, 900);
    panel.show();

    ASSERT_TRUE(refresh(monitor));

    ASSERT_NE(panel.gapCard(u"otel-collector-missing"_s), nullptr);
    EXPECT_EQ(panel.gapCard(u"otel-collector-missing"_s)->stateText(), u"open"_s);
    EXPECT_TRUE(panel.gapCard(u"otel-collector-missing"_s)->evidenceText().contains(u"14 matching log lines"_s));
    EXPECT_TRUE(panel.gapCard(u"otel-collector-missing"_s)->evidenceText().contains(u"last seen 2026-06-18 09:14:02 UTC"_s));
    EXPECT_EQ(panel.gapCard(u"otlp-prometheus-bridge-missing"_s)->stateText(), u"open"_s);
    EXPECT_TRUE(panel.gapCard(u"otel-collector-missing"_s)->closedMarkerText().isEmpty());
}

TEST(ObservabilityPanel, GapCardsShowClosedWithMarker)
{
    test::ObservabilityPeers peers;
    ObservabilityMonitor monitor(peers.config, &peers.network, &peers.secrets);
    ObservabilityPanel panel(&monitor);
    panel.show();
    ASSERT_TRUE(refresh(monitor));

    peers.kibana.setReply({200, "application/json", test::observabilityData("es8-no-hits.json")});
    peers.mimir.setReply({200, "application/json", test::kEngineSeries});
    ASSERT_TRUE(refresh(monitor));

    EXPECT_EQ(panel.gapCard(u"otel-collector-missing"_s)->stateText(), u"closed"_s);
    EXPECT_EQ(panel.gapCard(u"otlp-prometheus-bridge-missing"_s)->stateText(), u"closed"_s);
    EXPECT_TRUE(panel.gapCard(u"otlp-prometheus-bridge-missing"_s)->closedMarkerText().contains(u"open to closed"_s));
    EXPECT_TRUE(panel.gapCard(u"otlp-prometheus-bridge-missing"_s)->evidenceText().contains(u"1 series"_s));
}

TEST(ObservabilityPanel, UnknownWhenKibanaFails)
{
    test::ObservabilityPeers peers;
    peers.kibana.setReply({200, "text/html", test::observabilityData("kibana-sign-in.html")});
    ObservabilityMonitor monitor(peers.config, &peers.network, &peers.secrets);
    ObservabilityPanel panel(&monitor);
    panel.show();

    ASSERT_TRUE(refresh(monitor));

    EXPECT_EQ(panel.gapCard(u"otel-collector-missing"_s)->stateText(), u"unknown"_s);
    ASSERT_EQ(panel.kibanaSections().size(), 1);
    EXPECT_TRUE(panel.kibanaSections().first()->banner()->isVisible());
    EXPECT_TRUE(panel.kibanaSections().first()->banner()->isError());
    EXPECT_TRUE(panel.kibanaSections().first()->banner()->text().contains(u"sign-in page"_s));
}

TEST(ObservabilityPanel, KibanaSectionShowsTotalsAndLines)
{
    test::ObservabilityPeers peers;
    ObservabilityMonitor monitor(peers.config, &peers.network, &peers.secrets);
    ObservabilityPanel panel(&monitor);
    panel.show();

    ASSERT_TRUE(refresh(monitor));

    KibanaSection *section = panel.kibanaSections().first();
    EXPECT_TRUE(section->summaryText().contains(u"Total hits: 14"_s));
    EXPECT_TRUE(section->summaryText().contains(u"last occurrence: 2026-06-18 09:14:02 UTC"_s));
    ASSERT_EQ(section->linesModel()->rowCount(), 2);
    EXPECT_EQ(section->linesModel()->headerData(2, Qt::Horizontal).toString(), u"Tracing.TraceId"_s);
    EXPECT_EQ(section->linesModel()->index(0, 2).data().toString(), u"4bf92f3577b34da6a3ce929d0e0e4736"_s);
}

TEST(ObservabilityPanel, KibanaNotConfiguredSaysHow)
{
    test::ObservabilityPeers peers;
    peers.config.kibana.index.clear();
    ObservabilityMonitor monitor(peers.config, &peers.network, &peers.secrets);
    ObservabilityPanel panel(&monitor);
    panel.show();

    ASSERT_TRUE(refresh(monitor));

    ObservabilityBanner *banner = panel.kibanaSections().first()->banner();
    EXPECT_TRUE(banner->isVisible());
    EXPECT_TRUE(banner->text().contains(u"set kibana.url and kibana.index in /home/evaluator"_s));
}

TEST(ObservabilityPanel, MimirRangeSectionDownsamples)
{
    test::ObservabilityPeers peers;
    QByteArray values;
    for (int i = 0; i < 20000; ++i)
        values += (i ? "," : "") + QByteArray("[") + QByteArray::number(1781770000 + i) + ",\"" + QByteArray::number(i % 97) + "\"]";
    peers.mimir.setReply({200, "application/json",
                          R"({"status":"success","data":{"resultType":"matrix","result":[{"metric":{"job":"arcade"},"values":[)" + values + "]}]}}"});
    peers.config.mimir.queries.first().kind = MimirQueryKind::Range;
    ObservabilityMonitor monitor(peers.config, &peers.network, &peers.secrets);
    ObservabilityPanel panel(&monitor);
    panel.resize(900, 900);
    panel.show();

    ASSERT_TRUE(refresh(monitor));

    MimirSection *section = panel.mimirSections().first();
    EXPECT_TRUE(section->summaryText().startsWith(u"1 series"_s));
    EXPECT_TRUE(section->chart()->isVisible());
    EXPECT_GT(section->chart()->plottedPointCount(), 0);
    EXPECT_LE(section->chart()->plottedPointCount(), 2 * section->chart()->width());
    EXPECT_EQ(section->chart()->chart()->axes(Qt::Horizontal).size(), 1);
}

TEST(ObservabilityPanel, PartialSearchWarnsInBanner)
{
    test::ObservabilityPeers peers;
    peers.kibana.setReply({200, "application/json", test::observabilityData("es-shard-failures.json")});
    ObservabilityMonitor monitor(peers.config, &peers.network, &peers.secrets);
    ObservabilityPanel panel(&monitor);
    panel.show();

    ASSERT_TRUE(refresh(monitor));

    ObservabilityBanner *banner = panel.kibanaSections().first()->banner();
    EXPECT_TRUE(banner->isVisible());
    EXPECT_FALSE(banner->isError());
    EXPECT_TRUE(banner->text().contains(u"2 of 6 shards failed"_s)) << banner->text().toStdString();
    EXPECT_EQ(panel.gapCard(u"otel-collector-missing"_s)->stateText(), u"unknown"_s);
}

TEST(ObservabilityPanel, MimirErrorInBanner)
{
    test::ObservabilityPeers peers;
    peers.mimir.setReply({401, "text/plain", "no org id"});
    ObservabilityMonitor monitor(peers.config, &peers.network, &peers.secrets);
    ObservabilityPanel panel(&monitor);
    panel.show();

    ASSERT_TRUE(refresh(monitor));

    ObservabilityBanner *banner = panel.mimirSections().first()->banner();
    EXPECT_TRUE(banner->isError());
    EXPECT_TRUE(banner->text().contains(u"tenant header missing or rejected"_s));
}

TEST(ObservabilityPanel, DarkPaletteKeepsWords)
{
    test::ObservabilityPeers peers;
    ObservabilityMonitor monitor(peers.config, &peers.network, &peers.secrets);
    ObservabilityPanel panel(&monitor);
    QPalette dark;
    dark.setColor(QPalette::Window, QColor(0x20, 0x20, 0x20));
    dark.setColor(QPalette::WindowText, Qt::white);
    panel.setPalette(dark);
    panel.show();

    ASSERT_TRUE(refresh(monitor));

    EXPECT_EQ(panel.gapCard(u"otel-collector-missing"_s)->stateText(), u"open"_s);
    EXPECT_FALSE(panel.grab().isNull());
}

TEST(KibanaLinesModel, PassesModelTester)
{
    KibanaLinesModel model({u"Tracing.TraceId"_s});
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);

    model.setLines({KibanaLine{QDateTime(QDate(2026, 6, 18), QTime(9, 14), Qt::UTC), u"failed"_s, {{u"Tracing.TraceId"_s, u"abc"_s}}},
                    KibanaLine{QDateTime(QDate(2026, 6, 18), QTime(9, 13), Qt::UTC), u"failed again"_s, {}}});

    EXPECT_EQ(model.rowCount(), 2);
    EXPECT_EQ(model.columnCount(), 3);
    EXPECT_EQ(model.index(0, 0).data().toString(), u"2026-06-18 09:14:00.000"_s);
    EXPECT_EQ(model.index(0, 2).data().toString(), u"abc"_s);
    EXPECT_EQ(model.index(1, 2).data().toString(), QString());
    model.setLines({});
    EXPECT_EQ(model.rowCount(), 0);
}

} // namespace
} // namespace poc
