#include "probetestsupport.h"
#include "testcertificates.h"
#include "testhttpserver.h"

#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace poc::test {
namespace {

class ProbeTlsTest : public testing::Test
{
protected:
    static void SetUpTestSuite()
    {
        s_folder = new QTemporaryDir();
        s_certificates = new TestCertificates(makeTestCertificates(s_folder->path()));
    }

    static void TearDownTestSuite()
    {
        delete s_certificates;
        delete s_folder;
    }

    void SetUp() override
    {
        ASSERT_TRUE(s_certificates->error.isEmpty()) << s_certificates->error.toStdString();
        server.listenOnLoopback();
        server.setReply({jsonResponse(200, "OK", R"({"healthy":true})")});
    }

    ProbeResult probe(const ServerIdentity &identity, bool trustTestCa = true)
    {
        server.setTls(identity.chain, identity.key);

        Config config;
        config.polling.timeout = 5s;
        if (trustTestCa)
            config.tls.caBundle = s_certificates->caPath;
        const ProbeOptions options = probeOptions(config);
        EXPECT_TRUE(options.caBundleProblem.isEmpty()) << options.caBundleProblem.toStdString();

        return probeOnce(endpointConfig(server.url(u"/v1/health"_s), EndpointExpectation::EngineHealth), options, &network);
    }

    static const TestCertificates &certificates() { return *s_certificates; }

    TestHttpServer server;
    QNetworkAccessManager network;

private:
    static inline QTemporaryDir *s_folder = nullptr;
    static inline TestCertificates *s_certificates = nullptr;
};

TEST_F(ProbeTlsTest, TrustedThroughCaBundleIsUp)
{
    const ProbeResult result = probe(certificates().valid);

    EXPECT_EQ(toString(result.state), u"up"_s) << result.error.toStdString();
    EXPECT_EQ(result.httpStatus, 200);
    ASSERT_TRUE(result.leafCertificate.has_value());
    EXPECT_EQ(result.leafCertificate->issuer, u"POC Test CA"_s);
    EXPECT_EQ(result.leafCertificate->expiresAt, certificates().valid.chain.first().expiryDate());
    const int leafDays = result.leafCertificate->daysLeft(result.checkedAt);
    EXPECT_TRUE(leafDays == 19 || leafDays == 20) << leafDays;
}

TEST_F(ProbeTlsTest, EarliestExpiringCertificateOfChain)
{
    // The test CA is valid for 10 days and the leaf for 20, so the CA expires first.
    const ProbeResult result = probe(certificates().valid);

    ASSERT_TRUE(result.earliestExpiring.has_value());
    EXPECT_EQ(result.earliestExpiring->subject, u"POC Test CA"_s);
    ASSERT_TRUE(result.tlsDaysLeft().has_value());
    EXPECT_TRUE(*result.tlsDaysLeft() == 9 || *result.tlsDaysLeft() == 10) << *result.tlsDaysLeft();
    EXPECT_EQ(result.toJson().value(u"tls_days_left"_s).toInt(), *result.tlsDaysLeft());
}

TEST_F(ProbeTlsTest, ExpiredCertificateIsTlsError)
{
    const ProbeResult result = probe(certificates().expired);

    EXPECT_EQ(toString(result.state), u"tls_error"_s);
    EXPECT_TRUE(result.error.contains(u"expired"_s)) << result.error.toStdString();
    EXPECT_EQ(result.httpStatus, 0);
    EXPECT_EQ(server.requestCount(), 0);
    ASSERT_TRUE(result.leafCertificate.has_value());
    EXPECT_LT(result.leafCertificate->daysLeft(result.checkedAt), 0);
}

TEST_F(ProbeTlsTest, WrongHostNameIsTlsError)
{
    const ProbeResult result = probe(certificates().wrongHost);

    EXPECT_EQ(toString(result.state), u"tls_error"_s);
    EXPECT_TRUE(result.error.contains(u"host name 127.0.0.1"_s)) << result.error.toStdString();
    EXPECT_TRUE(result.error.contains(u"wrong-host.test"_s)) << result.error.toStdString();
    EXPECT_EQ(server.requestCount(), 0);
}

TEST_F(ProbeTlsTest, SelfSignedCertificateIsTlsError)
{
    const ProbeResult result = probe(certificates().selfSigned);

    EXPECT_EQ(toString(result.state), u"tls_error"_s);
    EXPECT_TRUE(result.error.contains(u"self-signed"_s)) << result.error.toStdString();
    EXPECT_EQ(server.requestCount(), 0);
}

TEST_F(ProbeTlsTest, UntrustedCaIsTlsError)
{
    const ProbeResult result = probe(certificates().valid, false);

    EXPECT_EQ(toString(result.state), u"tls_error"_s);
    EXPECT_TRUE(result.error.contains(u"trusted CA"_s)) << result.error.toStdString();
    EXPECT_EQ(server.requestCount(), 0);
}

TEST(ProbeOptionsTest, MissingCaBundleIsReported)
{
    Config config;
    config.tls.caBundle = u"/nonexistent/ca-bundle.pem"_s;

    const ProbeOptions options = probeOptions(config);

    EXPECT_TRUE(options.caCertificates.isEmpty());
    EXPECT_TRUE(options.caBundleProblem.contains(u"/nonexistent/ca-bundle.pem"_s)) << options.caBundleProblem.toStdString();
}

TEST(ProbeOptionsTest, CaBundleAddsToSystemStore)
{
    QTemporaryDir folder;
    const TestCertificates certificates = makeTestCertificates(folder.path());
    ASSERT_TRUE(certificates.error.isEmpty()) << certificates.error.toStdString();
    Config config;
    config.tls.caBundle = certificates.caPath;

    const ProbeOptions options = probeOptions(config);

    EXPECT_TRUE(options.caCertificates.contains(certificates.ca));
    EXPECT_GT(options.caCertificates.size(), 1) << "the system CA store is missing; install ca-certificates";
}

} // namespace
} // namespace poc::test
