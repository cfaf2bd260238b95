#pragma once

#include <chrono>
#include <string>
#include <string_view>

namespace headroom::serve {

// Pieces of PromQL text that Headroom's generated rules and dashboards share.

// `text` as a PromQL double-quoted string literal: "chat", with '\\', '"' and line breaks escaped.
std::string promqlString(std::string_view text);
// The label matcher of one class: {class="chat"}.
std::string classMatcher(std::string_view className);
// A range or duration as Prometheus writes it: 5m, 30m, 1h, 6h (minutes, as hours when whole).
std::string promDuration(std::chrono::minutes duration);
// A number as rule and dashboard text shows it: shortest round-trip form, no exponent for ordinary
// values (0.144, 0.06, 14.4).
std::string promNumber(double value);
// A percentile's short name: p99, p99.9, p50.
std::string percentileName(double percentile);

}  // namespace headroom::serve
