#include "core/configloader.h"

#include "testsupport.h"

#include <gtest/gtest.h>

using namespace std::chrono_literals;

namespace {

const QByteArray kMinimal = R"(environment:
  name: test
endpoints:
  - name: engine
    url: https://engine.example.test/v1/health
    expect: engine-health
)";

poc::ConfigLoadResult parse(const QByteArray &text)
{
    return poc::parseConfig(text, QStringLiteral("test.yaml"));
}

TEST(ConfigLoader, DefaultConfigHasLivePoc)
{
    const poc::Config config = poc::defaultConfig();

    ASSERT_EQ(config.endpoints.size(), 4);
    EXPECT_EQ(config.endpoints[0].url, QUrl(QStringLiteral("https://api.arcade.st.dev/v1/health")));
    EXPECT_EQ(config.endpoints[0].expect, poc::EndpointExpectation::EngineHealth);
    EXPECT_EQ(config.endpoints[2].expect, poc::EndpointExpectation::SignInRedirect);
    EXPECT_EQ(config.gateway.urlTemplate, QStringLiteral("https://api.arcade.st.dev/mcp/{slug}"));
    EXPECT_EQ(config.mimir.tenant, QStringLiteral("k8s-backstage-v4"));
    EXPECT_EQ(config.mimir.url, QUrl(QStringLiteral("http://mimir-nginx.mimir.observability-wus2/prometheus")));
    EXPECT_FALSE(config.kibana.isConfigured());
    ASSERT_EQ(config.gaps.size(), 2);
    EXPECT_EQ(config.gaps[0].id, QStringLiteral("otel-collector-missing"));
    EXPECT_EQ(config.gaps[1].id, QStringLiteral("otlp-prometheus-bridge-missing"));
    EXPECT_EQ(config.facts.items.first().asOf, QDate(2026, 6, 18));
    EXPECT_FALSE(config.demo);
}

TEST(ConfigLoader, DemoConfigPointsAtReplica)
{
    const poc::Config config = poc::demoConfig(QUrl(QStringLiteral("http://127.0.0.1:4567")));

    EXPECT_TRUE(config.demo);
    EXPECT_EQ(config.endpoints[0].url, QUrl(QStringLiteral("http://127.0.0.1:4567/engine/v1/health")));
    EXPECT_EQ(config.gateway.urlTemplate, QStringLiteral("http://127.0.0.1:4567/mcp/{slug}"));
    EXPECT_TRUE(config.kibana.isConfigured());
    EXPECT_EQ(config.mimir.url, QUrl(QStringLiteral("http://127.0.0.1:4567/prometheus")));
}

TEST(ConfigLoader, MinimalConfigUsesDefaults)
{
    const poc::ConfigLoadResult result = parse(kMinimal);

    ASSERT_TRUE(result.config.has_value());
    EXPECT_TRUE(result.warnings.isEmpty());
    EXPECT_EQ(result.config->polling.interval, 30s);
    EXPECT_EQ(result.config->polling.failuresBeforeDown, 2);
    EXPECT_EQ(result.config->polling.successesBeforeUp, 1);
    EXPECT_EQ(result.config->endpoints[0].title, QStringLiteral("engine"));
}

TEST(ConfigLoader, ReadsDurations)
{
    const poc::ConfigLoadResult result = parse(kMinimal + "polling:\n  interval: 15m\n  timeout: 250ms\n");

    ASSERT_TRUE(result.config.has_value());
    EXPECT_EQ(result.config->polling.interval, 15min);
    EXPECT_EQ(result.config->polling.timeout, 250ms);
}

TEST(ConfigLoader, Sha256CoversExactBytes)
{
    const auto first = parse(kMinimal);
    const auto second = parse(kMinimal + "# comment\n");

    ASSERT_TRUE(first.config.has_value());
    ASSERT_TRUE(second.config.has_value());
    EXPECT_EQ(first.config->sha256().size(), 64);
    EXPECT_NE(first.config->sha256(), second.config->sha256());
}

struct InvalidCase {
    const char *name;
    QByteArray text;
    int line;
    int column;
    const char *key;
    const char *messagePart;
};

void PrintTo(const InvalidCase &testCase, std::ostream *out)
{
    *out << testCase.name;
}

class ConfigLoaderInvalid : public testing::TestWithParam<InvalidCase> {};

