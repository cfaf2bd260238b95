#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace headroom::engine {

// Which latency of a request a bound, a chart or a comparison is about: queue = arrival to first
// scheduled, ttft = arrival to first token, tbt = the request's effective time between tokens as its TBT
// bound judges it (see RequestState::worstTokenPace), ttlt = arrival to last token, token_gap = any one gap
// between two tokens (no bound judges it). The names ("queue", "ttft", "tbt", "ttlt", "token_gap") are the
// ones used on files and wires. A context that allows only some
// metrics (the planner has no TBT bound, a run comparison watches no queue time) checks its own subset.
// The numeric values are stable (the planner's measured-curve cache keys hold them).
enum class LatencyMetric : std::uint8_t { Queue = 0, Ttft = 1, Ttlt = 2, Tbt = 3, TokenGap = 4 };

std::string_view toString(LatencyMetric metric);
// The metric a wire/file name stands for; empty for any other text (names are lower case).
std::optional<LatencyMetric> latencyMetricFromString(std::string_view text);
inline constexpr std::string_view kLatencyMetricNames = "queue, ttft, tbt, ttlt, token_gap";

}  // namespace headroom::engine
