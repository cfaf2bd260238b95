#pragma once

#include <functional>

#include "engine/metrics/snapshot.h"
#include "engine/sim/simulation.h"
#include "engine/workload/scenario.h"

namespace headroom::engine {

struct CapacityOptions {
  double targetAttainment = 0.99;   // every class must keep at least this share of requests within SLO
  double relativeTolerance = 0.02;  // stop when the bracket is this narrow relative to its low end
  double maxRateScale = 64.0;
  double minRateScale = 1.0 / 256.0;
  ReplayOptions replay;             // its rateScale is what the search varies
};

// One probe of the search, for progress reports.
struct CapacityProbe {
  int index = 0;
  double rateScale = 0.0;
  bool meetsTarget = false;
};

struct CapacityResult {
  double rateScale = 0.0;   // the highest scale found that meets the target (0 when none does)
  bool found = false;       // some probed scale met the target
  bool saturated = false;   // even maxRateScale met it: the true capacity is higher
  ReplayOutcome atCapacity; // the replay at rateScale
  int replays = 0;
};

// True when every class that saw requests kept its attainment at or above `target`.
bool meetsAttainment(const Snapshot& snapshot, double target);

// The highest rate scale at which every class keeps its attainment target: brackets by doubling or
// halving from 1, then bisects. Each probe is a full deterministic replay.
CapacityResult findCapacity(const Scenario& scenario, const CapacityOptions& options,
                            const std::function<void(const CapacityProbe&)>& onProbe = {});

}  // namespace headroom::engine
