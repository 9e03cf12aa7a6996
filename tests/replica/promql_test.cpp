#include "promql.h"

#include <gtest/gtest.h>

using namespace Qt::StringLiterals;

namespace poc::replica {
namespace {

const Labels kEngineUp{{u"__name__"_s, u"up"_s}, {u"namespace"_s, u"arcade"_s}, {u"job"_s, u"arcade/arcade-engine"_s}};

struct SelectCase {
    const char *query;
    bool selectsEngineUp;
};

void PrintTo(const SelectCase &testCase, std::ostream *out)
{
    *out << testCase.query << (testCase.selectsEngineUp ? " selects" : " does not select") << " the Engine series";
}

class PromQuerySelects : public testing::TestWithParam<SelectCase>
{
};

TEST_P(PromQuerySelects, MatchesEngineUp)
{
    const auto parsed = parsePromQuery(QString::fromUtf8(GetParam().query));

    ASSERT_TRUE(std::holds_alternative<PromQuery>(parsed)) << std::get<QString>(parsed).toStdString();
    EXPECT_EQ(std::get<PromQuery>(parsed).selects(kEngineUp), GetParam().selectsEngineUp);
}

INSTANTIATE_TEST_SUITE_P(Replica, PromQuerySelects,
                         testing::Values(SelectCase{"up", true}, SelectCase{"down", false},
                                         SelectCase{R"({namespace="arcade", job=~".*arcade-engine.*"})", true},
                                         SelectCase{R"({namespace="arcade", job=~"arcade-engine"})", false},
                                         SelectCase{R"(up{namespace!="arcade"})", false},
                                         SelectCase{R"(up{job!~"monitoring/.*"})", true},
                                         SelectCase{R"(sum(up{namespace='arcade'}))", true},
                                         SelectCase{R"(up{pod=""})", true}));

class PromQueryRejects : public testing::TestWithParam<const char *>
{
};

TEST_P(PromQueryRejects, WithParseError)
{
    const auto parsed = parsePromQuery(QString::fromUtf8(GetParam()));

    ASSERT_TRUE(std::holds_alternative<QString>(parsed));
    EXPECT_TRUE(std::get<QString>(parsed).contains(u"parse error"_s)) << std::get<QString>(parsed).toStdString();
}

INSTANTIATE_TEST_SUITE_P(Replica, PromQueryRejects,
                         testing::Values("", "up{", "up{job=}", R"({job=""})", R"(sum(up{job="a"})", "rate(up[5m])",
                                         R"(up{job=~"("})", "up @ 5"));

TEST(PromQuery, AggregationAndNumberKinds)
{
    EXPECT_EQ(std::get<PromQuery>(parsePromQuery(u"sum(up)")).kind, PromQuery::Kind::Aggregation);
    EXPECT_EQ(std::get<PromQuery>(parsePromQuery(u"sum(up)")).aggregation, u"sum"_s);
    EXPECT_EQ(std::get<PromQuery>(parsePromQuery(u"2.5")).number, 2.5);
    EXPECT_TRUE(std::holds_alternative<QString>(parseSeriesSelector(u"sum(up)")));
}

} // namespace
} // namespace poc::replica
