#include "probetestsupport.h"
#include "testhttpserver.h"

#include "probe/endpointprober.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace poc::test {
namespace {

const QByteArray kHtmlPage = "<!DOCTYPE html><html><head><title>Sign in</title></head><body>Hello</body></html>";

ProbeOptions shortTimeout(Milliseconds timeout = 5s)
{
    ProbeOptions options;
    options.timeout = timeout;
    return options;
}

struct ResponseCase {
    const char *name;
    EndpointExpectation expectation;
    QByteArray response;
    EndpointState state;
    int httpStatus;
    const char *errorContains; // empty: the error must be empty
};

void PrintTo(const ResponseCase &responseCase, std::ostream *out)
{
    *out << responseCase.name;
}

class ProbeResponseTest : public testing::TestWithParam<ResponseCase>
{
};

TEST_P(ProbeResponseTest, ClassifiesServerResponse)
{
    const ResponseCase &responseCase = GetParam();
    TestHttpServer server;
    server.listenOnLoopback();
    server.setReply({responseCase.response});
    QNetworkAccessManager network;

    const ProbeResult result = probeOnce(endpointConfig(server.url(u"/v1/health"_s), responseCase.expectation),
                                         shortTimeout(), &network);

    EXPECT_EQ(toString(result.state), toString(responseCase.state));
    EXPECT_EQ(result.httpStatus, responseCase.httpStatus);
    if (QByteArrayView(responseCase.errorContains).isEmpty())
        EXPECT_TRUE(result.error.isEmpty()) << result.error.toStdString();
    else
        EXPECT_TRUE(result.error.contains(QLatin1String(responseCase.errorContains))) << result.error.toStdString();
    EXPECT_EQ(server.requestPaths(), QList<QString>{u"/v1/health"_s});
}

INSTANTIATE_TEST_SUITE_P(
    Responses, ProbeResponseTest,
    testing::Values(
        ResponseCase{"EngineHealthyTrue", EndpointExpectation::EngineHealth,
                   jsonResponse(200, "OK", R"({"healthy":true})"), EndpointState::Up, 200, ""},
        ResponseCase{"EngineStatusOk", EndpointExpectation::EngineHealth,
                   jsonResponse(200, "OK", R"({"status":"ok"})"), EndpointState::Up, 200, ""},
        ResponseCase{"EngineHealthyFalse", EndpointExpectation::EngineHealth,
                   jsonResponse(200, "OK", R"({"healthy":false})"), EndpointState::Degraded, 200, "healthy"},
        ResponseCase{"EngineStatusFailing", EndpointExpectation::EngineHealth,
                   jsonResponse(200, "OK", R"({"status":"failing"})"), EndpointState::Degraded, 200, "failing"},
        ResponseCase{"Engine503", EndpointExpectation::EngineHealth,
                   jsonResponse(503, "Service Unavailable", R"({"healthy":false})"), EndpointState::Down, 503, "503"},
        ResponseCase{"EngineHtmlPage", EndpointExpectation::EngineHealth,
                   httpResponse(200, "OK", kHtmlPage, "text/html"), EndpointState::InvalidResponse, 200, "HTML page"},
        ResponseCase{"EnginePlainText", EndpointExpectation::EngineHealth,
                   httpResponse(200, "OK", "OK"), EndpointState::InvalidResponse, 200, "not a JSON object"},
        ResponseCase{"EngineJsonArray", EndpointExpectation::EngineHealth,
                   jsonResponse(200, "OK", "[true]"), EndpointState::InvalidResponse, 200, "not a JSON object"},
        ResponseCase{"Engine404", EndpointExpectation::EngineHealth,
                   httpResponse(404, "Not Found"), EndpointState::Degraded, 404, "Expected HTTP 200"},
        ResponseCase{"Reachable200", EndpointExpectation::Reachable,
                   httpResponse(200, "OK", kHtmlPage, "text/html"), EndpointState::Up, 200, ""},
        ResponseCase{"Reachable401", EndpointExpectation::Reachable,
                   httpResponse(401, "Unauthorized"), EndpointState::AuthRequired, 401, ""},
        ResponseCase{"Reachable403", EndpointExpectation::Reachable,
                   httpResponse(403, "Forbidden"), EndpointState::AuthRequired, 403, ""},
        ResponseCase{"Reachable404", EndpointExpectation::Reachable,
                   httpResponse(404, "Not Found"), EndpointState::Degraded, 404, "got HTTP 404 Not Found"},
        ResponseCase{"Reachable500", EndpointExpectation::Reachable,
                   httpResponse(500, "Internal Server Error"), EndpointState::Down, 500, "HTTP 500"},
        ResponseCase{"SignInExpectedGot200", EndpointExpectation::SignInRedirect,
                   httpResponse(200, "OK", kHtmlPage, "text/html"), EndpointState::Degraded, 200, "sign-in page"},
        ResponseCase{"SignInExpectedGot401", EndpointExpectation::SignInRedirect,
                   httpResponse(401, "Unauthorized"), EndpointState::AuthRequired, 401, ""}),
    [](const testing::TestParamInfo<ResponseCase> &info) { return std::string(info.param.name); });

class ProbeRedirectTest : public testing::Test
{
protected:
    void SetUp() override { server.listenOnLoopback(); }

