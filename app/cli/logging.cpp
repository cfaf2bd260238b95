#include "app/cli/logging.h"

#include <cstdlib>
#include <stdexcept>

#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

namespace headroom::cli {

void configureLogging(const std::string& flagLevel) {
  std::string level = flagLevel;
  if (level.empty()) {
    const char* env = std::getenv("HEADROOM_LOG_LEVEL");
    level = env && *env ? env : "warn";
  }
  const auto parsed = spdlog::level::from_str(level);
  // from_str answers "off" for anything it does not know.
  if (parsed == spdlog::level::off && level != "off") {
    throw std::invalid_argument("log level '" + level + "' is not one of " + kLogLevels);
  }
  auto logger = spdlog::stderr_color_mt("headroom");
  spdlog::set_default_logger(logger);
  spdlog::set_level(parsed);
}

}  // namespace headroom::cli
