#include "replicaclient.h"

#include "testsupport.h"

#include <QElapsedTimer>
#include <QNetworkReply>
#include <QJsonObject>
#include <QTcpServer>

#include <gtest/gtest.h>

using namespace Qt::StringLiterals;

namespace poc::replica::test {
namespace {

using EndpointRoutes = ReplicaTest;

TEST_F(EndpointRoutes, EngineHealthIsJson)
{
    const HttpResponse response = m_client.get(url(u"/engine/v1/health"_s));

    EXPECT_EQ(response.status, 200);
    EXPECT_TRUE(response.header("Content-Type").startsWith("application/json"));
    EXPECT_EQ(response.json().value(u"healthy"_s), QJsonValue(true));
    EXPECT_EQ(m_server->requestCount(u"/engine/v1/health"), 1);
}

TEST_F(EndpointRoutes, CoordinatorAndExperienceAnswerJson)
{
    for (const QString &path : {u"/coordinator/"_s, u"/experience/"_s}) {
        const HttpResponse response = m_client.get(url(path));
        EXPECT_EQ(response.status, 200) << path.toStdString();
        EXPECT_EQ(response.json().value(u"status"_s).toString(), u"ok"_s) << path.toStdString();
    }
}

TEST_F(EndpointRoutes, DashboardRedirectsToEntraSignIn)
{
    const HttpResponse response = m_client.get(url(u"/dashboard/"_s));

    EXPECT_EQ(response.status, 302);
    const QUrl location(QString::fromUtf8(response.header("Location")));
    EXPECT_EQ(location.host(), u"login.microsoftonline.com"_s);
    EXPECT_TRUE(location.path().endsWith(u"/oauth2/v2.0/authorize"_s));
    EXPECT_TRUE(location.query().contains(u"client_id="_s));
    EXPECT_TRUE(location.query().contains(u"redirect_uri="_s));
}

struct OutageCase {
    const char *path;
    int status;
};

void PrintTo(const OutageCase &testCase, std::ostream *out)
{
    *out << testCase.path << " answers " << testCase.status;
}

class EndpointOutage : public ReplicaTest, public testing::WithParamInterface<OutageCase>
{
};

TEST_P(EndpointOutage, AnswersServerError)
{
    m_server->setScenario(Scenario::Outage);

    const HttpResponse response = m_client.get(url(QString::fromLatin1(GetParam().path)));

    EXPECT_EQ(response.status, GetParam().status);
}

INSTANTIATE_TEST_SUITE_P(Replica, EndpointOutage,
                         testing::Values(OutageCase{"/engine/v1/health", 503}, OutageCase{"/coordinator/", 502},
                                         OutageCase{"/dashboard/", 503}, OutageCase{"/experience/", 502}));

TEST_F(EndpointRoutes, EngineOutageBodySaysUnhealthy)
{
    m_server->setScenario(Scenario::Outage);

    const HttpResponse response = m_client.get(url(u"/engine/v1/health"_s));

    EXPECT_EQ(response.json().value(u"healthy"_s), QJsonValue(false));
}

TEST_F(EndpointRoutes, SlowScenarioDelaysWithoutBlockingServer)
{
    m_server->setScenario(Scenario::Slow);
    QElapsedTimer timer;
    timer.start();

    const HttpResponse response = m_client.get(url(u"/engine/v1/health"_s));

    EXPECT_EQ(response.status, 200);
    EXPECT_GE(timer.elapsed(), 400);
    // The caller's thread kept running its event loop while the replica waited.
    EXPECT_EQ(response.json().value(u"healthy"_s), QJsonValue(true));
}

TEST_F(EndpointRoutes, SlowScenarioServesConcurrently)
{
    m_server->setScenario(Scenario::Slow);
    m_server->setSlowDelay(std::chrono::milliseconds(1000));
    QNetworkAccessManager manager;
    QList<QNetworkReply *> replies;
    QElapsedTimer timer;
    timer.start();
    for (const QString &path : {u"/engine/v1/health"_s, u"/coordinator/"_s, u"/experience/"_s})
        replies.append(manager.get(QNetworkRequest(url(path))));

    ASSERT_TRUE(poc::test::waitUntil([&replies] {
        return std::all_of(replies.cbegin(), replies.cend(), [](QNetworkReply *reply) { return reply->isFinished(); });
    }));

    // One shared delay, not three in a row: the delay does not hold the server thread.
    EXPECT_LT(timer.elapsed(), 2500);
    qDeleteAll(replies);
}

TEST_F(EndpointRoutes, DeepLinksLandOnStandInPages)
{
    for (const QString &path : {u"/kibana/app/discover?_g=(time:(from:now-15m))"_s, u"/grafana/explore?left=%7B%7D"_s}) {
        const HttpResponse response = m_client.get(url(path));
        EXPECT_EQ(response.status, 200) << path.toStdString();
        EXPECT_TRUE(response.header("Content-Type").startsWith("text/html")) << path.toStdString();
        EXPECT_TRUE(response.body.contains("not part of the replica")) << path.toStdString();
    }
}

TEST_F(EndpointRoutes, UnknownPathIsNotFound)
{
    const HttpResponse response = m_client.get(url(u"/no/such/path"_s));

    EXPECT_EQ(response.status, 404);
}

TEST(ReplicaServer, ListenFailsOnUsedPort)
{
    QTcpServer occupier;
    ASSERT_TRUE(occupier.listen(QHostAddress::LocalHost));
    ReplicaServer server(Scenario::Seed);

    EXPECT_EQ(server.listen(QHostAddress::LocalHost, occupier.serverPort()), 0);
    EXPECT_FALSE(server.errorString().isEmpty());
    EXPECT_TRUE(server.baseUrl().isEmpty());
}

TEST(ReplicaServer, BaseUrlIsLoopback)
{
    ReplicaServer server(Scenario::Fixed);
    const quint16 port = server.listen();

    ASSERT_NE(port, 0);
    EXPECT_EQ(server.baseUrl(), QUrl(u"http://127.0.0.1:%1"_s.arg(port)));
    EXPECT_EQ(server.scenario(), Scenario::Fixed);
}

TEST(ReplicaServer, RouteListNamesEveryFamily)
{
    const QStringList routes = ReplicaServer::routeList();

    EXPECT_TRUE(routes.contains(u"GET /engine/v1/health"_s));
    EXPECT_TRUE(routes.contains(u"POST /kibana/api/console/proxy"_s));
    EXPECT_TRUE(routes.contains(u"GET|POST /prometheus/api/v1/query_range"_s));
    EXPECT_TRUE(routes.contains(u"GET|DELETE|POST /mcp/{slug}"_s)) << routes.join(u", "_s).toStdString();
}

TEST(Scenario, NamesRoundTrip)
{
    for (const QString &name : scenarioNames()) {
        const auto scenario = parseScenario(name);
        ASSERT_TRUE(scenario.has_value()) << name.toStdString();
        EXPECT_EQ(toString(*scenario), name);
    }
    EXPECT_EQ(parseScenario(u"shard-failure"), Scenario::ShardFailure);
    EXPECT_FALSE(parseScenario(u"nonsense").has_value());
}

} // namespace
} // namespace poc::replica::test