    ProbeResult probe(EndpointExpectation expectation)
    {
        return probeOnce(endpointConfig(server.url(u"/"_s), expectation), shortTimeout(), &network);
    }

    TestHttpServer server;
    LoopbackOnlyNetworkAccessManager network;
};

const QByteArray kEntraSignIn =
    "https://login.microsoftonline.com/00000000-0000-0000-0000-000000000000/oauth2/v2.0/authorize?client_id=x";

TEST_F(ProbeRedirectTest, SignInRedirectExpectedIsUp)
{
    server.setReply({redirectResponse(302, kEntraSignIn)});

    const ProbeResult result = probe(EndpointExpectation::SignInRedirect);

    EXPECT_EQ(toString(result.state), u"up"_s);
    EXPECT_EQ(result.httpStatus, 302);
    EXPECT_EQ(result.signInHost, u"login.microsoftonline.com"_s);
    ASSERT_EQ(result.redirectChain.size(), 1);
    EXPECT_EQ(result.redirectChain.first(), QUrl::fromEncoded(kEntraSignIn));
    EXPECT_TRUE(result.error.isEmpty()) << result.error.toStdString();
}

TEST_F(ProbeRedirectTest, CrossHostRedirectIsNeverFollowed)
{
    server.setReply({redirectResponse(302, kEntraSignIn)});

    probe(EndpointExpectation::SignInRedirect);

    EXPECT_EQ(network.requestedUrls(), QList<QUrl>{server.url(u"/"_s)});
    EXPECT_EQ(server.requestCount(), 1);
}

TEST_F(ProbeRedirectTest, SignInRedirectUnexpectedIsAuthRequired)
{
    server.setReply({redirectResponse(302, kEntraSignIn)});

    const ProbeResult result = probe(EndpointExpectation::Reachable);

    EXPECT_EQ(toString(result.state), u"auth_required"_s);
    EXPECT_EQ(result.signInHost, u"login.microsoftonline.com"_s);
    EXPECT_EQ(network.requestedUrls(), QList<QUrl>{server.url(u"/"_s)});
}

TEST_F(ProbeRedirectTest, OktaSignInRecognised)
{
    server.setReply({redirectResponse(302, "https://acme.okta.com/oauth2/default/v1/authorize?x=1")});

    const ProbeResult result = probe(EndpointExpectation::SignInRedirect);

    EXPECT_EQ(toString(result.state), u"up"_s);
    EXPECT_EQ(result.signInHost, u"acme.okta.com"_s);
    EXPECT_EQ(network.requestedUrls().size(), 1);
}

TEST_F(ProbeRedirectTest, SameHostRedirectIsFollowed)
{
    server.setReply({redirectResponse(301, "/v1/health")});
    server.route(u"/v1/health"_s, {jsonResponse(200, "OK", R"({"healthy":true})")});

    const ProbeResult result = probe(EndpointExpectation::EngineHealth);

    EXPECT_EQ(toString(result.state), u"up"_s);
    EXPECT_EQ(result.httpStatus, 200);
    EXPECT_EQ(server.requestPaths(), (QList<QString>{u"/"_s, u"/v1/health"_s}));
    EXPECT_EQ(result.redirectChain, QList<QUrl>{server.url(u"/v1/health"_s)});
}

TEST_F(ProbeRedirectTest, SameHostSignInPathIsNotFollowed)
{
    server.setReply({redirectResponse(302, "/login?next=%2F")});

    const ProbeResult result = probe(EndpointExpectation::SignInRedirect);

    EXPECT_EQ(toString(result.state), u"up"_s);
    EXPECT_EQ(result.signInHost, u"127.0.0.1"_s);
    EXPECT_EQ(server.requestCount(), 1);
}

TEST_F(ProbeRedirectTest, OtherHostRedirectIsDegraded)
{
    server.setReply({redirectResponse(302, "http://elsewhere.invalid/status")});

    const ProbeResult result = probe(EndpointExpectation::Reachable);

    EXPECT_EQ(toString(result.state), u"degraded"_s);
    EXPECT_TRUE(result.error.contains(u"not followed"_s)) << result.error.toStdString();
    EXPECT_TRUE(result.signInHost.isEmpty());
    EXPECT_EQ(network.requestedUrls(), QList<QUrl>{server.url(u"/"_s)});
}

TEST_F(ProbeRedirectTest, RedirectLoopStopsAfterFiveHops)
{
    server.setReply({redirectResponse(302, "/again")});

    const ProbeResult result = probe(EndpointExpectation::Reachable);

    EXPECT_EQ(toString(result.state), u"degraded"_s);
    EXPECT_TRUE(result.error.contains(u"Stopped after 5 redirects"_s)) << result.error.toStdString();
    EXPECT_EQ(server.requestCount(), 6); // the first request plus five followed redirects
    EXPECT_EQ(result.redirectChain.size(), 6);
}

TEST(ProbeFailureTest, ClosedPortIsUnreachable)
{
    QTcpServer placeholder;
    ASSERT_TRUE(placeholder.listen(QHostAddress::LocalHost, 0));
    const quint16 port = placeholder.serverPort();
    placeholder.close();
    QNetworkAccessManager network;

    const QUrl url(u"http://127.0.0.1:%1/"_s.arg(port));
    const ProbeResult result = probeOnce(endpointConfig(url, EndpointExpectation::Reachable), shortTimeout(), &network);

    EXPECT_EQ(toString(result.state), u"unreachable"_s);
    EXPECT_EQ(result.httpStatus, 0);
    EXPECT_TRUE(result.error.contains(u"refused"_s)) << result.error.toStdString();
}

TEST(ProbeFailureTest, UnknownHostIsUnreachable)
{
    QNetworkAccessManager network;

    // The .invalid top-level domain is reserved (RFC 6761): resolvers return NXDOMAIN for it.
    const QUrl url(u"http://does-not-exist.invalid/"_s);
    const ProbeResult result = probeOnce(endpointConfig(url, EndpointExpectation::Reachable), shortTimeout(), &network);

    EXPECT_EQ(toString(result.state), u"unreachable"_s);
    EXPECT_TRUE(result.error.contains(u"could not be resolved"_s)) << result.error.toStdString();
}

TEST(ProbeFailureTest, SilentServerTimesOut)
{
    TestHttpServer server;
    server.listenOnLoopback();
    server.setReply({{}, 0ms, true});
    QNetworkAccessManager network;

    const ProbeResult result = probeOnce(endpointConfig(server.url(), EndpointExpectation::Reachable),
                                         shortTimeout(300ms), &network);

    EXPECT_EQ(toString(result.state), u"timeout"_s);
    EXPECT_GE(result.latencyMs, 300);
    EXPECT_TRUE(result.error.contains(u"Timed out after 300ms"_s)) << result.error.toStdString();
}

TEST(ProbeFailureTest, SlowResponseIsDegraded)
{
    TestHttpServer server;
    server.listenOnLoopback();
    server.setReply({jsonResponse(200, "OK", R"({"healthy":true})"), 400ms});
    QNetworkAccessManager network;

    const ProbeResult result = probeOnce(endpointConfig(server.url(), EndpointExpectation::EngineHealth, 100ms),
                                         shortTimeout(), &network);

    EXPECT_EQ(toString(result.state), u"degraded"_s);
    EXPECT_GE(result.latencyMs, 400);
    EXPECT_TRUE(result.error.contains(u"slower than"_s)) << result.error.toStdString();
}

TEST(ProbeFailureTest, OversizedBodyIsCut)
{
    TestHttpServer server;
    server.listenOnLoopback();
    server.setReply({jsonResponse(200, "OK", "{\"pad\":\"" + QByteArray(3 * 1024 * 1024, 'x') + "\"}")});
    QNetworkAccessManager network;

    const ProbeResult result = probeOnce(endpointConfig(server.url(), EndpointExpectation::EngineHealth),
                                         shortTimeout(), &network);

    EXPECT_EQ(toString(result.state), u"invalid_response"_s);
    EXPECT_TRUE(result.error.contains(u"larger than 1024 KiB"_s)) << result.error.toStdString();
}

TEST(ProbeFailureTest, OversizedPageIsStillUp)
{
    TestHttpServer server;
    server.listenOnLoopback();
    server.setReply({httpResponse(200, "OK", "<html>" + QByteArray(3 * 1024 * 1024, 'x') + "</html>", "text/html")});
    QNetworkAccessManager network;

    const ProbeResult result = probeOnce(endpointConfig(server.url(), EndpointExpectation::Reachable),
                                         shortTimeout(), &network);

    EXPECT_EQ(toString(result.state), u"up"_s) << result.error.toStdString();
    EXPECT_EQ(result.httpStatus, 200);
}

TEST(ProbeFailureTest, MissingUrlIsNotConfigured)
{
    QNetworkAccessManager network;

    const ProbeResult result = probeOnce(endpointConfig(QUrl(), EndpointExpectation::Reachable), shortTimeout(), &network);

    EXPECT_EQ(toString(result.state), u"not_configured"_s);
    EXPECT_FALSE(result.error.isEmpty());
}

TEST(ProbeLifecycleTest, RestartDropsStaleResult)
{
    TestHttpServer server;
    server.listenOnLoopback();
    server.setReply({jsonResponse(200, "OK", R"({"healthy":true})"), 200ms});
    QNetworkAccessManager network;
    EndpointProber prober(endpointConfig(server.url(), EndpointExpectation::EngineHealth), shortTimeout(), &network);
    QSignalSpy finished(&prober, &EndpointProber::finished);

    prober.start();
    QTest::qWait(50);
    prober.start();

    ASSERT_TRUE(finished.wait(5000));
    QTest::qWait(400);
    EXPECT_EQ(finished.count(), 1);
    EXPECT_FALSE(prober.isRunning());
}

TEST(ProbeLifecycleTest, ResultCarriesIdentityAndTime)
{
    TestHttpServer server;
    server.listenOnLoopback();
    server.setReply({jsonResponse(200, "OK", R"({"healthy":true})")});
    QNetworkAccessManager network;
    const QDateTime before = QDateTime::currentDateTimeUtc();

    const ProbeResult result = probeOnce(endpointConfig(server.url(), EndpointExpectation::EngineHealth),
                                         shortTimeout(), &network);

    EXPECT_EQ(result.endpoint, u"engine"_s);
    EXPECT_EQ(result.url, server.url());
    EXPECT_EQ(result.checkedAt.timeSpec(), Qt::UTC);
    EXPECT_GE(result.checkedAt, before);
    EXPECT_FALSE(result.leafCertificate.has_value());
    EXPECT_FALSE(result.tlsDaysLeft().has_value());
}

} // namespace
} // namespace poc::test
