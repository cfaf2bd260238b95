#include "engine/metrics/latency_metric.h"

#include <array>

namespace headroom::engine {

namespace {

struct NamedMetric {
  LatencyMetric metric;
  std::string_view name;
};

// The one list of names, both directions.
constexpr std::array<NamedMetric, 5> kNamedMetrics{{
    {LatencyMetric::Queue, "queue"},
    {LatencyMetric::Ttft, "ttft"},
    {LatencyMetric::Tbt, "tbt"},
    {LatencyMetric::Ttlt, "ttlt"},
    {LatencyMetric::TokenGap, "token_gap"},
}};

}  // namespace

std::string_view toString(LatencyMetric metric) {
  for (const NamedMetric& named : kNamedMetrics) {
    if (named.metric == metric) return named.name;
  }
  return "ttlt";
}

std::optional<LatencyMetric> latencyMetricFromString(std::string_view text) {
  for (const NamedMetric& named : kNamedMetrics) {
    if (named.name == text) return named.metric;
  }
  return std::nullopt;
}

}  // namespace headroom::engine
