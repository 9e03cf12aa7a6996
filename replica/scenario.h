#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace poc::replica {

// The states the replica can stand in for.
enum class Scenario {
    Seed,         // as recorded: export failures every 60 s, no Engine series
    Fixed,        // collector deployed: no failures, Engine series present
    Outage,       // Engine 503, Coordinator 502, Dashboard 503, Experience 502
    Slow,         // the four endpoints and the MCP gateway respond after a delay
    AuthExpired,  // the API key is rejected, and Kibana and Mimir return 401
    KibanaSignIn, // Kibana returns 200 with an HTML sign-in page instead of JSON
    ShardFailure, // Elasticsearch returns 200 with one failed shard
    SlowSearch,   // Kibana and Elasticsearch searches respond after a delay
    McpSse,       // the MCP gateway replies as text/event-stream
};

// Scenarios other than Fixed serve the recorded (seed) data besides their fault.

std::optional<Scenario> parseScenario(QStringView name);
QString toString(Scenario scenario);
QStringList scenarioNames();

} // namespace poc::replica
