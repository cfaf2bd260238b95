#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "engine/exec/executor_spec.h"
#include "engine/workload/scenario.h"
#include "solver/latency_curve.h"
#include "solver/planning_input.h"
#include "solver/sweep_control.h"

namespace headroom::solver {

// One kind of instance a scenario may be planned with: the scenario's executor with another model or
// hardware (or its own), its cost and how many may be used.
struct ScenarioMode {
  std::string name;
  engine::ExecutorSpec executor;
  double cost = 1.0;
  std::int32_t maxInstances = 64;
};

// How a measured curve is swept. Each replay runs one instance (policy `priority`) for a window of
// arrivals long enough for the class's bound (at least minWindowS, at most maxWindowS).
struct CurveSweepOptions {
  double startRatePerS = 0.05;
  std::int32_t refinements = 4;  // bisection steps on the rate where the class meets its bound
  std::int32_t shapePoints = 4;  // extra points spread below that rate
  double minWindowS = 600.0;
  double maxWindowS = 3600.0;
  bool useCache = true;
  std::optional<std::filesystem::path> cacheDir;  // default: defaultCurveCacheDir()
};

// The curves of one mode, one per class (same order as the classes given), and how they were obtained.
struct MeasuredCurves {
  std::vector<LatencyCurve> classCurves;
  std::int32_t replays = 0;
  bool fromCache = false;
};

using CurveProgress = std::function<void(const std::string&)>;

// $XDG_CACHE_HOME/headroom/curves, else ~/.cache/headroom/curves.
std::filesystem::path defaultCurveCacheDir();

// Measures f(r) for each class with a positive rate: replays the scenario's whole mix in its own
// proportions, scaled so that the classes ranked at or above the class sum to r (lower classes ride
// along: their decodes share the batches), on one instance of `mode`, and reads the class's
// watched percentile of its metric. The rate is doubled until the class misses its bound or the instance
// saturates (its backlog outgrows the window), then bisected on the bound. Curves are cached on disk,
// keyed by the scenario's content, the mode and the sweep; a cached answer is returned unchanged.
// `classes[i]` describes scenario.classes[i]. Throws std::runtime_error when a replay cannot run.
MeasuredCurves measureClassCurves(const engine::Scenario& scenario, const ScenarioMode& mode,
                                  const std::vector<PlanningClass>& classes, const CurveSweepOptions& options,
                                  const CurveProgress& progress = {});
// The same, reporting replays done against those expected and stopping with SweepCancelled when
// `control.cancel` is raised.
MeasuredCurves measureClassCurves(const engine::Scenario& scenario, const ScenarioMode& mode,
                                  const std::vector<PlanningClass>& classes, const CurveSweepOptions& options,
                                  const SweepControl& control);

}  // namespace headroom::solver
