#include "scenario.h"

#include <array>
#include <utility>

namespace poc::replica {

namespace {

constexpr std::array<std::pair<Scenario, QStringView>, 9> kNames{{
    {Scenario::Seed, u"seed"},
    {Scenario::Fixed, u"fixed"},
    {Scenario::Outage, u"outage"},
    {Scenario::Slow, u"slow"},
    {Scenario::AuthExpired, u"auth-expired"},
    {Scenario::KibanaSignIn, u"kibana-sign-in"},
    {Scenario::ShardFailure, u"shard-failure"},
    {Scenario::SlowSearch, u"slow-search"},
    {Scenario::McpSse, u"mcp-sse"},
}};

} // namespace

std::optional<Scenario> parseScenario(QStringView name)
{
    for (const auto &[scenario, text] : kNames) {
        if (text == name)
            return scenario;
    }
    return std::nullopt;
}

QString toString(Scenario scenario)
{
    for (const auto &[value, text] : kNames) {
        if (value == scenario)
            return text.toString();
    }
    return {};
}

QStringList scenarioNames()
{
    QStringList names;
    for (const auto &entry : kNames)
        names.append(entry.second.toString());
    return names;
}

} // namespace poc::replica
