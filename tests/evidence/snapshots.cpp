#include "snapshots.h"

using namespace Qt::StringLiterals;

namespace poc::test {

namespace {

QJsonObject gapJson(const QString &id, const QString &title, const QJsonObject &evidence, const QString &fix)
{
    return {{u"id"_s, id}, {u"state"_s, u"open"_s}, {u"title"_s, title}, {u"since"_s, u"2026-06-18T09:12:44Z"_s},
            {u"changed_at"_s, u"2026-12-04T08:00:31Z"_s}, {u"fix"_s, fix}, {u"evidence"_s, evidence}};
}

QJsonObject fixtureJson(const QString &id, const QString &task)
{
    return {{u"id"_s, id}, {u"value"_s, u"TBD"_s}, {u"status"_s, u"tbd"_s}, {u"task"_s, task},
            {u"verified_at"_s, QJsonValue()}, {u"note"_s, u""_s}};
}

QJsonObject kibanaJson()
{
    const QString message = u"failed to upload metrics: Post \"http://arcade-otel-collector:4318/v1/metrics\": "
                            "dial tcp: lookup arcade-otel-collector on 10.0.0.10:53: no such host"_s;
    const QJsonObject query{
        {u"id"_s, u"otlp-export-failure"_s}, {u"title"_s, u"Engine OTLP metric export failures"_s},
        {u"query"_s, u"kubernetes.namespace_name:\"arcade\" AND message:\"failed to upload metrics\""_s},
        {u"total_hits"_s, 15}, {u"total_relation"_s, u"eq"_s}, {u"last_occurrence"_s, u"2026-12-04T19:59:12Z"_s},
        {u"from"_s, u"2026-12-04T19:45:00Z"_s}, {u"to"_s, u"2026-12-04T20:00:00Z"_s},
        {u"discover_url"_s, u"http://127.0.0.1:40123/app/discover#/?_g=(time:(from:now-15m,to:now))"_s},
        {u"lines"_s, QJsonArray{QJsonObject{{u"@timestamp"_s, u"2026-12-04T19:59:12Z"_s}, {u"message"_s, message}}}},
        {u"error"_s, u""_s}, {u"warnings"_s, QJsonArray()},
    };
    return {{u"configured"_s, true}, {u"queries"_s, QJsonArray{query}}};
}

QJsonObject mimirJson()
{
    const QJsonObject query{
        {u"id"_s, u"engine-series"_s}, {u"title"_s, u"Arcade Engine series in Mimir"_s},
        {u"promql"_s, u"{namespace=\"arcade\", job=~\".*arcade-engine.*\"}"_s}, {u"kind"_s, u"series"_s},
        {u"series_count"_s, 0}, {u"explore_url"_s, u""_s}, {u"error"_s, u""_s}, {u"warnings"_s, QJsonArray()},
    };
    return {{u"configured"_s, true}, {u"tenant"_s, u"k8s-backstage-v4"_s}, {u"queries"_s, QJsonArray{query}}};
}

QJsonArray gapsJson()
{
    const QJsonObject kibanaEvidence{{u"count"_s, 15}, {u"last_seen"_s, u"2026-12-04T19:59:12Z"_s},
                                     {u"sample"_s, u"failed to upload metrics: ... no such host"_s}};
    const QJsonObject mimirEvidence{{u"series_count"_s, 0}};
    return {
        gapJson(u"otel-collector-missing"_s, u"No OTEL collector (arcade-otel-collector:4318 does not resolve)"_s,
                kibanaEvidence, u"Deploy an OpenTelemetry Collector as Service arcade-otel-collector."_s),
        gapJson(u"otlp-prometheus-bridge-missing"_s, u"No bridge from OTLP push into Prometheus/Mimir"_s,
                mimirEvidence, u"Give the collector a prometheus exporter scraped through a ServiceMonitor."_s),
    };
}

} // namespace

QDateTime snapshotTime()
{
    return QDateTime::fromString(u"2026-12-04T20:00:00Z"_s, Qt::ISODate);
}

QJsonObject endpointJson(const QString &name, const QString &url, const QString &state, int httpStatus,
                         const QString &signInHost, const QString &error)
{
    return {
        {u"name"_s, name}, {u"url"_s, url}, {u"state"_s, state}, {u"displayed_state"_s, state},
        {u"http_status"_s, httpStatus == 0 ? QJsonValue() : QJsonValue(httpStatus)},
        {u"latency_ms"_s, 42}, {u"tls_days_left"_s, 61}, {u"error"_s, error},
        {u"checked_at"_s, u"2026-12-04T19:59:58Z"_s}, {u"sign_in_host"_s, signInHost},
        {u"uptime_session"_s, 99.3}, {u"uptime_hour"_s, 100.0}, {u"redirects"_s, QJsonArray()},
    };
}

QJsonObject seedSnapshot(const QString &signInHost)
{
    const QString base = u"http://127.0.0.1:40123"_s;
    const QJsonArray endpoints{
        endpointJson(u"engine"_s, base + u"/v1/health"_s, u"up"_s, 200),
        endpointJson(u"coordinator"_s, base + u"/coordinator/"_s, u"up"_s, 200),
        endpointJson(u"dashboard"_s, base + u"/dashboard/"_s, u"auth_required"_s, 302, signInHost),
        endpointJson(u"experience"_s, base + u"/experience/"_s, u"up"_s, 200),
    };
    const QJsonArray fixtures{
        fixtureJson(u"project"_s, u"1.1"_s), fixtureJson(u"api-key"_s, u"1.1"_s),
        fixtureJson(u"auth-header-convention"_s, u"1.1"_s), fixtureJson(u"baseline-gateway"_s, u"1.2"_s),
        fixtureJson(u"reference-server"_s, u"1.4"_s), fixtureJson(u"whoami-field"_s, u"1.4 / 2.4"_s),
    };
    return {
        {u"generated_at"_s, u"2026-12-04T20:00:00Z"_s}, {u"demo"_s, true},
        {u"environment"_s, u"DEMO replica"_s},
        {u"config_sha256"_s, u"9f2c0d7e4b1a8c3f5e6d7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d"_s},
        {u"app_version"_s, u"0.1.0"_s}, {u"endpoints"_s, endpoints}, {u"kibana"_s, kibanaJson()},
        {u"mimir"_s, mimirJson()}, {u"gaps"_s, gapsJson()}, {u"fixtures"_s, fixtures}, {u"facts"_s, QJsonArray()},
    };
}

void replaceEntry(QJsonObject *snapshot, const QString &array, const QString &key, const QString &id,
                  const QJsonObject &entry)
{
    QJsonArray entries = snapshot->value(array).toArray();
    for (qsizetype i = 0; i < entries.size(); ++i) {
        if (entries.at(i).toObject().value(key).toString() == id)
            entries.replace(i, entry);
    }
    snapshot->insert(array, entries);
}

void setGapState(QJsonObject *snapshot, const QString &gapId, const QString &state)
{
    QJsonArray gaps = snapshot->value(u"gaps"_s).toArray();
    for (qsizetype i = 0; i < gaps.size(); ++i) {
        QJsonObject gap = gaps.at(i).toObject();
        if (gap.value(u"id"_s).toString() == gapId) {
            gap.insert(u"state"_s, state);
            gaps.replace(i, gap);
        }
    }
    snapshot->insert(u"gaps"_s, gaps);
}

void setFixtureStatus(QJsonObject *snapshot, const QString &fixtureId, const QString &status)
{
    QJsonArray fixtures = snapshot->value(u"fixtures"_s).toArray();
    for (qsizetype i = 0; i < fixtures.size(); ++i) {
        QJsonObject fixture = fixtures.at(i).toObject();
        if (fixture.value(u"id"_s).toString() == fixtureId) {
            fixture.insert(u"status"_s, status);
            fixture.insert(u"verified_at"_s, u"2026-12-04T19:30:00Z"_s);
            fixtures.replace(i, fixture);
        }
    }
    snapshot->insert(u"fixtures"_s, fixtures);
}

FactsConfig defaultFacts()
{
    const QDate recorded(2026, 6, 18);
    FactsConfig facts;
    facts.items = {
        {u"cluster"_s, u"Cluster and deployment"_s, u"backstage-wus2-v4, deployed by Flux"_s, {}, FactCheck::None, {}, recorded},
        {u"endpoints"_s, u"Public endpoints exist and answer"_s, u"api, coordinator, dashboard and experience"_s, {},
         FactCheck::EndpointsAnswer, {}, recorded},
        {u"gateway-url-form"_s, u"Gateway URL form"_s, u"https://api.arcade.st.dev/mcp/{slug}"_s, {},
         FactCheck::GatewayUrlForm, {}, recorded},
        {u"identity-provider"_s, u"Upstream identity provider"_s, u"Entra ID app registration, not Okta yet"_s,
         u"2"_s, FactCheck::IdentityProvider, u"entra"_s, recorded},
        {u"otlp-export-failure"_s, u"Engine OTLP export fails"_s, u"lookup arcade-otel-collector: no such host"_s,
         u"5"_s, FactCheck::ExportFailureInKibana, {}, recorded},
        {u"no-engine-metrics"_s, u"No Arcade Engine series in Mimir"_s, u"tenant k8s-backstage-v4 holds no Engine series"_s,
         u"5"_s, FactCheck::NoEngineSeriesInMimir, {}, recorded},
    };
    return facts;
}

} // namespace poc::test
