#include "probe/probeclassifier.h"
#include "probe/proberesult.h"

#include <QJsonArray>
#include <QJsonObject>

#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace poc::test {
namespace {

struct SignInCase {
    const char *url;
    bool signIn;
};

void PrintTo(const SignInCase &signInCase, std::ostream *out)
{
    *out << signInCase.url;
}

class SignInUrlTest : public testing::TestWithParam<SignInCase>
{
};

TEST_P(SignInUrlTest, RecognisesIdentityProvider)
{
    const QUrl url = QUrl(QString::fromLatin1(GetParam().url));
    EXPECT_EQ(isSignInUrl(url), GetParam().signIn);
}

INSTANTIATE_TEST_SUITE_P(
    Urls, SignInUrlTest,
    testing::Values(SignInCase{"https://login.microsoftonline.com/tenant/oauth2/v2.0/authorize", true},
                    SignInCase{"https://login.windows.net/common", true},
                    SignInCase{"https://acme.okta.com/", true},
                    SignInCase{"https://acme.oktapreview.com/", true},
                    SignInCase{"https://acme.okta-emea.com/", true},
                    SignInCase{"https://notokta.com/", false},
                    SignInCase{"https://dashboard.example/oauth2/start", true},
                    SignInCase{"https://dashboard.example/login?next=/", true},
                    SignInCase{"https://dashboard.example/auth/signin", true},
                    SignInCase{"https://dashboard.example/sso/callback", true},
                    SignInCase{"https://idp.example/connect/authorize", true},
                    SignInCase{"https://dashboard.example/v1/health", false},
                    SignInCase{"https://dashboard.example/", false}));

TEST(RedirectPolicyTest, SameHostUpgradeIsFollowed)
{
    EXPECT_TRUE(isFollowableRedirect(QUrl(u"http://api.example/"_s), QUrl(u"https://api.example/v1"_s)));
    EXPECT_TRUE(isFollowableRedirect(QUrl(u"https://api.example/"_s), QUrl(u"https://API.example/v1"_s)));
}

TEST(RedirectPolicyTest, DowngradeAndOtherHostAreNotFollowed)
{
    EXPECT_FALSE(isFollowableRedirect(QUrl(u"https://api.example/"_s), QUrl(u"http://api.example/"_s)));
    EXPECT_FALSE(isFollowableRedirect(QUrl(u"https://api.example/"_s), QUrl(u"https://other.example/"_s)));
}

TEST(SlowThresholdTest, OnlyHealthyResultsTurnDegraded)
{
    const Classification up{EndpointState::Up, {}};
    const Classification down{EndpointState::Down, u"The server responded with HTTP 503."_s};

    EXPECT_EQ(applySlowThreshold(up, 2000, 2000ms).state, EndpointState::Up);
    EXPECT_EQ(applySlowThreshold(up, 2001, 2000ms).state, EndpointState::Degraded);
    EXPECT_EQ(applySlowThreshold(up, 2001, 2000ms).error, u"Responded in 2001 ms, slower than the 2s threshold."_s);
    EXPECT_EQ(applySlowThreshold(down, 9000, 2000ms).error, down.error);
}

TEST(CertificateInfoTest, DaysLeftRoundsDown)
{
    const QDateTime now(QDate(2026, 6, 18), QTime(12, 0), Qt::UTC);
    const CertificateInfo certificate{now.addSecs(10 * 86400 - 1), u"CN=a"_s, u"CN=b"_s};
    const CertificateInfo expired{now.addSecs(-3600), u"CN=a"_s, u"CN=b"_s};

    EXPECT_EQ(certificate.daysLeft(now), 9);
    EXPECT_EQ(expired.daysLeft(now), -1);
}

TEST(ProbeResultJsonTest, CheckKeysAndValues)
{
    ProbeResult result;
    result.endpoint = u"dashboard"_s;
    result.url = QUrl(u"https://dashboard.arcade.st.dev/"_s);
    result.state = EndpointState::Up;
    result.httpStatus = 302;
    result.latencyMs = 84;
    result.checkedAt = QDateTime(QDate(2026, 6, 18), QTime(9, 30, 5), Qt::UTC);
    result.redirectChain = {QUrl(u"https://login.microsoftonline.com/t/oauth2/v2.0/authorize"_s)};
    result.signInHost = u"login.microsoftonline.com"_s;
    result.leafCertificate = CertificateInfo{result.checkedAt.addDays(40), u"dashboard.arcade.st.dev"_s, u"R11"_s};
    result.earliestExpiring = CertificateInfo{result.checkedAt.addDays(30), u"R11"_s, u"ISRG Root X1"_s};

    const QJsonObject json = result.toJson();

    EXPECT_EQ(json.value(u"name"_s).toString(), u"dashboard"_s);
    EXPECT_EQ(json.value(u"url"_s).toString(), u"https://dashboard.arcade.st.dev/"_s);
    EXPECT_EQ(json.value(u"state"_s).toString(), u"up"_s);
    EXPECT_EQ(json.value(u"http_status"_s).toInt(), 302);
    EXPECT_EQ(json.value(u"latency_ms"_s).toInt(), 84);
    EXPECT_EQ(json.value(u"tls_days_left"_s).toInt(), 30);
    EXPECT_TRUE(json.value(u"error"_s).isNull());
    EXPECT_EQ(json.value(u"checked_at"_s).toString(), u"2026-06-18T09:30:05Z"_s);
    EXPECT_EQ(json.value(u"redirects"_s).toArray().first().toString(), result.redirectChain.first().toString());
    EXPECT_EQ(json.value(u"sign_in_host"_s).toString(), u"login.microsoftonline.com"_s);
    const QJsonObject certificate = json.value(u"certificate"_s).toObject();
    EXPECT_EQ(certificate.value(u"leaf_issuer"_s).toString(), u"R11"_s);
    EXPECT_EQ(certificate.value(u"leaf_expires_at"_s).toString(), u"2026-07-28T09:30:05Z"_s);
    EXPECT_EQ(certificate.value(u"earliest_expires_at"_s).toString(), u"2026-07-18T09:30:05Z"_s);
}

TEST(ProbeResultJsonTest, AbsentValuesAreNull)
{
    ProbeResult result;
    result.endpoint = u"engine"_s;
    result.url = QUrl(u"http://127.0.0.1:1/"_s);
    result.state = EndpointState::Unreachable;
    result.error = u"The connection to 127.0.0.1:1 was refused; nothing is listening there."_s;
    result.checkedAt = QDateTime::currentDateTimeUtc();

    const QJsonObject json = result.toJson();

    EXPECT_TRUE(json.value(u"http_status"_s).isNull());
    EXPECT_TRUE(json.value(u"tls_days_left"_s).isNull());
    EXPECT_TRUE(json.value(u"certificate"_s).isNull());
    EXPECT_TRUE(json.value(u"sign_in_host"_s).isNull());
    EXPECT_EQ(json.value(u"state"_s).toString(), u"unreachable"_s);
    EXPECT_EQ(json.value(u"error"_s).toString(), result.error);
}

TEST(EndpointStateTest, NamesAndHealth)
{
    const std::vector<std::pair<EndpointState, const char *>> names{
        {EndpointState::Up, "up"}, {EndpointState::AuthRequired, "auth_required"},
        {EndpointState::Degraded, "degraded"}, {EndpointState::Down, "down"},
        {EndpointState::Unreachable, "unreachable"}, {EndpointState::Timeout, "timeout"},
        {EndpointState::TlsError, "tls_error"}, {EndpointState::InvalidResponse, "invalid_response"},
        {EndpointState::NotConfigured, "not_configured"}};

    for (const auto &[state, name] : names) {
        EXPECT_EQ(toString(state), QLatin1String(name));
        const bool healthy = state == EndpointState::Up || state == EndpointState::AuthRequired;
        EXPECT_EQ(isHealthy(state), healthy) << name;
    }
}

} // namespace
} // namespace poc::test
