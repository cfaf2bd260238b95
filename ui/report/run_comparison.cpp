#include "ui/report/run_comparison.h"

#include <algorithm>
#include <stdexcept>
#include <string>

#include "engine/metrics/latency_of.h"

namespace headroom::ui {

namespace {

std::optional<double> difference(const std::optional<double>& a, const std::optional<double>& b) {
  if (!a || !b) return std::nullopt;
  return *b - *a;
}

}  // namespace

engine::LatencyMetric watchedMetric(const engine::Slo& slo) {
  if (slo.ttft) return engine::LatencyMetric::Ttft;
  if (slo.tbt) return engine::LatencyMetric::Tbt;
  if (slo.ttlt) return engine::LatencyMetric::Ttlt;
  return engine::LatencyMetric::Ttft;
}

bool watchable(engine::LatencyMetric metric) {
  return metric == engine::LatencyMetric::Ttft || metric == engine::LatencyMetric::Tbt || metric == engine::LatencyMetric::Ttlt;
}

std::optional<double> watchedLatencyS(const engine::ClassSnapshot& cls, engine::LatencyMetric metric) {
  if (!watchable(metric)) {
    throw std::invalid_argument("a run comparison watches ttft, tbt or ttlt, not " + std::string(engine::toString(metric)));
  }
  const engine::LatencyStats& stats = engine::latencyOf(cls, metric);
  if (stats.empty()) return std::nullopt;
  return stats.watchedS;
}

double goodputSpanS(const engine::RunSummary& summary) {
  const bool endedEarly = summary.status != engine::RunStatus::Finished;
  if (endedEarly && summary.simulatedS > 0.0 && summary.durationS > 0.0) {
    return std::min(summary.simulatedS, summary.durationS);
  }
  return summary.durationS > 0.0 ? summary.durationS : summary.simulatedS;
}

std::optional<double> ClassComparison::attainmentDelta() const { return difference(attainmentA, attainmentB); }
std::optional<double> ClassComparison::goodputDeltaPerS() const { return difference(goodputPerSA, goodputPerSB); }
std::optional<double> ClassComparison::watchedDeltaS() const { return difference(watchedSA, watchedSB); }

RunComparison compareRuns(const engine::RunRecord& a, const engine::RunRecord& b) {
  RunComparison comparison{a.summary, b.summary, {}};
  const double spanA = goodputSpanS(a.summary);
  const double spanB = goodputSpanS(b.summary);
  const auto goodput = [](const engine::ClassSnapshot& cls, double spanS) -> std::optional<double> {
    if (!(spanS > 0.0)) return std::nullopt;
    return static_cast<double>(cls.sloMet) / spanS;
  };
  const auto findIn = [](const engine::RunRecord& run, const std::string& name) -> const engine::ClassSnapshot* {
    const auto it = std::find_if(run.totals.classes.begin(), run.totals.classes.end(),
                                 [&](const engine::ClassSnapshot& cls) { return cls.name == name; });
    return it == run.totals.classes.end() ? nullptr : &*it;
  };
  for (const auto& clsA : a.totals.classes) {
    ClassComparison row;
    row.name = clsA.name;
    row.metric = watchedMetric(clsA.slo);
    row.percentile = clsA.slo.percentile;
    row.attainmentA = clsA.attainment;
    row.goodputPerSA = goodput(clsA, spanA);
    row.watchedSA = watchedLatencyS(clsA, row.metric);
    if (const auto* clsB = findIn(b, clsA.name)) {
      row.attainmentB = clsB->attainment;
      row.goodputPerSB = goodput(*clsB, spanB);
      row.watchedSB = watchedLatencyS(*clsB, row.metric);
    }
    comparison.classes.push_back(row);
  }
  const auto overall = [](const engine::Snapshot& totals) -> std::optional<double> {
    if (totals.completed <= 0) return std::nullopt;
    return static_cast<double>(totals.sloMet) / static_cast<double>(totals.completed);
  };
  const auto totalGoodput = [](const engine::Snapshot& totals, double spanS) -> std::optional<double> {
    if (!(spanS > 0.0)) return std::nullopt;
    return static_cast<double>(totals.sloMet) / spanS;
  };
  comparison.allClasses.attainmentA = overall(a.totals);
  comparison.allClasses.attainmentB = overall(b.totals);
  comparison.allClasses.goodputPerSA = totalGoodput(a.totals, spanA);
  comparison.allClasses.goodputPerSB = totalGoodput(b.totals, spanB);
  for (const auto& clsB : b.totals.classes) {
    if (findIn(a, clsB.name)) continue;
    ClassComparison row;
    row.name = clsB.name;
    row.metric = watchedMetric(clsB.slo);
    row.percentile = clsB.slo.percentile;
    row.attainmentB = clsB.attainment;
    row.goodputPerSB = goodput(clsB, spanB);
    row.watchedSB = watchedLatencyS(clsB, row.metric);
    comparison.classes.push_back(row);
  }
  return comparison;
}

}  // namespace headroom::ui
