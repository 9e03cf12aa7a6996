#include "observability/gaprules.h"
#include "observability/mimirclient.h"

#include "memorysecretstore.h"
#include "recordingserver.h"
#include "testsupport.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QUrlQuery>

#include <gtest/gtest.h>

using namespace Qt::StringLiterals;

namespace poc {
namespace {

MimirQuery seriesQuery(const QString &selector)
{
    return MimirQuery{u"engine-series"_s, u"Engine series"_s, selector, MimirQueryKind::Series,
                      std::chrono::hours(1), std::chrono::minutes(1)};
}

MimirResult runQuery(const MimirConfig &config, QNetworkAccessManager *network, SecretStore *secrets,
                     const MimirQuery &query, const QDateTime &now = QDateTime::currentDateTimeUtc())
{
    MimirClient client(config, network, secrets);
    client.setClock([now] { return now; });
    QSignalSpy finished(&client, &MimirClient::finished);
    client.run(query);
    EXPECT_TRUE(finished.wait(15000));
    return finished.isEmpty() ? MimirResult() : finished.first().first().value<MimirResult>();
}

class MimirClientTest : public testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_server.listen());
        m_server.setReply({200, "application/json", R"({"status":"success","data":[]})"});
        m_config.url = m_server.url(u"/prometheus"_s);
        m_config.tenant = u"k8s-backstage-v4"_s;
        m_config.secret = SecretRef{u"mimir"_s};
        m_config.timeout = std::chrono::seconds(5);
        m_secrets.set(u"mimir"_s, "mimir-token");
    }

    MimirResult run(const MimirQuery &query = seriesQuery(u"{namespace=\"arcade\"}"_s))
    {
        return runQuery(m_config, &m_network, &m_secrets, query);
    }

    test::RecordingServer m_server;
    test::MemorySecretStore m_secrets;
    QNetworkAccessManager m_network;
    MimirConfig m_config;
};

TEST_F(MimirClientTest, SendsTenantHeader)
{
    run();

    ASSERT_EQ(m_server.requests().size(), 1);
    EXPECT_EQ(m_server.requests().first().headers.value("x-scope-orgid"), "k8s-backstage-v4");
    EXPECT_FALSE(m_server.requests().first().headers.contains("authorization"));
}

TEST_F(MimirClientTest, SeriesRequestParameters)
{
    run();

    ASSERT_EQ(m_server.requests().size(), 1);
    const QUrl target(QString::fromLatin1(m_server.requests().first().target));
    const QUrlQuery query(target);
    EXPECT_EQ(target.path(), u"/prometheus/api/v1/series"_s);
    EXPECT_EQ(query.queryItemValue(u"match[]"_s, QUrl::FullyDecoded), u"{namespace=\"arcade\"}"_s);
    EXPECT_TRUE(query.hasQueryItem(u"start"_s));
    EXPECT_TRUE(query.hasQueryItem(u"end"_s));
}

TEST_F(MimirClientTest, PlusIsNotDecodedAsSpace)
{
    run(MimirQuery{u"sum"_s, {}, u"up + 1"_s, MimirQueryKind::Instant, std::chrono::hours(1), std::chrono::minutes(1)});

    ASSERT_EQ(m_server.requests().size(), 1);
    EXPECT_TRUE(m_server.requests().first().target.contains("%2B")) << m_server.requests().first().target.toStdString();
}

TEST_F(MimirClientTest, BearerHeaderFromKeychain)
{
    m_config.auth = HttpAuth::Bearer;

    run();

    ASSERT_EQ(m_server.requests().size(), 1);
    EXPECT_EQ(m_server.requests().first().headers.value("authorization"), "Bearer mimir-token");
    EXPECT_EQ(m_server.requests().first().headers.value("x-scope-orgid"), "k8s-backstage-v4");
}

TEST_F(MimirClientTest, BasicHeaderFromKeychain)
{
    m_config.auth = HttpAuth::Basic;
    m_config.username = u"grafana"_s;

    run();

    ASSERT_EQ(m_server.requests().size(), 1);
    EXPECT_EQ(m_server.requests().first().headers.value("authorization"), "Basic " + QByteArray("grafana:mimir-token").toBase64());
}

