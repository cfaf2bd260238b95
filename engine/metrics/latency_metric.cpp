#include "engine/metrics/latency_metric.h"

namespace headroom::engine {

std::string_view toString(LatencyMetric metric) {
  switch (metric) {
    case LatencyMetric::Queue: return "queue";
    case LatencyMetric::Ttft: return "ttft";
    case LatencyMetric::Tbt: return "tbt";
    case LatencyMetric::Ttlt: return "ttlt";
  }
  return "ttlt";
}

std::optional<LatencyMetric> latencyMetricFromString(std::string_view text) {
  if (text == "queue") return LatencyMetric::Queue;
  if (text == "ttft") return LatencyMetric::Ttft;
  if (text == "tbt") return LatencyMetric::Tbt;
  if (text == "ttlt") return LatencyMetric::Ttlt;
  return std::nullopt;
}

}  // namespace headroom::engine
