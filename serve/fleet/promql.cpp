#include "serve/fleet/promql.h"

#include <charconv>
#include <system_error>

namespace headroom::serve {

std::string promqlString(std::string_view text) {
  std::string out = "\"";
  for (const char c : text) {
    switch (c) {
      case '\\': out += "\\\\"; break;
      case '"': out += "\\\""; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default: out += c;
    }
  }
  out += '"';
  return out;
}

std::string classMatcher(std::string_view className) { return "{class=" + promqlString(className) + "}"; }

std::string promDuration(std::chrono::minutes duration) {
  const auto minutes = duration.count();
  if (minutes != 0 && minutes % 60 == 0) return std::to_string(minutes / 60) + "h";
  return std::to_string(minutes) + "m";
}

std::string promNumber(double value) {
  char buffer[64];
  const auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::general, 12);
  if (error != std::errc{}) return std::to_string(value);
  std::string text(buffer, end);
  return text;
}

std::string percentileName(double percentile) {
  std::string name = "p";
  name += promNumber(percentile);
  return name;
}

}  // namespace headroom::serve