TEST_P(ConfigLoaderInvalid, ReportsLocation)
{
    const InvalidCase &testCase = GetParam();
    const poc::ConfigLoadResult result = parse(testCase.text);

    EXPECT_FALSE(result.config.has_value());
    ASSERT_EQ(result.errors.size(), 1) << result.errors.value(1).toString().toStdString();
    const poc::ConfigIssue &issue = result.errors.first();
    EXPECT_EQ(issue.file, QStringLiteral("test.yaml"));
    EXPECT_EQ(issue.line, testCase.line);
    EXPECT_EQ(issue.column, testCase.column);
    EXPECT_EQ(issue.key, QString::fromLatin1(testCase.key));
    EXPECT_TRUE(issue.message.contains(QString::fromLatin1(testCase.messagePart)))
        << issue.message.toStdString();
}

INSTANTIATE_TEST_SUITE_P(
    Cases, ConfigLoaderInvalid,
    testing::Values(
        InvalidCase{"SyntaxError", "endpoints:\n  - name: [engine\n", 3, 1, "", "invalid YAML"},
        InvalidCase{"WrongType", "endpoints:\n  name: engine\n", 2, 3, "endpoints", "expected a list"},
        InvalidCase{"MissingUrl", "endpoints:\n  - name: engine\n", 2, 5, "endpoints[0].url",
                    "missing required key"},
        InvalidCase{"MissingEndpoints", "environment:\n  name: x\n", 1, 1, "endpoints", "missing required key"},
        InvalidCase{"InvalidUrl", kMinimal + "  - name: other\n    url: htp:/broken\n", 8, 10,
                    "endpoints[1].url", "invalid URL \"htp:/broken\""},
        InvalidCase{"InvalidDuration", kMinimal + "polling:\n  interval: 30\n", 8, 13, "polling.interval",
                    "invalid duration \"30\""},
        InvalidCase{"InvalidChoice", kMinimal + "    slow_after: 2s\nkibana:\n  mode: discover\n", 9, 9,
                    "kibana.mode", "use one of: console-proxy, elasticsearch"},
        InvalidCase{"InvalidCount", kMinimal + "polling:\n  failures_before_down: 0\n", 8, 25,
                    "polling.failures_before_down", "from 1 to 100"},
        InvalidCase{"UnknownGapQuery",
                    kMinimal + "gaps:\n  - id: g\n    source: mimir\n    query: nothing\n", 10, 12,
                    "gaps[0].query", "unknown query id \"nothing\""},
        InvalidCase{"DuplicateKey", kMinimal + "environment:\n  name: second\n", 7, 1, "environment",
                    "duplicate key"},
        InvalidCase{"TemplateWithoutSlug", kMinimal + "gateway:\n  url_template: https://x.test/mcp\n", 8, 17,
                    "gateway.url_template", "must contain {slug}"}),
    [](const testing::TestParamInfo<InvalidCase> &info) { return std::string(info.param.name); });

TEST(ConfigLoader, UnknownKeyIsWarning)
{
    const poc::ConfigLoadResult result = parse(kMinimal + "polling:\n  intervall: 5s\n");

    ASSERT_TRUE(result.config.has_value());
    ASSERT_EQ(result.warnings.size(), 1);
    EXPECT_EQ(result.warnings.first().key, QStringLiteral("polling.intervall"));
    EXPECT_EQ(result.warnings.first().line, 8);
}

TEST(ConfigLoader, IssueTextNamesFileLineAndKey)
{
    const poc::ConfigIssue issue{QStringLiteral("c.yaml"), 12, 5, QStringLiteral("endpoints[2].url"),
                                 QStringLiteral("invalid URL")};

    EXPECT_EQ(issue.toString(), QStringLiteral("c.yaml:12:5: endpoints[2].url: invalid URL"));
}

TEST(ConfigLoader, MissingFileNamesPath)
{
    const poc::ConfigLoadResult result = poc::loadConfigFile(QStringLiteral("/nonexistent/arcade.yaml"));

    ASSERT_EQ(result.errors.size(), 1);
    EXPECT_TRUE(result.errors.first().toString().contains(QStringLiteral("/nonexistent/arcade.yaml")));
}

TEST(ConfigLoader, UserConfigPathIsInConfigHome)
{
    const poc::test::IsolatedPaths paths;

    EXPECT_TRUE(poc::userConfigPath().startsWith(paths.configHome()));
    EXPECT_TRUE(poc::userConfigPath().endsWith(QStringLiteral("/config.yaml")));
}

} // namespace
