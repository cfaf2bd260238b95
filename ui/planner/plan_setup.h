#pragma once

#include <cstdint>

#include "engine/workload/scenario.h"
#include "solver/plan.h"
#include "solver/planning_scenario.h"

namespace headroom::ui {

// The console's scenario as the planner sees it: the scenario itself with its own executor as the one
// instance mode (cost 1 per instance, at most `maxInstances`). Plain functions; no state.
solver::PlanningScenario planningScenarioFor(const engine::Scenario& scenario, std::int32_t maxInstances);

// The scenario with `plan` applied to its pool: the plan's instance count behind the weighted router,
// each class's shares being the rates the plan sends to each instance (a class the plan gives no traffic
// is spread evenly), and priority ordering inside instances, the discipline the plan was computed for.
// Throws std::invalid_argument for a plan without a solution.
engine::Scenario applyPlan(const engine::Scenario& scenario, const solver::Plan& plan);

}  // namespace headroom::ui
