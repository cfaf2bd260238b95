#pragma once

#include <vector>

#include "serve/router/replanner.h"
#include "solver/planner.h"
#include "solver/planning_input.h"

namespace headroom::cli {

// The re-planner's plan from the solver's: instances per mode, each class's rate per mode and per instance.
inline serve::ReplanPlan toReplanPlan(const solver::Plan& plan) {
  serve::ReplanPlan out;
  out.modeNames = plan.modeNames;
  out.feasible = plan.solutionFound && plan.status != solver::PlanStatus::Infeasible;
  out.reason = plan.explanation;
  if (!out.feasible && out.reason.empty()) out.reason = std::string(solver::toString(plan.status));
  out.instancesPerMode.assign(plan.modeNames.size(), 0);
  out.ratePerSByMode.assign(plan.modeNames.size(), std::vector<double>(plan.classNames.size(), 0.0));
  if (!out.feasible) return out;
  out.instancesPerMode = plan.instancesPerMode;
  for (const solver::PlannedInstance& instance : plan.instances) {
    out.instances.push_back({instance.modeIndex, instance.ratePerS});
    for (std::size_t cls = 0; cls < instance.ratePerS.size(); ++cls) {
      out.ratePerSByMode[instance.modeIndex][cls] += instance.ratePerS[cls];
    }
  }
  return out;
}

// Solves `input` (the planning file the router's plan came from: its classes, modes and latency curves)
// at the predicted rates, with priority routing as `headroom-cli plan` recommends. The GPU budget is the
// re-planner's to enforce: it refuses a plan above it.
inline serve::ReplanSolve replanSolveFor(solver::PlanningInput input, solver::PlanOptions options = {}) {
  return [input = std::move(input), options](const std::vector<double>& ratePerS, double /*budgetGpus*/) {
    solver::PlanningInput atRates = input;
    for (std::size_t cls = 0; cls < atRates.classes.size() && cls < ratePerS.size(); ++cls) {
      atRates.classes[cls].ratePerS = ratePerS[cls];
    }
    return toReplanPlan(solver::solvePlan(atRates, solver::Discipline::Priority, options));
  };
}

}  // namespace headroom::cli
