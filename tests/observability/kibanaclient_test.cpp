#include "observability/kibanaclient.h"

#include "memorysecretstore.h"
#include "recordingserver.h"
#include "testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

#include <gtest/gtest.h>

using namespace Qt::StringLiterals;

namespace poc {
namespace {

const QDateTime kNow = QDateTime(QDate(2026, 6, 18), QTime(9, 15), Qt::UTC);

KibanaQuery exportFailureQuery()
{
    return KibanaQuery{u"otlp-export-failure"_s, u"Export failures"_s,
                       u"kubernetes.namespace_name:\"arcade\" AND message:\"failed to upload metrics\""_s,
                       std::chrono::minutes(15), 20};
}

class KibanaClientTest : public testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_server.listen());
        m_server.setReply({200, "application/json", test::readFile(QStringLiteral(POC_TEST_SOURCE_DIR "/observability/data/es7-hits-total-number.json"))});
        m_config.url = m_server.url(u"/kibana"_s);
        m_config.index = u"logs-arcade-*"_s;
        m_config.fields = {u"Tracing.TraceId"_s};
        m_config.secret = SecretRef{u"kibana"_s};
        m_config.timeout = std::chrono::seconds(5);
        m_secrets.set(u"kibana"_s, "s3cr3t-key");
    }

    KibanaResult search(const KibanaConfig &config)
    {
        KibanaClient client(config, &m_network, &m_secrets);
        client.setClock([] { return kNow; });
        QSignalSpy finished(&client, &KibanaClient::finished);
        client.search(exportFailureQuery());
        EXPECT_TRUE(finished.wait(10000));
        return finished.isEmpty() ? KibanaResult() : finished.first().first().value<KibanaResult>();
    }

    QJsonObject sentBody() const
    {
        return m_server.requests().isEmpty() ? QJsonObject() : QJsonDocument::fromJson(m_server.requests().last().body).object();
    }

    test::RecordingServer m_server;
    test::MemorySecretStore m_secrets;
    QNetworkAccessManager m_network;
    KibanaConfig m_config;
};

TEST_F(KibanaClientTest, ConsoleProxyRequest)
{
    const KibanaResult result = search(m_config);

    ASSERT_EQ(m_server.requests().size(), 1);
    const test::RecordedRequest &request = m_server.requests().first();
    EXPECT_EQ(request.method, "POST");
    EXPECT_EQ(QUrl::fromPercentEncoding(request.target), u"/kibana/api/console/proxy?path=logs-arcade-*/_search&method=POST"_s);
    EXPECT_EQ(request.headers.value("kbn-xsrf"), "true");
    EXPECT_TRUE(request.headers.value("content-type").startsWith("application/json"));
    EXPECT_FALSE(request.headers.contains("authorization"));
    EXPECT_EQ(result.state, FetchState::Ok);
    EXPECT_EQ(result.totalHits, 14);
}

TEST_F(KibanaClientTest, DirectElasticsearchRequest)
{
    m_config.mode = KibanaMode::Elasticsearch;

    search(m_config);

    ASSERT_EQ(m_server.requests().size(), 1);
    EXPECT_EQ(QUrl::fromPercentEncoding(m_server.requests().first().target), u"/kibana/logs-arcade-*/_search"_s);
    EXPECT_FALSE(m_server.requests().first().headers.contains("kbn-xsrf"));
}

TEST_F(KibanaClientTest, SearchBodyShape)
{
    const KibanaResult result = search(m_config);
    const QJsonObject body = sentBody();

    const QJsonArray filter = body[u"query"_s][u"bool"_s][u"filter"_s].toArray();
    ASSERT_EQ(filter.size(), 2);
    EXPECT_EQ(filter.at(0)[u"query_string"_s][u"query"_s].toString(), exportFailureQuery().query);
    EXPECT_EQ(filter.at(1)[u"range"_s][u"@timestamp"_s][u"gte"_s].toString(), u"2026-06-18T09:00:00.000Z"_s);
    EXPECT_EQ(filter.at(1)[u"range"_s][u"@timestamp"_s][u"lte"_s].toString(), u"2026-06-18T09:15:00.000Z"_s);
    EXPECT_EQ(body[u"size"_s].toInt(), 20);
    EXPECT_TRUE(body[u"track_total_hits"_s].toBool());
    EXPECT_EQ(body[u"sort"_s][0][u"@timestamp"_s][u"order"_s].toString(), u"desc"_s);
    EXPECT_EQ(body[u"aggs"_s][u"per_minute"_s][u"date_histogram"_s][u"fixed_interval"_s].toString(), u"1m"_s);
    EXPECT_EQ(body[u"_source"_s].toArray(), QJsonArray({u"@timestamp"_s, u"message"_s, u"Tracing.TraceId"_s}));
    EXPECT_EQ(result.from, kNow.addSecs(-15 * 60));
    EXPECT_EQ(result.to, kNow);
}

