#include "engine/metrics/latency_of.h"

namespace headroom::engine {

const LatencyStats& latencyOf(const ClassSnapshot& cls, LatencyMetric metric) {
  switch (metric) {
    case LatencyMetric::Queue: return cls.queue;
    case LatencyMetric::Ttft: return cls.ttft;
    case LatencyMetric::Tbt: return cls.tbt;
    case LatencyMetric::TokenGap: return cls.tokenGap;
    case LatencyMetric::Ttlt: return cls.ttlt;
  }
  return cls.ttlt;
}

const WindowLatency& latencyOf(const WindowClassStats& stats, LatencyMetric metric) {
  switch (metric) {
    case LatencyMetric::Queue: return stats.queue;
    case LatencyMetric::Ttft: return stats.ttft;
    case LatencyMetric::Tbt: return stats.tbt;
    case LatencyMetric::TokenGap: return stats.tokenGap;
    case LatencyMetric::Ttlt: return stats.ttlt;
  }
  return stats.ttlt;
}

std::optional<double> sloBoundS(const Slo& slo, LatencyMetric metric) {
  std::optional<Duration> bound;
  switch (metric) {
    case LatencyMetric::Queue:
    case LatencyMetric::TokenGap: return std::nullopt;
    case LatencyMetric::Ttft: bound = slo.ttft; break;
    case LatencyMetric::Tbt: bound = slo.tbt; break;
    case LatencyMetric::Ttlt: bound = slo.ttlt; break;
  }
  if (!bound) return std::nullopt;
  return toSeconds(*bound);
}

}  // namespace headroom::engine
