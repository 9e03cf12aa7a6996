#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace poc::replica {

// The reference server's tools behind the demo gateway: echo, whoami and add.

// Tool descriptions for tools/list, in listing order.
QJsonArray mcpToolDescriptions();

// Runs a tool and returns its CallToolResult, or nullopt when no tool has that name.
// Invalid arguments give a result with isError set, as MCP reports tool errors.
std::optional<QJsonObject> callMcpTool(const QString &name, const QJsonObject &arguments, const QString &userId);

} // namespace poc::replica
