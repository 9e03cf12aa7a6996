#include "replicaclient.h"

#include "enginelogs.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <gtest/gtest.h>

using namespace Qt::StringLiterals;

namespace poc::replica::test {
namespace {

const QString kExportQuery =
    uR"(kubernetes.namespace_name:"arcade" AND message:"failed to upload metrics" AND message:"arcade-otel-collector")"_s;

// A search body shaped like the dashboard's: a query_string and a @timestamp range in a
// bool filter, newest first, with a per-minute date_histogram named "per_minute".
QByteArray searchBody(const QString &query, qint64 fromMs, qint64 toMs, int size = 20)
{
    const QJsonObject range{{u"@timestamp"_s,
                             QJsonObject{{u"gte"_s, formatEsDate(fromMs)}, {u"lte"_s, formatEsDate(toMs)},
                                         {u"format"_s, u"strict_date_optional_time"_s}}}};
    const QJsonObject boolQuery{{u"filter"_s, QJsonArray{QJsonObject{{u"query_string"_s, QJsonObject{{u"query"_s, query}}}},
                                                         QJsonObject{{u"range"_s, range}}}}};
    const QJsonObject histogram{{u"date_histogram"_s, QJsonObject{{u"field"_s, u"@timestamp"_s}, {u"fixed_interval"_s, u"1m"_s},
                                                                  {u"min_doc_count"_s, 0}}}};
    const QJsonObject body{
        {u"size"_s, size},
        {u"sort"_s, QJsonArray{QJsonObject{{u"@timestamp"_s, QJsonObject{{u"order"_s, u"desc"_s}}}}}},
        {u"query"_s, QJsonObject{{u"bool"_s, boolQuery}}},
        {u"aggs"_s, QJsonObject{{u"per_minute"_s, histogram}}},
    };
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

QByteArray lastFifteenMinutes(const QString &query = kExportQuery, int size = 20)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    return searchBody(query, now - 15 * 60'000, now, size);
}

class KibanaRoutes : public ReplicaTest
{
protected:
    HttpResponse proxySearch(const QByteArray &body, const HeaderList &extra = {{"kbn-xsrf", "true"}})
    {
        HeaderList headers = extra;
        headers.emplaceBack("Content-Type", "application/json");
        return m_client.post(url(u"/kibana/api/console/proxy?path=logs-arcade-*%2F_search&method=POST"_s), headers, body);
    }

    HttpResponse directSearch(const QByteArray &body)
    {
        return m_client.post(url(u"/elasticsearch/logs-arcade-*/_search"_s), {{"Content-Type", "application/json"}}, body);
    }
};

TEST_F(KibanaRoutes, SeedHasOneFailurePerMinute)
{
    const HttpResponse response = proxySearch(lastFifteenMinutes());

    ASSERT_EQ(response.status, 200) << response.body.toStdString();
    const QJsonObject total = response.json().value(u"hits"_s).toObject().value(u"total"_s).toObject();
    EXPECT_NEAR(total.value(u"value"_s).toInteger(), 15, 1);
    EXPECT_EQ(total.value(u"relation"_s).toString(), u"eq"_s);
}

TEST_F(KibanaRoutes, ResponseHasElasticsearchShape)
{
    const QJsonObject response = proxySearch(lastFifteenMinutes()).json();

    EXPECT_TRUE(response.value(u"took"_s).isDouble());
    EXPECT_EQ(response.value(u"timed_out"_s), QJsonValue(false));
    const QJsonObject shards = response.value(u"_shards"_s).toObject();
    for (const QString &key : {u"total"_s, u"successful"_s, u"skipped"_s, u"failed"_s})
        EXPECT_TRUE(shards.value(key).isDouble()) << key.toStdString();
    EXPECT_EQ(shards.value(u"failed"_s).toInt(), 0);
    EXPECT_TRUE(response.value(u"hits"_s).toObject().value(u"max_score"_s).isNull());
}

TEST_F(KibanaRoutes, HitsCarryEngineFieldsNewestFirst)
{
    const QJsonArray hits = proxySearch(lastFifteenMinutes()).json().value(u"hits"_s).toObject().value(u"hits"_s).toArray();

    ASSERT_GE(hits.size(), 14);
    const QJsonObject first = hits.first().toObject();
    EXPECT_FALSE(first.value(u"_index"_s).toString().isEmpty());
    EXPECT_FALSE(first.value(u"_id"_s).toString().isEmpty());
    const QJsonObject source = first.value(u"_source"_s).toObject();
    EXPECT_EQ(source.value(u"message"_s).toString(), exportFailureMessage());
    EXPECT_EQ(source.value(u"kubernetes"_s).toObject().value(u"namespace_name"_s).toString(), u"arcade"_s);
    EXPECT_TRUE(source.value(u"kubernetes"_s).toObject().value(u"pod_name"_s).toString().startsWith(u"arcade-engine-"_s));
    EXPECT_EQ(source.value(u"Tracing"_s).toObject().value(u"TraceId"_s).toString().size(), 32);
    EXPECT_FALSE(source.value(u"ContextInfo"_s).toObject().value(u"CorrelationId"_s).toString().isEmpty());
    EXPECT_FALSE(source.value(u"NetCore"_s).toObject().value(u"RequestPath"_s).toString().isEmpty());

    const qint64 newest = first.value(u"sort"_s).toArray().first().toInteger();
    const qint64 next = hits.at(1).toObject().value(u"sort"_s).toArray().first().toInteger();
    EXPECT_EQ(newest - next, 60'000);
    EXPECT_EQ(QDateTime::fromString(source.value(u"@timestamp"_s).toString(), Qt::ISODateWithMs).toMSecsSinceEpoch(), newest);
}

TEST_F(KibanaRoutes, SizeLimitsHitsButNotTotal)
{
    const QJsonObject hits = proxySearch(lastFifteenMinutes(kExportQuery, 5)).json().value(u"hits"_s).toObject();

    EXPECT_EQ(hits.value(u"hits"_s).toArray().size(), 5);
    EXPECT_NEAR(hits.value(u"total"_s).toObject().value(u"value"_s).toInteger(), 15, 1);
}

TEST_F(KibanaRoutes, HistogramUsesRequestedNameAndInterval)
{
    const QJsonObject aggregation = proxySearch(lastFifteenMinutes()).json().value(u"aggregations"_s).toObject().value(u"per_minute"_s).toObject();
    const QJsonArray buckets = aggregation.value(u"buckets"_s).toArray();

    ASSERT_GE(buckets.size(), 14);
    qint64 documents = 0;
    for (const QJsonValue &bucket : buckets) {
        EXPECT_EQ(bucket.toObject().value(u"key"_s).toInteger() % 60'000, 0);
        EXPECT_FALSE(bucket.toObject().value(u"key_as_string"_s).toString().isEmpty());
        documents += bucket.toObject().value(u"doc_count"_s).toInteger();
    }
    EXPECT_NEAR(documents, 15, 1);
}

TEST_F(KibanaRoutes, FixedHasNoFailures)
{
    m_server->setScenario(Scenario::Fixed);

    const QJsonObject hits = proxySearch(lastFifteenMinutes()).json().value(u"hits"_s).toObject();

    EXPECT_EQ(hits.value(u"total"_s).toObject().value(u"value"_s).toInteger(), 0);
    EXPECT_TRUE(hits.value(u"hits"_s).toArray().isEmpty());
}

TEST_F(KibanaRoutes, OtherQueriesFindOtherLines)
{
    m_server->setScenario(Scenario::Fixed);

    const QJsonObject hits = proxySearch(lastFifteenMinutes(u"NetCore.RequestPath:\"/v1/health\" AND NOT message:failed"_s)).json()
                                 .value(u"hits"_s).toObject();

    // The Engine logs a health request every 30 s.
    EXPECT_NEAR(hits.value(u"total"_s).toObject().value(u"value"_s).toInteger(), 30, 1);
}

TEST_F(KibanaRoutes, MissingXsrfHeaderIsRejected)
{
    const HttpResponse response = proxySearch(lastFifteenMinutes(), {});

    EXPECT_EQ(response.status, 400);
    EXPECT_TRUE(response.json().value(u"message"_s).toString().contains(u"kbn-xsrf"_s));
}

TEST_F(KibanaRoutes, AuthExpiredIsUnauthorized)
{
    m_server->setScenario(Scenario::AuthExpired);

    const HttpResponse response = proxySearch(lastFifteenMinutes());

    EXPECT_EQ(response.status, 401);
    EXPECT_EQ(response.json().value(u"statusCode"_s).toInt(), 401);
    EXPECT_EQ(response.json().value(u"error"_s).toString(), u"Unauthorized"_s);
}

TEST_F(KibanaRoutes, SignInScenarioAnswersHtml)
{
    m_server->setScenario(Scenario::KibanaSignIn);

    const HttpResponse response = proxySearch(lastFifteenMinutes());

    EXPECT_EQ(response.status, 200);
    EXPECT_TRUE(response.header("Content-Type").startsWith("text/html"));
    EXPECT_TRUE(response.body.contains("<form"));
}

TEST_F(KibanaRoutes, ShardFailureReportsFailedShard)
{
    m_server->setScenario(Scenario::ShardFailure);

    const QJsonObject shards = proxySearch(lastFifteenMinutes()).json().value(u"_shards"_s).toObject();

    EXPECT_EQ(shards.value(u"failed"_s).toInt(), 1);
    const QJsonObject failure = shards.value(u"failures"_s).toArray().first().toObject();
    EXPECT_FALSE(failure.value(u"index"_s).toString().isEmpty());
    EXPECT_FALSE(failure.value(u"reason"_s).toObject().value(u"type"_s).toString().isEmpty());
}

TEST_F(KibanaRoutes, SourceFilteringKeepsRequestedFields)
{
    const QByteArray body = R"({"size":1,"_source":["@timestamp","message","Tracing.TraceId","kubernetes.pod_*"],)"
                            R"("query":{"range":{"@timestamp":{"gte":"now-5m"}}}})";

    const QJsonObject source = directSearch(body).json().value(u"hits"_s).toObject().value(u"hits"_s).toArray()
                                   .first().toObject().value(u"_source"_s).toObject();

    EXPECT_TRUE(source.contains(u"@timestamp"_s));
    EXPECT_TRUE(source.contains(u"message"_s));
    EXPECT_EQ(source.value(u"Tracing"_s).toObject().keys(), QStringList{u"TraceId"_s});
    EXPECT_EQ(source.value(u"kubernetes"_s).toObject().keys(), QStringList{u"pod_name"_s});
    EXPECT_FALSE(source.contains(u"ContextInfo"_s));
    EXPECT_FALSE(source.contains(u"stream"_s));
}

TEST_F(KibanaRoutes, SlowSearchAnswersAfterDelay)
{
    m_server->setScenario(Scenario::SlowSearch);
    QElapsedTimer timer;
    timer.start();

    const HttpResponse response = proxySearch(lastFifteenMinutes());

    EXPECT_EQ(response.status, 200);
    EXPECT_GE(timer.elapsed(), 400);
}

TEST_F(KibanaRoutes, DirectSearchServesSameData)
{
    const HttpResponse response = directSearch(lastFifteenMinutes());

    ASSERT_EQ(response.status, 200) << response.body.toStdString();
    EXPECT_NEAR(response.json().value(u"hits"_s).toObject().value(u"total"_s).toObject().value(u"value"_s).toInteger(), 15, 1);
}

TEST_F(KibanaRoutes, DirectSearchAuthExpiredIsSecurityException)
{
    m_server->setScenario(Scenario::AuthExpired);

    const HttpResponse response = directSearch(lastFifteenMinutes());

    EXPECT_EQ(response.status, 401);
    EXPECT_EQ(response.json().value(u"error"_s).toObject().value(u"type"_s).toString(), u"security_exception"_s);
}

TEST_F(KibanaRoutes, UnknownQueryIsParsingException)
{
    const HttpResponse response = directSearch(R"({"query":{"fuzzy_unknown":{"message":"x"}}})");

    EXPECT_EQ(response.status, 400);
    EXPECT_EQ(response.json().value(u"error"_s).toObject().value(u"type"_s).toString(), u"parsing_exception"_s);
}

TEST_F(KibanaRoutes, DateMathRangeIsHonoured)
{
    const QByteArray body = R"({"size":0,"query":{"bool":{"filter":[{"match_phrase":{"message":"failed to upload metrics"}},)"
                            R"({"range":{"@timestamp":{"gte":"now-1h","lte":"now"}}}]}}})";

    const QJsonObject hits = directSearch(body).json().value(u"hits"_s).toObject();

    EXPECT_NEAR(hits.value(u"total"_s).toObject().value(u"value"_s).toInteger(), 60, 1);
    EXPECT_TRUE(hits.value(u"hits"_s).toArray().isEmpty());
}

} // namespace
} // namespace poc::replica::test
