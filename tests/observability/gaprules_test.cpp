#include "observability/gaprules.h"
#include "observability/kibanaresult.h"
#include "observability/mimirresult.h"

#include <gtest/gtest.h>

#include <optional>

using namespace Qt::StringLiterals;

namespace poc {
namespace {

const QDateTime kNow = QDateTime(QDate(2026, 6, 18), QTime(9, 15), Qt::UTC);
constexpr Milliseconds kStaleAfter = std::chrono::seconds(60);

GapRule collectorRule()
{
    return GapRule{u"otel-collector-missing"_s, u"No OTEL collector"_s, u"5"_s, GapSource::Kibana,
                   u"otlp-export-failure"_s, GapOpenWhen::Hits, u"Deploy a collector"_s};
}

GapRule bridgeRule()
{
    return GapRule{u"otlp-prometheus-bridge-missing"_s, u"No bridge"_s, u"5"_s, GapSource::Mimir,
                   u"engine-series"_s, GapOpenWhen::NoSeries, u"Add an exporter"_s};
}

KibanaResult kibana(FetchState state, qint64 hits, int ageSeconds, bool lowerBound = false)
{
    KibanaResult result;
    result.queryId = u"otlp-export-failure"_s;
    result.state = state;
    result.message = u"Kibana said no"_s;
    result.totalHits = hits;
    result.totalIsLowerBound = lowerBound;
    result.fetchedAt = kNow.addSecs(-ageSeconds);
    if (state == FetchState::Partial)
        result.warnings = {u"2 of 6 shards failed"_s};
    if (hits > 0) {
        result.lastOccurrence = kNow.addSecs(-70);
        result.lines = {KibanaLine{result.lastOccurrence, u"failed to upload metrics"_s, {}}};
    }
    return result;
}

MimirResult mimir(FetchState state, int seriesCount, int ageSeconds)
{
    MimirResult result;
    result.queryId = u"engine-series"_s;
    result.kind = MimirQueryKind::Series;
    result.state = state;
    result.message = u"Mimir said no"_s;
    result.fetchedAt = kNow.addSecs(-ageSeconds);
    for (int i = 0; i < seriesCount; ++i)
        result.series.append(MimirSeries{{{u"job"_s, u"arcade-engine"_s}}, {}});
    return result;
}

struct GapCase {
    const char *name;
    bool kibanaRule;
    std::optional<KibanaResult> kibanaResult;
    std::optional<MimirResult> mimirResult;
    GapState expected;
    const char *reasonContains;
    qint64 expectedCount;
};

void PrintTo(const GapCase &gapCase, std::ostream *out)
{
    *out << gapCase.name;
}

class GapRuleTable : public testing::TestWithParam<GapCase>
{
};

TEST_P(GapRuleTable, EvaluatesEvidence)
{
    const GapCase &gapCase = GetParam();
    const GapRule rule = gapCase.kibanaRule ? collectorRule() : bridgeRule();
    const KibanaResult *kibanaResult = gapCase.kibanaResult ? &*gapCase.kibanaResult : nullptr;
    const MimirResult *mimirResult = gapCase.mimirResult ? &*gapCase.mimirResult : nullptr;

    const GapEvaluation evaluation = evaluateGap(rule, kibanaResult, mimirResult, kNow, kStaleAfter);

    EXPECT_EQ(toString(evaluation.state), toString(gapCase.expected));
    EXPECT_TRUE(evaluation.reason.contains(QString::fromUtf8(gapCase.reasonContains)))
        << evaluation.reason.toStdString();
    EXPECT_EQ(evaluation.count, gapCase.expectedCount);
    EXPECT_EQ(evaluation.id, rule.id);
}

INSTANTIATE_TEST_SUITE_P(Kibana, GapRuleTable, testing::Values(
    GapCase{"no_result", true, std::nullopt, std::nullopt, GapState::Unknown, "not configured", -1},
    GapCase{"not_configured", true, kibana(FetchState::NotConfigured, 0, 0), std::nullopt, GapState::Unknown, "not configured", -1},
    GapCase{"hits_fresh", true, kibana(FetchState::Ok, 14, 5), std::nullopt, GapState::Open, "14 matching log lines", 14},
    GapCase{"no_hits_fresh", true, kibana(FetchState::Ok, 0, 5), std::nullopt, GapState::Closed, "whole window", 0},
    GapCase{"hits_lower_bound", true, kibana(FetchState::Ok, 10000, 5, true), std::nullopt, GapState::Open, "10000", 10000},
    GapCase{"partial_with_hits", true, kibana(FetchState::Partial, 3, 5), std::nullopt, GapState::Open, "3 matching", 3},
    GapCase{"partial_without_hits", true, kibana(FetchState::Partial, 0, 5), std::nullopt, GapState::Unknown, "incomplete", 0},
    GapCase{"auth_required", true, kibana(FetchState::AuthRequired, 0, 5), std::nullopt, GapState::Unknown, "Kibana said no", -1},
    GapCase{"timeout", true, kibana(FetchState::Timeout, 0, 5), std::nullopt, GapState::Unknown, "query failed", -1},
    GapCase{"invalid_response", true, kibana(FetchState::InvalidResponse, 0, 5), std::nullopt, GapState::Unknown, "query failed", -1},
    GapCase{"hits_stale", true, kibana(FetchState::Ok, 14, 300), std::nullopt, GapState::Unknown, "evidence is stale", -1},
    GapCase{"no_hits_stale", true, kibana(FetchState::Ok, 0, 61), std::nullopt, GapState::Unknown, "evidence is stale", -1},
    GapCase{"only_mimir_evidence", true, std::nullopt, mimir(FetchState::Ok, 0, 5), GapState::Unknown, "not configured", -1}
), [](const testing::TestParamInfo<GapCase> &info) { return std::string(info.param.name); });

INSTANTIATE_TEST_SUITE_P(Mimir, GapRuleTable, testing::Values(
    GapCase{"no_result", false, std::nullopt, std::nullopt, GapState::Unknown, "not configured", -1},
    GapCase{"not_configured", false, std::nullopt, mimir(FetchState::NotConfigured, 0, 0), GapState::Unknown, "not configured", -1},
    GapCase{"no_series_fresh", false, std::nullopt, mimir(FetchState::Ok, 0, 5), GapState::Open, "No matching series", 0},
    GapCase{"series_fresh", false, std::nullopt, mimir(FetchState::Ok, 2, 5), GapState::Closed, "2 matching series", 2},
    GapCase{"query_error", false, std::nullopt, mimir(FetchState::QueryError, 0, 5), GapState::Unknown, "Mimir said no", -1},
    GapCase{"tenant_rejected", false, std::nullopt, mimir(FetchState::TenantRejected, 0, 5), GapState::Unknown, "query failed", -1},
    GapCase{"unreachable", false, std::nullopt, mimir(FetchState::Unreachable, 0, 5), GapState::Unknown, "query failed", -1},
    GapCase{"no_series_stale", false, std::nullopt, mimir(FetchState::Ok, 0, 120), GapState::Unknown, "evidence is stale", -1},
    GapCase{"series_stale", false, std::nullopt, mimir(FetchState::Ok, 3, 120), GapState::Unknown, "evidence is stale", -1},
    GapCase{"only_kibana_evidence", false, kibana(FetchState::Ok, 14, 5), std::nullopt, GapState::Unknown, "not configured", -1}
), [](const testing::TestParamInfo<GapCase> &info) { return std::string(info.param.name); });

TEST(GapRules, OpenKibanaGapCarriesEvidence)
{
    const KibanaResult result = kibana(FetchState::Ok, 14, 5);

    const GapEvaluation evaluation = evaluateGap(collectorRule(), &result, nullptr, kNow, kStaleAfter);
    const QJsonObject evidence = evaluation.evidenceJson();

    EXPECT_EQ(evaluation.lastSeen, kNow.addSecs(-70));
    EXPECT_EQ(evaluation.sampleLine, u"failed to upload metrics"_s);
    EXPECT_EQ(evidence.value(u"count"_s).toInteger(), 14);
    EXPECT_EQ(evidence.value(u"last_seen"_s).toString(), u"2026-06-18T09:13:50Z"_s);
    EXPECT_EQ(evidence.value(u"sample"_s).toString(), u"failed to upload metrics"_s);
    EXPECT_EQ(evidence.value(u"source"_s).toString(), u"kibana"_s);
}

TEST(GapRules, MimirEvidenceCountsSeries)
{
    const MimirResult result = mimir(FetchState::Ok, 3, 5);

    const QJsonObject evidence = evaluateGap(bridgeRule(), nullptr, &result, kNow, kStaleAfter).evidenceJson();

    EXPECT_EQ(evidence.value(u"series_count"_s).toInteger(), 3);
    EXPECT_FALSE(evidence.contains(u"count"_s));
    EXPECT_EQ(evidence.value(u"source"_s).toString(), u"mimir"_s);
}

TEST(GapRules, StateNamesAreStable)
{
    EXPECT_EQ(toString(GapState::Open), u"open"_s);
    EXPECT_EQ(toString(GapState::Closed), u"closed"_s);
    EXPECT_EQ(toString(GapState::Unknown), u"unknown"_s);
}

TEST(GapTracker, FirstRecordIsNoTransition)
{
    GapTracker tracker;

    const auto transition = tracker.record(u"a"_s, GapState::Open, kNow);

    EXPECT_FALSE(transition.has_value());
    ASSERT_NE(tracker.entry(u"a"_s), nullptr);
    EXPECT_EQ(tracker.entry(u"a"_s)->since, kNow);
    EXPECT_FALSE(tracker.entry(u"a"_s)->changedAt.isValid());
}

TEST(GapTracker, SameStateKeepsSince)
{
    GapTracker tracker;
    tracker.record(u"a"_s, GapState::Open, kNow);

    const auto transition = tracker.record(u"a"_s, GapState::Open, kNow.addSecs(30));

    EXPECT_FALSE(transition.has_value());
    EXPECT_EQ(tracker.entry(u"a"_s)->since, kNow);
}

TEST(GapTracker, OpenToClosedIsCaptured)
{
    GapTracker tracker;
    tracker.record(u"a"_s, GapState::Open, kNow);

    const auto transition = tracker.record(u"a"_s, GapState::Closed, kNow.addSecs(30));

    ASSERT_TRUE(transition.has_value());
    EXPECT_EQ(transition->from, GapState::Open);
    EXPECT_EQ(transition->to, GapState::Closed);
    EXPECT_EQ(transition->at, kNow.addSecs(30));
    EXPECT_EQ(tracker.entry(u"a"_s)->closedAt, kNow.addSecs(30));
    EXPECT_EQ(tracker.entry(u"a"_s)->since, kNow.addSecs(30));
    EXPECT_EQ(tracker.entry(u"a"_s)->previous, GapState::Open);
}

TEST(GapTracker, ClosingThroughUnknownIsCaptured)
{
    GapTracker tracker;
    tracker.record(u"a"_s, GapState::Open, kNow);
    tracker.record(u"a"_s, GapState::Unknown, kNow.addSecs(30));

    tracker.record(u"a"_s, GapState::Closed, kNow.addSecs(60));

    EXPECT_EQ(tracker.entry(u"a"_s)->closedAt, kNow.addSecs(60));
}

TEST(GapTracker, UnknownToClosedIsNoClosing)
{
    GapTracker tracker;
    tracker.record(u"a"_s, GapState::Unknown, kNow);

    const auto transition = tracker.record(u"a"_s, GapState::Closed, kNow.addSecs(30));

    ASSERT_TRUE(transition.has_value());
    EXPECT_FALSE(tracker.entry(u"a"_s)->closedAt.isValid());
}

TEST(GapTracker, ReopeningKeepsLastClosing)
{
    GapTracker tracker;
    tracker.record(u"a"_s, GapState::Open, kNow);
    tracker.record(u"a"_s, GapState::Closed, kNow.addSecs(30));

    tracker.record(u"a"_s, GapState::Open, kNow.addSecs(60));

    EXPECT_EQ(tracker.entry(u"a"_s)->state, GapState::Open);
    EXPECT_EQ(tracker.entry(u"a"_s)->closedAt, kNow.addSecs(30));
}

} // namespace
} // namespace poc
