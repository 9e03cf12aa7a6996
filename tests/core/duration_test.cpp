#include "core/duration.h"

#include <gtest/gtest.h>

using namespace std::chrono_literals;

namespace {

struct DurationCase {
    const char *text;
    std::chrono::milliseconds expected;
};

class DurationParse : public testing::TestWithParam<DurationCase> {};

TEST_P(DurationParse, ReadsUnit)
{
    const auto parsed = poc::parseDuration(QString::fromLatin1(GetParam().text));
    ASSERT_TRUE(parsed.has_value()) << GetParam().text;
    EXPECT_EQ(parsed->count(), GetParam().expected.count());
}

INSTANTIATE_TEST_SUITE_P(Units, DurationParse,
                         testing::Values(DurationCase{"250ms", 250ms}, DurationCase{"30s", 30s},
                                         DurationCase{"15m", 15min}, DurationCase{"2h", 2h},
                                         DurationCase{"7d", 168h}, DurationCase{" 5s ", 5s}));

TEST(Duration, RejectsBareNumberAndUnknownUnit)
{
    EXPECT_FALSE(poc::parseDuration(u"30").has_value());
    EXPECT_FALSE(poc::parseDuration(u"30 seconds").has_value());
    EXPECT_FALSE(poc::parseDuration(u"-5s").has_value());
    EXPECT_FALSE(poc::parseDuration(u"").has_value());
}

TEST(Duration, FormatsLargestExactUnit)
{
    EXPECT_EQ(poc::formatDuration(15min), QStringLiteral("15m"));
    EXPECT_EQ(poc::formatDuration(90s), QStringLiteral("90s"));
    EXPECT_EQ(poc::formatDuration(1500ms), QStringLiteral("1500ms"));
    EXPECT_EQ(poc::formatDuration(48h), QStringLiteral("2d"));
}

} // namespace
