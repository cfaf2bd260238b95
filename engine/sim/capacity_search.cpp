#include "engine/sim/capacity_search.h"

namespace headroom::engine {

bool meetsAttainment(const Snapshot& snapshot, double target) {
  for (const ClassSnapshot& cls : snapshot.classes) {
    if (cls.arrived == 0) continue;
    // Requests that never completed count as misses.
    const double attainment = static_cast<double>(cls.sloMet) / static_cast<double>(cls.arrived);
    if (attainment < target) return false;
  }
  return true;
}

CapacityResult findCapacity(const Scenario& scenario, const CapacityOptions& options,
                            const std::function<void(const CapacityProbe&)>& onProbe) {
  CapacityResult result;
  ReplayOutcome lastPass;
  auto probe = [&](double scale) {
    ReplayOptions replayOptions = options.replay;
    replayOptions.rateScale = scale;
    ReplayOutcome outcome = replay(scenario, replayOptions);
    const bool pass = meetsAttainment(*outcome.snapshot, options.targetAttainment);
    ++result.replays;
    if (onProbe) onProbe({result.replays, scale, pass});
    if (pass && scale >= result.rateScale) {
      result.rateScale = scale;
      result.found = true;
      lastPass = std::move(outcome);
    }
    return pass;
  };

  double low = 0.0;
  double high = 0.0;
  double scale = 1.0;
  if (probe(scale)) {
    low = scale;
    while (true) {
      if (scale >= options.maxRateScale) {
        result.saturated = true;
        result.atCapacity = std::move(lastPass);
        return result;
      }
      scale = std::min(scale * 2.0, options.maxRateScale);
      if (!probe(scale)) {
        high = scale;
        break;
      }
      low = scale;
    }
  } else {
    high = scale;
    while (true) {
      scale /= 2.0;
      if (scale < options.minRateScale) {
        result.atCapacity = std::move(lastPass);
        return result;
      }
      if (probe(scale)) {
        low = scale;
        break;
      }
      high = scale;
    }
  }
  while ((high - low) > options.relativeTolerance * low) {
    const double mid = 0.5 * (low + high);
    if (probe(mid)) {
      low = mid;
    } else {
      high = mid;
    }
  }
  result.atCapacity = std::move(lastPass);
  return result;
}

}  // namespace headroom::engine
