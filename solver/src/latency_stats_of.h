#pragma once

#include "engine/metrics/snapshot.h"
#include "solver/planning_input.h"

namespace headroom::solver {

// The replayed statistics of the metric a class's bound applies to.
inline const engine::LatencyStats& statsOf(const engine::ClassSnapshot& cls, LatencyMetric metric) {
  switch (metric) {
    case LatencyMetric::Queue: return cls.queue;
    case LatencyMetric::Ttft: return cls.ttft;
    case LatencyMetric::Ttlt: return cls.ttlt;
  }
  return cls.ttlt;
}

}  // namespace headroom::solver
