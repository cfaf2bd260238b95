#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/metrics/latency_metric.h"
#include "engine/store/run_record.h"

namespace headroom::ui {

// Which latency a class is judged on first in reports and comparisons: the first of TTFT, TBT, TTLT
// that the class bounds (TTFT when it bounds none). Reports and comparisons watch no queue time.
engine::LatencyMetric watchedMetric(const engine::Slo& slo);
bool watchable(engine::LatencyMetric metric);
// The class's watched statistic (its SLO percentile) of `metric`, in seconds; empty without samples.
// Throws std::invalid_argument for a metric that is not watchable().
std::optional<double> watchedLatencyS(const engine::ClassSnapshot& cls, engine::LatencyMetric metric);

// Seconds a run's goodput is measured over: the arrival window for a finished run; for one that ended
// early (stopped, failed, interrupted, or still running) the virtual time it reached, if shorter.
double goodputSpanS(const engine::RunSummary& summary);

// One class of two runs side by side. Classes are matched by name; a class present in only one run
// has the other side empty. Differences are b - a where both sides have a value.
struct ClassComparison {
  std::string name;
  engine::LatencyMetric metric = engine::LatencyMetric::Ttft;  // watchable() only
  double percentile = 99.0;  // of run a when present, else of run b
  std::optional<double> attainmentA;
  std::optional<double> attainmentB;
  std::optional<double> goodputPerSA;
  std::optional<double> goodputPerSB;
  std::optional<double> watchedSA;
  std::optional<double> watchedSB;

  std::optional<double> attainmentDelta() const;
  std::optional<double> goodputDeltaPerS() const;
  std::optional<double> watchedDeltaS() const;
};

// Two runs compared class by class: run a's classes in its order, then classes only run b has; and
// `allClasses`, the runs' totals over every class (name empty; attainment and goodput of all requests,
// no watched latency since the classes watch different ones).
struct RunComparison {
  engine::RunSummary a;
  engine::RunSummary b;
  std::vector<ClassComparison> classes;
  ClassComparison allClasses;
};

RunComparison compareRuns(const engine::RunRecord& a, const engine::RunRecord& b);

}  // namespace headroom::ui
