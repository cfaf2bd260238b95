#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <vector>

#include <nlohmann/json.hpp>

#include "serve/fleet/fleet_manifests.h"
#include "serve/fleet/fleet_plan.h"
#include "serve/fleet/mode_hardware.h"
#include "solver/planning_scenario.h"
#include "ui/planner/planner_task.h"

namespace headroom::ui {

// A planner run's recommendation as Kubernetes manifests, the directory `headroom-cli deploy` writes
// for the same plan: the plan goes through its JSON form (`headroom-cli plan --json`), serve's fleet
// reader, serve::buildFleet and serve::writeFleetDirectory. Plain functions; no state.

// The plan as `headroom-cli plan --json` writes it (what planApplied carries and deploy reads).
nlohmann::json planJsonFor(const PlannerOutcome& outcome);

// The plan as deploy reads it. Throws engine::InputError for a run without a solution.
serve::FleetPlan fleetPlanFor(const PlannerOutcome& outcome);

// Where each mode the plan puts instances on runs: the model, hardware and tensor-parallel degree of the
// executor it was planned with (a degree of 0 is the model file's default). Throws std::invalid_argument
// for such a mode whose executor names no model or no hardware (the constant executor), naming the mode.
std::vector<serve::ModeHardware> fleetModesFor(const solver::PlanningScenario& planning, const serve::FleetPlan& plan);

// What an export wrote.
struct PlanExport {
  std::size_t files = 0;
  std::int32_t instances = 0;
  std::int32_t gpus = 0;
};

// Writes the run's manifests into `directory`. Empty `options.modes` are fleetModesFor's; an empty
// `options.image` is serve::defaultFleetImage(); an empty `options.planName` names the scenario. All or
// nothing: on any refusal (no solution, an unmapped mode, over the GPU budget, a serve configuration
// that is not valid, a directory deploy did not write) it throws std::invalid_argument,
// engine::InputError or std::runtime_error with the product's own text, and nothing is written.
PlanExport exportPlan(const PlannerOutcome& outcome, const std::filesystem::path& directory, serve::FleetOptions options);

}  // namespace headroom::ui
