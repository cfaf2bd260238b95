#include "ui/charts/series_sampler.h"

#include <algorithm>

#include "engine/metrics/latency_of.h"

namespace headroom::ui {

namespace {

// First window ending after `fromS`.
engine::MetricsSeries::const_iterator firstAfter(const engine::MetricsSeries& series, double fromS) {
  const engine::TimePoint from = engine::timeFromSeconds(fromS);
  return std::upper_bound(series.begin(), series.end(), from,
                          [](engine::TimePoint t, const engine::SeriesWindow& w) { return t < w.end; });
}

void mergeMax(std::optional<double>& into, const std::optional<double>& value) {
  if (value && (!into || *value > *into)) into = value;
}

}  // namespace

LatencyPoints sampleLatency(const engine::MetricsSeries& series, std::size_t classIndex, engine::LatencyMetric metric,
                            double fromS, double toS, int maxPoints) {
  LatencyPoints points;
  if (maxPoints <= 0) return points;
  const engine::TimePoint to = engine::timeFromSeconds(toS);
  auto begin = firstAfter(series, fromS);
  auto end = std::upper_bound(begin, series.end(), to,
                              [](engine::TimePoint t, const engine::SeriesWindow& w) { return t < w.end; });
  const auto count = static_cast<std::size_t>(std::distance(begin, end));
  if (count == 0) return points;
  const std::size_t stride = (count + static_cast<std::size_t>(maxPoints) - 1) / static_cast<std::size_t>(maxPoints);
  points.p50.reserve(static_cast<qsizetype>(count / stride + 1));
  points.watched.reserve(static_cast<qsizetype>(count / stride + 1));
  for (auto it = begin; it != end;) {
    std::optional<double> p50;
    std::optional<double> watched;
    engine::TimePoint bucketEnd = it->end;
    for (std::size_t i = 0; i < stride && it != end; ++i, ++it) {
      if (classIndex < it->classes.size()) {
        const auto& latency = engine::latencyOf(it->classes[classIndex], metric);
        mergeMax(p50, latency.p50S);
        mergeMax(watched, latency.watchedS);
      }
      bucketEnd = it->end;
    }
    const double x = engine::toSeconds(bucketEnd);
    if (p50) {
      points.p50.append(QPointF(x, *p50));
      points.maxS = std::max(points.maxS, *p50);
    }
    if (watched) {
      points.watched.append(QPointF(x, *watched));
      points.maxS = std::max(points.maxS, *watched);
    }
  }
  return points;
}

double recentTokensPerS(const engine::MetricsSeries& series, std::size_t classIndex, double toS, double spanS) {
  if (spanS <= 0.0) return 0.0;
  auto it = firstAfter(series, toS - spanS);
  if (it == series.end()) return 0.0;
  const engine::TimePoint start = it->start;
  engine::TimePoint last = start;
  std::int64_t tokens = 0;
  const engine::TimePoint to = engine::timeFromSeconds(toS);
  for (; it != series.end() && it->end <= to; ++it) {
    for (std::size_t c = 0; c < it->classes.size(); ++c) {
      if (classIndex == static_cast<std::size_t>(-1) || c == classIndex) tokens += it->classes[c].tokensOut;
    }
    last = it->end;
  }
  const double lengthS = engine::toSeconds(last - start);
  return lengthS > 0.0 ? static_cast<double>(tokens) / lengthS : 0.0;
}

engine::LatencyMetric defaultMetric(const engine::Slo& slo) {
  return slo.interactive() ? engine::LatencyMetric::Ttft : engine::LatencyMetric::Ttlt;
}

}  // namespace headroom::ui