TEST_F(KibanaClientTest, ApiKeyHeaderFromKeychain)
{
    m_config.auth = HttpAuth::ApiKey;

    search(m_config);

    ASSERT_EQ(m_server.requests().size(), 1);
    EXPECT_EQ(m_server.requests().first().headers.value("authorization"), "ApiKey s3cr3t-key");
    EXPECT_EQ(m_secrets.reads(), QStringList{u"kibana"_s});
}

TEST_F(KibanaClientTest, BasicHeaderFromKeychain)
{
    m_config.auth = HttpAuth::Basic;
    m_config.username = u"evaluator"_s;

    search(m_config);

    ASSERT_EQ(m_server.requests().size(), 1);
    EXPECT_EQ(m_server.requests().first().headers.value("authorization"), "Basic " + QByteArray("evaluator:s3cr3t-key").toBase64());
}

TEST_F(KibanaClientTest, RefusesSecretOverPlainHttpToRemoteHost)
{
    m_config.url = QUrl(u"http://kibana.invalid:5601"_s);
    m_config.auth = HttpAuth::ApiKey;

    const KibanaResult result = search(m_config);

    EXPECT_EQ(result.state, FetchState::InsecureTransport);
    EXPECT_TRUE(result.message.contains(u"kibana.invalid"_s));
    EXPECT_TRUE(result.message.contains(u"https"_s));
    EXPECT_TRUE(m_secrets.reads().isEmpty()) << "the secret must not even be read";
}

TEST_F(KibanaClientTest, MissingSecretIsReported)
{
    m_config.auth = HttpAuth::ApiKey;
    m_config.secret = SecretRef{u"no-such-entry"_s};

    const KibanaResult result = search(m_config);

    EXPECT_EQ(result.state, FetchState::SecretUnavailable);
    EXPECT_TRUE(result.message.contains(u"no-such-entry"_s));
    EXPECT_TRUE(m_server.requests().isEmpty());
}

TEST_F(KibanaClientTest, TransferTimeout)
{
    m_server.setReply({200, "application/json", {}, {}, true});
    m_config.timeout = std::chrono::milliseconds(500);

    const KibanaResult result = search(m_config);

    EXPECT_EQ(result.state, FetchState::Timeout);
    EXPECT_TRUE(result.message.contains(u"0.5 s"_s)) << result.message.toStdString();
}

TEST_F(KibanaClientTest, ConnectionRefusedIsUnreachable)
{
    m_config.url = QUrl(u"http://127.0.0.1:1/kibana"_s);

    const KibanaResult result = search(m_config);

    EXPECT_EQ(result.state, FetchState::Unreachable);
    EXPECT_TRUE(result.message.contains(u"127.0.0.1"_s));
}

TEST_F(KibanaClientTest, NotConfigured)
{
    m_config.index.clear();

    const KibanaResult result = search(m_config);

    EXPECT_EQ(result.state, FetchState::NotConfigured);
    EXPECT_TRUE(m_server.requests().isEmpty());
}

TEST_F(KibanaClientTest, UnauthorizedReply)
{
    m_server.setReply({401, "application/json", test::readFile(QStringLiteral(POC_TEST_SOURCE_DIR "/observability/data/es-401.json"))});

    const KibanaResult result = search(m_config);

    EXPECT_EQ(result.state, FetchState::AuthRequired);
    EXPECT_EQ(result.httpStatus, 401);
    EXPECT_TRUE(result.detail.contains(u"security_exception"_s));
}

TEST_F(KibanaClientTest, RedirectIsNotFollowed)
{
    m_server.setReply({302, "text/html", {}, {{"Location", "http://127.0.0.1:1/login"}}});
    m_config.auth = HttpAuth::ApiKey;

    const KibanaResult result = search(m_config);

    EXPECT_EQ(result.state, FetchState::AuthRequired);
    EXPECT_EQ(m_server.requests().size(), 1);
}

TEST_F(KibanaClientTest, StaleResultIsDropped)
{
    KibanaClient client(m_config, &m_network, &m_secrets);
    QSignalSpy finished(&client, &KibanaClient::finished);

    client.search(exportFailureQuery());
    client.search(exportFailureQuery());

    ASSERT_TRUE(finished.wait(10000));
    EXPECT_TRUE(test::waitUntil([&] { return m_server.requests().size() == 2; }));
    QTest::qWait(200);
    EXPECT_EQ(finished.size(), 1);
}

} // namespace
} // namespace poc
