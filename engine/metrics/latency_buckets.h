#pragma once

#include <vector>

namespace headroom::engine {

// The one set of upper bounds (seconds) of every fixed-bound latency histogram a server or router
// exposes on /metrics, the same for every class and every latency (queue, TTFT, TBT, end to end), so
// buckets add up across classes (`sum by (le)`) and never change while a process runs. SLO attainment
// is not read off these buckets: it has counters of its own (MetricsCollector::sloCounts), judged
// against the SLO in force when each request finished. From 1 ms to 1 h, about three bounds a decade.
inline const std::vector<double>& latencyBucketBoundsS() {
  static const std::vector<double> bounds{0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.075, 0.1,  0.25, 0.5,  0.75,   1.0,
                                          2.5,   5.0,    7.5,   10.0, 15.0,  30.0, 60.0,  120.0, 300.0, 600.0, 1800.0, 3600.0};
  return bounds;
}

}  // namespace headroom::engine
