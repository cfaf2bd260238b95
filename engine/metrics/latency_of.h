#pragma once

#include <optional>

#include "engine/core/qos_class.h"
#include "engine/metrics/latency_metric.h"
#include "engine/metrics/snapshot.h"

namespace headroom::engine {

// One metric's values picked out of the types that hold all four. Pure functions on values.

// A class's whole-run statistics of `metric`, in seconds.
const LatencyStats& latencyOf(const ClassSnapshot& cls, LatencyMetric metric);
// A class's statistics of `metric` within one time-series window, in seconds.
const WindowLatency& latencyOf(const WindowClassStats& stats, LatencyMetric metric);
// The class's bound on `metric` in seconds, if it has one; never for queue or token_gap: an Slo bounds
// neither queue time nor any single gap between tokens (its TBT bound judges LatencyMetric::Tbt).
std::optional<double> sloBoundS(const Slo& slo, LatencyMetric metric);

}  // namespace headroom::engine
