#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "engine/core/qos_class.h"
#include "engine/core/request.h"
#include "engine/core/time.h"

namespace headroom::engine {

// Summary of one latency histogram, in seconds. All fields are zero when count is 0 (see empty()).
// watchedS is the percentile the class's SLO names (Slo::percentile).
struct LatencyStats {
  std::int64_t count = 0;
  double meanS = 0.0;
  double p50S = 0.0;
  double p90S = 0.0;
  double p95S = 0.0;
  double p99S = 0.0;
  double watchedS = 0.0;
  double maxS = 0.0;

  bool empty() const { return count == 0; }
  bool operator==(const LatencyStats&) const = default;
};

// One class over a whole run so far. `tbt` is what the TBT bound judges: each finished request's
// effective TBT (its worst token's lateness turned into a pace, RequestState::worstTokenPace), so its
// percentiles sit under the bound exactly when that share of requests met it. `tokenGap` is every gap
// between two tokens; a bound says nothing of single gaps.
struct ClassSnapshot {
  std::string name;
  int rank = 0;
  Slo slo;
  std::int64_t arrived = 0;
  std::int64_t completed = 0;
  std::int64_t relegated = 0;
  std::int64_t preempted = 0;
  std::int64_t sloMet = 0;
  std::optional<double> attainment;  // sloMet / completed; empty while nothing completed
  std::int64_t tokensOut = 0;
  LatencyStats queue;
  LatencyStats ttft;
  LatencyStats tbt;
  LatencyStats tokenGap;
  LatencyStats ttlt;
  // Model tiers: completions per pool group (Snapshot::groupNames' order; empty without tiers), and the
  // mean reward per completion (empty while nothing completed or without quality figures).
  std::vector<std::int64_t> completedByGroup;
  double rewardSum = 0.0;
  std::optional<double> meanReward;
};

// p50 and the class's watched percentile of one latency within one window, in seconds; empty when the
// window holds no sample of it.
struct WindowLatency {
  std::optional<double> p50S;
  std::optional<double> watchedS;

  bool operator==(const WindowLatency&) const = default;
};

// One class within one time-series window.
struct WindowClassStats {
  std::int64_t arrivals = 0;
  std::int64_t completions = 0;
  std::int64_t sloMet = 0;
  std::int64_t tokensOut = 0;
  std::int64_t relegations = 0;
  WindowLatency queue;
  WindowLatency ttft;
  WindowLatency tbt;
  WindowLatency tokenGap;
  WindowLatency ttlt;
  // Model tiers: completions in this window per pool group (the first groupNames.size() count), and the
  // sum of their rewards.
  std::array<std::int64_t, kMaxPoolGroups> completedByGroup{};
  double rewardSum = 0.0;

  bool operator==(const WindowClassStats&) const = default;
};

// A closed span [start, end) of the time series, one entry per class in class order. Consecutive
// windows are contiguous. Most span the series' current resolution; a long idle gap is one empty
// window, and downsampling merges neighbours (counts summed, percentiles the larger of the two).
struct SeriesWindow {
  TimePoint start{};
  TimePoint end{};
  std::vector<WindowClassStats> classes;

  bool operator==(const SeriesWindow&) const = default;
};

using MetricsSeries = std::vector<SeriesWindow>;

// Everything the metrics know at one moment: an immutable value, meant to be published as
// std::shared_ptr<const Snapshot> and read from any thread. The series is shared between snapshots
// taken while no window closed, so copying a Snapshot is cheap.
struct Snapshot {
  TimePoint time{};
  Duration windowLength{};  // the base window length of the series
  std::vector<ClassSnapshot> classes;
  // The pool groups (model tiers) completions are counted by; empty for a pool without quality figures.
  std::vector<std::string> groupNames;
  std::int64_t arrived = 0;
  std::int64_t completed = 0;
  std::int64_t sloMet = 0;
  std::int64_t tokensOut = 0;
  std::shared_ptr<const MetricsSeries> series = std::make_shared<const MetricsSeries>();

  // Requests that met their SLO per second over `durationS`; zero when durationS is not positive.
  double goodputPerS(double durationS) const {
    return durationS > 0.0 ? static_cast<double>(sloMet) / durationS : 0.0;
  }
};

}  // namespace headroom::engine
