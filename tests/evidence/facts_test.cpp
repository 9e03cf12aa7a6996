#include "evidence/facts.h"
#include "evidence/factsmodel.h"
#include "snapshots.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>

#include <gtest/gtest.h>

#include <functional>

using namespace Qt::StringLiterals;

namespace poc {
namespace {

struct FactCase {
    const char *name;
    FactCheck check;
    const char *expected; // for IdentityProvider
    std::function<void(QJsonObject *)> change;
    FactState state;
    const char *reasonContains;
};

void PrintTo(const FactCase &c, std::ostream *os) { *os << c.name; }

void setEndpoint(QJsonObject *snapshot, const QJsonObject &endpoint)
{
    test::replaceEntry(snapshot, u"endpoints"_s, u"name"_s, endpoint.value(u"name"_s).toString(), endpoint);
}

void setDashboardSignIn(QJsonObject *snapshot, const QString &host)
{
    setEndpoint(snapshot, test::endpointJson(u"dashboard"_s, u"http://127.0.0.1:40123/dashboard/"_s,
                                             u"auth_required"_s, 302, host));
}

void setGateway(QJsonObject *snapshot, int httpStatus, bool initialized)
{
    snapshot->insert(u"gateway"_s, QJsonObject{{u"url"_s, u"http://127.0.0.1:40123/mcp/poc-baseline"_s},
                                               {u"http_status"_s, httpStatus}, {u"initialized"_s, initialized},
                                               {u"checked_at"_s, u"2026-12-04T19:59:40Z"_s}});
}

class FactRules : public testing::TestWithParam<FactCase>
{
};

TEST_P(FactRules, StateAndReason)
{
    const FactCase &c = GetParam();
    FactsConfig config;
    config.items = {{u"fact"_s, u"A fact"_s, u"recorded value"_s, {}, c.check, QString::fromLatin1(c.expected),
                     QDate(2026, 6, 18)}};
    QJsonObject snapshot = test::seedSnapshot();
    if (c.change)
        c.change(&snapshot);

    const QList<FactResult> results = evaluateFacts(config, snapshot, test::snapshotTime());

    ASSERT_EQ(results.size(), 1);
    EXPECT_EQ(toString(results.first().state), toString(c.state));
    EXPECT_TRUE(results.first().reason.contains(QString::fromUtf8(c.reasonContains)))
        << results.first().reason.toStdString();
}

const FactCase kCases[] = {
    {"EndpointsAllAnswer", FactCheck::EndpointsAnswer, "", nullptr, FactState::Confirmed, "All 4 endpoints answer"},
    {"EndpointsDegradedStillAnswers", FactCheck::EndpointsAnswer, "",
     [](QJsonObject *s) { setEndpoint(s, test::endpointJson(u"coordinator"_s, u"http://127.0.0.1:40123/c/"_s, u"degraded"_s, 200)); },
     FactState::Confirmed, "All 4"},
    {"EndpointsOneUnreachableByDns", FactCheck::EndpointsAnswer, "",
     [](QJsonObject *s) {
         setEndpoint(s, test::endpointJson(u"experience"_s, u"https://experience.arcade.st.dev/"_s, u"unreachable"_s, 0,
                                           {}, u"Host experience.arcade.st.dev not found"_s));
     },
     FactState::Contradicted, "experience (unreachable: Host experience.arcade.st.dev not found)"},
    {"EndpointsTimeoutIsUnverified", FactCheck::EndpointsAnswer, "",
     [](QJsonObject *s) { setEndpoint(s, test::endpointJson(u"engine"_s, u"http://127.0.0.1:40123/v1/health"_s, u"timeout"_s, 0)); },
     FactState::Unverified, "engine (timeout)"},
    {"EndpointsMissingResults", FactCheck::EndpointsAnswer, "", [](QJsonObject *s) { s->remove(u"endpoints"_s); },
     FactState::Unverified, "No endpoint results"},
    {"GatewayFixtureVerified", FactCheck::GatewayUrlForm, "",
     [](QJsonObject *s) { test::setFixtureStatus(s, u"baseline-gateway"_s, u"verified"_s); },
     FactState::Confirmed, "baseline gateway fixture was verified"},
    {"GatewayInitializeAnswered", FactCheck::GatewayUrlForm, "", [](QJsonObject *s) { setGateway(s, 200, true); },
     FactState::Confirmed, "answered an MCP initialize"},
    {"GatewayNotFound", FactCheck::GatewayUrlForm, "", [](QJsonObject *s) { setGateway(s, 404, false); },
     FactState::Contradicted, "returned 404"},
    {"GatewayFixtureRecordedOnly", FactCheck::GatewayUrlForm, "",
     [](QJsonObject *s) { test::setFixtureStatus(s, u"baseline-gateway"_s, u"recorded"_s); },
     FactState::Unverified, "No MCP initialize"},
    {"ExportFailureGapOpen", FactCheck::ExportFailureInKibana, "", nullptr, FactState::Confirmed,
     "otel-collector-missing is open (15 matching log lines"},
    {"ExportFailureGapClosed", FactCheck::ExportFailureInKibana, "",
     [](QJsonObject *s) { test::setGapState(s, u"otel-collector-missing"_s, u"closed"_s); },
     FactState::Contradicted, "is closed"},
    {"ExportFailureGapUnknown", FactCheck::ExportFailureInKibana, "",
     [](QJsonObject *s) { test::setGapState(s, u"otel-collector-missing"_s, u"unknown"_s); },
     FactState::Unverified, "could not be fetched"},
    {"NoEngineSeriesGapOpen", FactCheck::NoEngineSeriesInMimir, "", nullptr, FactState::Confirmed,
     "otlp-prometheus-bridge-missing is open (0 series)"},
    {"NoEngineSeriesGapClosed", FactCheck::NoEngineSeriesInMimir, "",
     [](QJsonObject *s) { test::setGapState(s, u"otlp-prometheus-bridge-missing"_s, u"closed"_s); },
     FactState::Contradicted, "is closed"},
    {"NoEngineSeriesGapMissing", FactCheck::NoEngineSeriesInMimir, "", [](QJsonObject *s) { s->remove(u"gaps"_s); },
     FactState::Unverified, "No result for gap otlp-prometheus-bridge-missing"},
    {"EntraRedirectExpectedEntra", FactCheck::IdentityProvider, "entra", nullptr, FactState::Confirmed,
     "login.microsoftonline.com (Entra ID)"},
    {"LegacyEntraHost", FactCheck::IdentityProvider, "entra",
     [](QJsonObject *s) { setDashboardSignIn(s, u"login.windows.net"_s); }, FactState::Confirmed, "Entra ID"},
    {"OktaRedirectExpectedEntra", FactCheck::IdentityProvider, "entra",
     [](QJsonObject *s) { setDashboardSignIn(s, u"arcade-poc.okta.com"_s); }, FactState::Contradicted,
     "arcade-poc.okta.com (Okta), not entra"},
    {"OktaRedirectExpectedOkta", FactCheck::IdentityProvider, "okta",
     [](QJsonObject *s) { setDashboardSignIn(s, u"arcade-poc.okta.com"_s); }, FactState::Confirmed, "(Okta)"},
    {"OktaEmeaHostUpperCase", FactCheck::IdentityProvider, "okta",
     [](QJsonObject *s) { setDashboardSignIn(s, u"Arcade.OKTA-EMEA.com"_s); }, FactState::Confirmed, "(Okta)"},
    {"OktaPreviewHost", FactCheck::IdentityProvider, "okta",
     [](QJsonObject *s) { setDashboardSignIn(s, u"dev-123.oktapreview.com"_s); }, FactState::Confirmed, "(Okta)"},
    {"LookalikeOktaHost", FactCheck::IdentityProvider, "okta",
     [](QJsonObject *s) { setDashboardSignIn(s, u"notokta.com"_s); }, FactState::Unverified, "neither Entra ID nor Okta"},
    {"NoSignInRedirect", FactCheck::IdentityProvider, "entra", [](QJsonObject *s) { setDashboardSignIn(s, {}); },
     FactState::Unverified, "No sign-in redirect"},
    {"UncheckedFactAsRecorded", FactCheck::None, "", nullptr, FactState::Recorded, "not checked live"},
};

INSTANTIATE_TEST_SUITE_P(Snapshots, FactRules, testing::ValuesIn(kCases),
                         [](const testing::TestParamInfo<FactCase> &info) { return std::string(info.param.name); });

TEST(Facts, UncheckedFactTurnsStale)
{
    FactsConfig config;
    config.staleAfter = std::chrono::hours(24 * 90);
    config.items = {{u"old"_s, u"Old"_s, u"v"_s, {}, FactCheck::None, {}, QDate(2026, 6, 18)},
                    {u"recent"_s, u"Recent"_s, u"v"_s, {}, FactCheck::None, {}, QDate(2026, 11, 20)},
                    {u"checked"_s, u"Checked"_s, u"v"_s, {}, FactCheck::ExportFailureInKibana, {}, QDate(2026, 6, 18)}};

    const QList<FactResult> results = evaluateFacts(config, test::seedSnapshot(), test::snapshotTime());

    ASSERT_EQ(results.size(), 3);
    EXPECT_EQ(results.at(0).ageDays, 169);
    EXPECT_TRUE(results.at(0).stale);
    EXPECT_EQ(results.at(1).ageDays, 14);
    EXPECT_FALSE(results.at(1).stale);
    EXPECT_EQ(results.at(2).state, FactState::Confirmed);
    EXPECT_FALSE(results.at(2).stale);
    EXPECT_FALSE(results.at(0).checkedAt.isValid());
    EXPECT_EQ(results.at(2).checkedAt, test::snapshotTime());
}

TEST(Facts, LastConfirmationCarriedOver)
{
    const FactsConfig config = test::defaultFacts();
    const QList<FactResult> first = evaluateFacts(config, test::seedSnapshot(), test::snapshotTime());

    QJsonObject later = test::seedSnapshot();
    later.insert(u"generated_at"_s, u"2026-12-04T20:05:00Z"_s);
    test::setGapState(&later, u"otel-collector-missing"_s, u"unknown"_s);
    const QList<FactResult> second = evaluateFacts(config, later, test::snapshotTime().addSecs(300), first);

    const FactResult &exportFailure = second.at(4);
    ASSERT_EQ(exportFailure.id, u"otlp-export-failure"_s);
    EXPECT_EQ(exportFailure.state, FactState::Unverified);
    EXPECT_EQ(exportFailure.checkedAt, test::snapshotTime().addSecs(300));
    EXPECT_EQ(exportFailure.lastConfirmedAt, test::snapshotTime());
}

TEST(Facts, JsonCarriesEveryField)
{
    const QList<FactResult> results = evaluateFacts(test::defaultFacts(), test::seedSnapshot(), test::snapshotTime());
    const QJsonArray array = factsJson(results);

    ASSERT_EQ(array.size(), 6);
    const QJsonObject identity = array.at(3).toObject();
    EXPECT_EQ(identity.value(u"id"_s).toString(), u"identity-provider"_s);
    EXPECT_EQ(identity.value(u"state"_s).toString(), u"confirmed"_s);
    EXPECT_EQ(identity.value(u"checked_at"_s).toString(), u"2026-12-04T19:59:58Z"_s);
    EXPECT_EQ(identity.value(u"title"_s).toString(), u"Upstream identity provider"_s);
    EXPECT_EQ(identity.value(u"value"_s).toString(), u"Entra ID app registration, not Okta yet"_s);
    EXPECT_EQ(identity.value(u"as_of"_s).toString(), u"2026-06-18"_s);
    EXPECT_EQ(identity.value(u"age_days"_s).toInt(), 169);
    EXPECT_FALSE(identity.value(u"stale"_s).toBool());
    EXPECT_EQ(identity.value(u"observed"_s).toString(), u"login.microsoftonline.com"_s);
    EXPECT_EQ(identity.value(u"check"_s).toString(), u"identity-provider"_s);

    const QJsonObject cluster = array.at(0).toObject();
    EXPECT_EQ(cluster.value(u"state"_s).toString(), u"recorded"_s);
    EXPECT_TRUE(cluster.value(u"checked_at"_s).isNull());
    EXPECT_TRUE(cluster.value(u"stale"_s).toBool());
}

TEST(Facts, JsonRoundTrip)
{
    const QList<FactResult> results = evaluateFacts(test::defaultFacts(), test::seedSnapshot(), test::snapshotTime());
    const QList<FactResult> back = factsFromJson(factsJson(results));

    ASSERT_EQ(back.size(), results.size());
    for (qsizetype i = 0; i < results.size(); ++i) {
        EXPECT_EQ(back.at(i).id, results.at(i).id);
        EXPECT_EQ(back.at(i).state, results.at(i).state);
        EXPECT_EQ(back.at(i).check, results.at(i).check);
        EXPECT_EQ(back.at(i).checkedAt, results.at(i).checkedAt);
        EXPECT_EQ(back.at(i).asOf, results.at(i).asOf);
        EXPECT_EQ(back.at(i).stale, results.at(i).stale);
    }
}

TEST(Facts, EntraRedirectNotesIdentityGap)
{
    const QJsonObject snapshot = test::seedSnapshot();
    const QList<FactResult> results = evaluateFacts(test::defaultFacts(), snapshot, test::snapshotTime());
    const QList<CategoryNote> notes = categoryNotes(results, snapshot);

    ASSERT_EQ(notes.size(), 2);
    EXPECT_EQ(notes.at(0).category, u"2"_s);
    EXPECT_TRUE(notes.at(0).gap);
    EXPECT_TRUE(notes.at(0).text.contains(u"Entra ID, not Okta yet"_s));
    EXPECT_EQ(notes.at(1).category, u"5"_s);
    EXPECT_TRUE(notes.at(1).gap);
    EXPECT_TRUE(notes.at(1).text.contains(u"(otel-collector-missing): open since 2026-06-18T09:12:44Z"_s));
    EXPECT_TRUE(notes.at(1).text.contains(u"(otlp-prometheus-bridge-missing): open"_s));
}

TEST(Facts, OktaRedirectClosesIdentityGap)
{
    QJsonObject snapshot = test::seedSnapshot(u"arcade-poc.okta.com"_s);
    test::setGapState(&snapshot, u"otel-collector-missing"_s, u"closed"_s);
    test::setGapState(&snapshot, u"otlp-prometheus-bridge-missing"_s, u"closed"_s);
    const QList<FactResult> results = evaluateFacts(test::defaultFacts(), snapshot, test::snapshotTime());
    const QList<CategoryNote> notes = categoryNotes(results, snapshot);

    ASSERT_EQ(notes.size(), 2);
    EXPECT_FALSE(notes.at(0).gap);
    EXPECT_FALSE(notes.at(0).text.contains(u"not Okta yet"_s));
    EXPECT_FALSE(notes.at(1).gap);
}

TEST(FactsModel, PassesModelTester)
{
    FactsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    const QList<FactResult> first = evaluateFacts(test::defaultFacts(), test::seedSnapshot(), test::snapshotTime());
    model.setResults(first);

    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QSignalSpy changes(&model, &QAbstractItemModel::dataChanged);
    QJsonObject closed = test::seedSnapshot();
    test::setGapState(&closed, u"otel-collector-missing"_s, u"closed"_s);
    model.setResults(evaluateFacts(test::defaultFacts(), closed, test::snapshotTime(), first));
    EXPECT_EQ(resets.size(), 0);
    EXPECT_EQ(changes.size(), 1);

    model.setResults(first.mid(0, 2));
    EXPECT_EQ(resets.size(), 1);
    EXPECT_EQ(model.rowCount(), 2);
    model.setResults({});
    EXPECT_EQ(model.rowCount(), 0);
}

TEST(FactsModel, ShowsStateAgeAndCheck)
{
    FactsModel model;
    model.setResults(evaluateFacts(test::defaultFacts(), test::seedSnapshot(), test::snapshotTime()));

    ASSERT_EQ(model.rowCount(), 6);
    EXPECT_EQ(model.index(0, FactsModel::StateColumn).data().toString(), u"as recorded"_s);
    EXPECT_EQ(model.index(0, FactsModel::AgeColumn).data().toString(), u"169 days (stale)"_s);
    EXPECT_EQ(model.index(0, FactsModel::CheckedColumn).data().toString(), QString());
    EXPECT_EQ(model.index(3, FactsModel::StateColumn).data().toString(), u"confirmed"_s);
    EXPECT_EQ(model.index(3, FactsModel::CheckedColumn).data().toString(), u"2026-12-04 19:59:58 UTC"_s);
    EXPECT_EQ(model.index(3, 0).data(FactsModel::StateRole).toInt(), int(FactState::Confirmed));
    EXPECT_EQ(model.index(2, FactsModel::StateColumn).data().toString(), u"unverified"_s);
    EXPECT_EQ(model.headerData(FactsModel::AsOfColumn, Qt::Horizontal).toString(), u"As of"_s);
}

} // namespace
} // namespace poc
