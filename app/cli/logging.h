#pragma once

#include <string>

namespace headroom::cli {

inline constexpr const char* kLogLevels = "trace, debug, info, warn, error, critical, off";

// Sets spdlog's level: the --log-level flag when given, else HEADROOM_LOG_LEVEL, else "warn".
// Logs go to stderr so that stdout stays clean for tables and JSON. Throws on an unknown level.
void configureLogging(const std::string& flagLevel);

}  // namespace headroom::cli
