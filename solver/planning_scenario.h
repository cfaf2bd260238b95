#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "engine/workload/scenario.h"
#include "solver/curve_measurement.h"
#include "solver/plan.h"
#include "solver/planning_input.h"

namespace headroom::solver {

// A scenario read for planning, with the modes a plan may use.
struct PlanningScenario {
  engine::Scenario scenario;
  std::vector<ScenarioMode> modes;
};

// Reads a scenario file that may carry, besides the scenario's own fields, "modes": [{"name", "model",
// "hardware", "tensor_parallel", "iteration_s", "cost", "max_instances"}] (model, hardware and degree
// default to the scenario's). Without "modes" the scenario's own executor is the one mode. Throws
// engine::InputError naming the file and JSON pointer, including for a trace-driven scenario (a plan
// needs each class's own rate).
PlanningScenario loadPlanningScenario(const std::filesystem::path& file);

// The classes as the planner sees them: the rate is the class's highest arrival rate (base or any
// phase); the bound is its ttft_s SLO when it has one, else its ttlt_s; the percentile is its SLO's.
// Throws engine::InputError for a class that bounds neither TTFT nor TTLT.
std::vector<PlanningClass> planningClasses(const PlanningScenario& planning);

// Classes plus modes whose curves are measured (or read from the cache); `replays` counts the replays run.
PlanningInput planningInputFromScenario(const PlanningScenario& planning, const CurveSweepOptions& options,
                                        const CurveProgress& progress = {}, std::int32_t* replays = nullptr);
// The same with progress as replays done of those expected over every mode, and cancellation
// (SweepCancelled) through `control`.
PlanningInput planningInputFromScenario(const PlanningScenario& planning, const CurveSweepOptions& options,
                                        const SweepControl& control, std::int32_t* replays = nullptr);

// One class of a verification replay: what the curves predicted, what the replay measured (the worst
// over the modes it ran on), and whether the bound held.
struct ClassVerification {
  std::string name;
  LatencyMetric metric = LatencyMetric::Ttlt;
  double percentile = 95.0;
  double boundS = 0.0;
  std::optional<double> predictedS;
  std::optional<double> replayedS;
  bool held = true;
  double missedByS = 0.0;  // replayed - bound when the bound did not hold
};

struct Verification {
  std::vector<ClassVerification> classes;
  bool allHeld = true;
  std::int32_t replays = 0;
};

// Replays a plan: per mode, a pool of the plan's instances of it behind the weighted router (each
// class's shares from the plan), `priority` inside instances, each class's traffic thinned to the part
// the plan sends to that mode. Throws std::invalid_argument for a plan without a solution.
Verification verifyPlan(const PlanningScenario& planning, const PlanningInput& input, const Plan& plan,
                        const CurveProgress& progress = {});
// The same with progress (one point per mode replayed) and cancellation through `control`.
Verification verifyPlan(const PlanningScenario& planning, const PlanningInput& input, const Plan& plan,
                        const SweepControl& control);

}  // namespace headroom::solver
