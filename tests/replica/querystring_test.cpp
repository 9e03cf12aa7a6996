#include "querystring.h"

#include <gtest/gtest.h>

using namespace Qt::StringLiterals;

namespace poc::replica {
namespace {

const LogFields kFailureLine{
    {u"message"_s, exportFailureMessage()},
    {u"kubernetes.namespace_name"_s, u"arcade"_s},
    {u"kubernetes.pod_name"_s, u"arcade-engine-6f8b9c7d5-q4z2x"_s},
};

struct QueryCase {
    const char *query;
    bool matches;
};

void PrintTo(const QueryCase &testCase, std::ostream *out)
{
    *out << testCase.query << (testCase.matches ? " matches" : " does not match");
}

class QueryStringMatches : public testing::TestWithParam<QueryCase>
{
};

TEST_P(QueryStringMatches, FailureLine)
{
    const auto compiled = compileQueryString(QString::fromUtf8(GetParam().query));

    ASSERT_TRUE(std::holds_alternative<DocumentFilter>(compiled)) << std::get<QString>(compiled).toStdString();
    EXPECT_EQ(std::get<DocumentFilter>(compiled)(kFailureLine), GetParam().matches);
}

INSTANTIATE_TEST_SUITE_P(
    Replica, QueryStringMatches,
    testing::Values(QueryCase{"*", true},
                    QueryCase{R"(kubernetes.namespace_name:"arcade" AND message:"failed to upload metrics" AND message:"arcade-otel-collector")", true},
                    QueryCase{R"(kubernetes.namespace_name:"other" AND message:"failed to upload metrics")", false},
                    QueryCase{R"(message:"FAILED TO UPLOAD")", true},
                    QueryCase{"kubernetes.namespace_name:arc", false},
                    QueryCase{"kubernetes.pod_name:arcade-engine-*", true},
                    QueryCase{"message:upl*", true},
                    QueryCase{R"(NOT message:"no such host")", false},
                    QueryCase{R"(-message:"no such host")", false},
                    QueryCase{R"(message:nothing OR "no such host")", true},
                    QueryCase{R"((message:nothing OR message:lookup) AND kubernetes.namespace_name:arcade)", true},
                    QueryCase{"message:*", true},
                    QueryCase{"Tracing.TraceId:*", false}));

TEST(QueryString, UnbalancedParenthesisIsError)
{
    EXPECT_TRUE(std::holds_alternative<QString>(compileQueryString(u"(message:x"_s)));
    EXPECT_TRUE(std::holds_alternative<QString>(compileQueryString(u"message:x)"_s)));
    EXPECT_TRUE(std::holds_alternative<QString>(compileQueryString(u"message:x AND"_s)));
}

} // namespace
} // namespace poc::replica
