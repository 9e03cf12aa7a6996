#include "commandline.h"

#include <gtest/gtest.h>

namespace {

using poc::app::Command;
using poc::app::parseCommandLine;

poc::app::ParseOutcome parse(const QStringList &arguments)
{
    return parseCommandLine(QStringList{QStringLiteral("arcade-poc-dashboard")} + arguments);
}

TEST(CommandLine, NoArgumentsOpensWindow)
{
    const auto outcome = parse({});

    ASSERT_TRUE(outcome.invocation.has_value());
    EXPECT_EQ(outcome.invocation->command, Command::Window);
    EXPECT_FALSE(outcome.invocation->demo);
}

TEST(CommandLine, CheckTakesFormatAndDemo)
{
    const auto outcome = parse({QStringLiteral("check"), QStringLiteral("--demo"), QStringLiteral("--format"),
                                QStringLiteral("json"), QStringLiteral("--scenario"), QStringLiteral("outage")});

    ASSERT_TRUE(outcome.invocation.has_value());
    EXPECT_EQ(outcome.invocation->command, Command::Check);
    EXPECT_TRUE(outcome.invocation->demo);
    EXPECT_EQ(outcome.invocation->format, QStringLiteral("json"));
    EXPECT_EQ(outcome.invocation->scenario, QStringLiteral("outage"));
}

TEST(CommandLine, FixturesKeepsItsWords)
{
    const auto outcome = parse({QStringLiteral("fixtures"), QStringLiteral("set-api-key"), QStringLiteral("--label"),
                                QStringLiteral("ci key")});

    ASSERT_TRUE(outcome.invocation.has_value());
    EXPECT_EQ(outcome.invocation->command, Command::Fixtures);
    EXPECT_EQ(outcome.invocation->commandArguments,
              (QStringList{QStringLiteral("set-api-key"), QStringLiteral("--label"), QStringLiteral("ci key")}));
}

struct RejectedCase {
    const char *name;
    QStringList arguments;
    const char *messagePart;
};

void PrintTo(const RejectedCase &testCase, std::ostream *out)
{
    *out << testCase.name;
}

class CommandLineRejected : public testing::TestWithParam<RejectedCase> {};

TEST_P(CommandLineRejected, ExitsTwoWithReason)
{
    const auto outcome = parse(GetParam().arguments);

    EXPECT_FALSE(outcome.invocation.has_value());
    EXPECT_EQ(outcome.exitCode, 2);
    EXPECT_TRUE(outcome.outputIsError);
    EXPECT_TRUE(outcome.output.contains(QString::fromLatin1(GetParam().messagePart))) << outcome.output.toStdString();
}

INSTANTIATE_TEST_SUITE_P(
    Cases, CommandLineRejected,
    testing::Values(
        RejectedCase{"UnknownCommand", {QStringLiteral("chek")}, "unknown command \"chek\""},
        RejectedCase{"BadFormat", {QStringLiteral("check"), QStringLiteral("--format"), QStringLiteral("yaml")},
                     "invalid --format \"yaml\""},
        RejectedCase{"CapturePanelMissing", {QStringLiteral("capture"), QStringLiteral("--out"), QStringLiteral("a.png")},
                     "--panel"},
        RejectedCase{"CaptureNotPng",
                     {QStringLiteral("capture"), QStringLiteral("--panel"), QStringLiteral("overview"),
                      QStringLiteral("--out"), QStringLiteral("a.jpg")},
                     "name a .png file"},
        RejectedCase{"ReportWithoutOut", {QStringLiteral("report")}, "missing --out DIR"},
        RejectedCase{"ForeignOption", {QStringLiteral("check"), QStringLiteral("--panel"), QStringLiteral("x")},
                     "option --panel does not apply to 'check'"},
        RejectedCase{"ScenarioWithoutDemo", {QStringLiteral("check"), QStringLiteral("--scenario"), QStringLiteral("seed")},
                     "--scenario needs --demo"},
        RejectedCase{"ConfigAndDemo",
                     {QStringLiteral("--demo"), QStringLiteral("--config"), QStringLiteral("x.yaml")},
                     "exclude each other"},
        RejectedCase{"UnknownOption", {QStringLiteral("--colour")}, "Unknown option 'colour'"},
        RejectedCase{"FixturesWithoutAction", {QStringLiteral("fixtures")}, "missing fixtures action"}),
    [](const testing::TestParamInfo<RejectedCase> &info) { return std::string(info.param.name); });

TEST(CommandLine, HelpDescribesEveryCommand)
{
    const auto outcome = parse({QStringLiteral("--help")});

    EXPECT_FALSE(outcome.invocation.has_value());
    EXPECT_EQ(outcome.exitCode, 0);
    for (const char *word : {"check", "capture", "report", "fixtures list", "fixtures set ID VALUE",
                             "fixtures set-api-key", "fixtures verify", "replica", "--config", "--demo",
                             "--scenario", "--format", "--panel", "--out", "--listen", "--label", "30s, 15m"})
        EXPECT_TRUE(outcome.output.contains(QString::fromLatin1(word))) << word;
}

TEST(CommandLine, VersionNamesQt)
{
    const auto outcome = parse({QStringLiteral("--version")});

    EXPECT_EQ(outcome.output, QStringLiteral("arcade-poc-dashboard %1 (Qt %2)\n")
                                  .arg(QStringLiteral(POC_VERSION), QString::fromLatin1(qVersion())));
}

} // namespace