TEST_F(MimirClientTest, RefusesSecretOverPlainHttpToRemoteHost)
{
    m_config.url = QUrl(u"http://mimir.invalid/prometheus"_s);
    m_config.auth = HttpAuth::Bearer;

    const MimirResult result = run();

    EXPECT_EQ(result.state, FetchState::InsecureTransport);
    EXPECT_TRUE(result.message.contains(u"mimir.invalid"_s));
    EXPECT_TRUE(m_secrets.reads().isEmpty());
}

TEST_F(MimirClientTest, NoOrgIdIsTenantRejected)
{
    m_server.setReply({401, "text/plain; charset=utf-8", "no org id\n"});

    const MimirResult result = run();

    EXPECT_EQ(result.state, FetchState::TenantRejected);
    EXPECT_TRUE(result.message.contains(u"tenant header missing or rejected"_s)) << result.message.toStdString();
    EXPECT_TRUE(result.message.contains(u"k8s-backstage-v4"_s));
}

TEST_F(MimirClientTest, OtherUnauthorizedIsAuthRequired)
{
    m_server.setReply({401, "text/plain", "invalid token"});

    const MimirResult result = run();

    EXPECT_EQ(result.state, FetchState::AuthRequired);
    EXPECT_TRUE(result.message.contains(u"mimir.auth"_s));
}

TEST_F(MimirClientTest, ErrorStatusIsQueryError)
{
    m_server.setReply({400, "application/json",
                       R"({"status":"error","errorType":"bad_data","error":"invalid parameter \"query\": 1:5: parse error: unclosed left parenthesis"})"});

    const MimirResult result = run();

    EXPECT_EQ(result.state, FetchState::QueryError);
    EXPECT_TRUE(result.message.contains(u"bad_data: invalid parameter"_s)) << result.message.toStdString();
}

TEST_F(MimirClientTest, WarningsAreKept)
{
    m_server.setReply({200, "application/json",
                       R"({"status":"success","data":{"resultType":"vector","result":[]},"warnings":["results may be incomplete: ingester timed out"]})"});

    const MimirResult result = run(MimirQuery{u"up"_s, {}, u"up"_s, MimirQueryKind::Instant, std::chrono::hours(1), std::chrono::minutes(1)});

    EXPECT_EQ(result.state, FetchState::Ok);
    EXPECT_EQ(result.warnings, QStringList{u"results may be incomplete: ingester timed out"_s});
}

TEST_F(MimirClientTest, HtmlPageIsAuthRequired)
{
    m_server.setReply({200, "text/html", "<!doctype html><html><body>Grafana login</body></html>"});

    const MimirResult result = run();

    EXPECT_EQ(result.state, FetchState::AuthRequired);
}

TEST_F(MimirClientTest, MalformedBodyIsInvalid)
{
    m_server.setReply({200, "application/json", R"({"status":"succ)"});

    const MimirResult result = run();

    EXPECT_EQ(result.state, FetchState::InvalidResponse);
}

TEST_F(MimirClientTest, TransferTimeout)
{
    m_server.setReply({200, "application/json", {}, {}, true});
    m_config.timeout = std::chrono::milliseconds(400);

    const MimirResult result = run();

    EXPECT_EQ(result.state, FetchState::Timeout);
}

TEST_F(MimirClientTest, ScalarAndSpecialValues)
{
    m_server.setReply({200, "application/json",
                       R"({"status":"success","data":{"resultType":"vector","result":[{"metric":{"job":"a"},"value":[1781774100.5,"NaN"]},{"metric":{"job":"b"},"value":[1781774100.5,"+Inf"]}]}})"});

    const MimirResult result = run(MimirQuery{u"up"_s, {}, u"up"_s, MimirQueryKind::Instant, std::chrono::hours(1), std::chrono::minutes(1)});

    ASSERT_EQ(result.seriesCount(), 2);
    EXPECT_TRUE(std::isnan(result.series.at(0).samples.at(0).value));
    EXPECT_TRUE(std::isinf(result.series.at(1).samples.at(0).value));
    EXPECT_EQ(result.series.at(0).samples.at(0).timeMs, 1781774100500);
}

} // namespace
} // namespace poc
