#pragma once

#include <QList>
#include <QPointF>

#include <cstddef>
#include <optional>

#include "engine/metrics/latency_metric.h"
#include "engine/metrics/snapshot.h"

namespace headroom::ui {

// Points of one class's latency over a span of the series: x = window end in seconds of virtual time,
// y = seconds. Windows without a sample of the metric give no point.
struct LatencyPoints {
  QList<QPointF> p50;
  QList<QPointF> watched;
  double maxS = 0.0;  // the largest y over both lists; 0 when both are empty
};

// Samples windows ending in (fromS, toS] of `series` for class `classIndex`. When more than `maxPoints`
// windows fall in the span, neighbours are merged in equal runs (the larger percentile wins, like the
// engine's own downsampling) so each list holds at most maxPoints points. Pure function, any thread.
LatencyPoints sampleLatency(const engine::MetricsSeries& series, std::size_t classIndex, engine::LatencyMetric metric,
                            double fromS, double toS, int maxPoints);

// Output tokens per second of class `classIndex` (or of all classes when classIndex is npos) over the
// windows ending in (toS - spanS, toS]; 0 when none.
double recentTokensPerS(const engine::MetricsSeries& series, std::size_t classIndex, double toS, double spanS);

// The metric a class is judged on first: TTFT for interactive classes (TTFT or TBT bound), else TTLT.
engine::LatencyMetric defaultMetric(const engine::Slo& slo);

}  // namespace headroom::ui
