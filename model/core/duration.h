#pragma once

#include <QString>

#include <chrono>
#include <optional>

namespace poc {

// Parses durations as users write them in the config: "250ms", "30s", "15m", "2h", "7d".
// A bare number is rejected because its unit would be a guess.
std::optional<std::chrono::milliseconds> parseDuration(QStringView text);

// Formats a duration in the largest unit that divides it exactly: 90000 ms -> "90s", 900000 ms -> "15m".
QString formatDuration(std::chrono::milliseconds duration);

} // namespace poc
