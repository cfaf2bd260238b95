#include "ui/planner/plan_export.h"

#include <algorithm>
#include <stdexcept>
#include <string>

#include "engine/exec/modeled/model_shape.h"
#include "serve/fleet/fleet_writer.h"
#include "solver/plan_json.h"

namespace headroom::ui {

namespace {

// Names the console's plan in each file's header comment (deploy names the plan file there).
constexpr std::string_view kConsolePlanSource = "the console's plan for scenario ";
// The plan JSON as a file name in the fleet reader's errors.
const std::filesystem::path kPlanSource = "the planner's recommendation";

}  // namespace

nlohmann::json planJsonFor(const PlannerOutcome& outcome) {
  return solver::toJson(outcome.report, outcome.input, solver::PlanOptions{}.objective);
}

serve::FleetPlan fleetPlanFor(const PlannerOutcome& outcome) {
  return serve::parseFleetPlan(planJsonFor(outcome), kPlanSource);
}

std::vector<serve::ModeHardware> fleetModesFor(const solver::PlanningScenario& planning, const serve::FleetPlan& plan) {
  std::vector<serve::ModeHardware> mapped;
  for (const serve::FleetMode& mode : plan.modes) {
    if (mode.instances <= 0) continue;
    const auto planned = std::find_if(planning.modes.begin(), planning.modes.end(),
                                      [&](const solver::ScenarioMode& each) { return each.name == mode.name; });
    if (planned == planning.modes.end()) {
      throw std::invalid_argument("mode \"" + mode.name + "\" of the plan is not a mode of the scenario it was planned for");
    }
    const engine::ExecutorSpec& executor = planned->executor;
    if (executor.kind == engine::ExecutorKind::Constant || executor.model.empty() || executor.hardware.empty()) {
      throw std::invalid_argument("mode \"" + mode.name + "\" names no " +
                                  (executor.kind == engine::ExecutorKind::Constant
                                       ? std::string("model or hardware (the constant executor)")
                                       : std::string(executor.model.empty() ? "model" : "hardware")) +
                                  ", so it has nothing to deploy: give the scenario a model and hardware and plan it again");
    }
    serve::ModeHardware hardware;
    hardware.mode = mode.name;
    hardware.model = executor.model;
    hardware.hardware = executor.hardware;
    hardware.tensorParallel =
        executor.tensorParallel > 0 ? executor.tensorParallel : engine::loadModelShape(executor.model).defaultTensorParallel;
    mapped.push_back(std::move(hardware));
  }
  return mapped;
}

PlanExport exportPlan(const PlannerOutcome& outcome, const std::filesystem::path& directory, serve::FleetOptions options) {
  const serve::FleetPlan plan = fleetPlanFor(outcome);
  if (options.modes.empty()) options.modes = fleetModesFor(outcome.planning, plan);
  if (options.image.empty()) options.image = serve::defaultFleetImage();
  if (options.planName.empty()) options.planName = std::string(kConsolePlanSource) + "\"" + outcome.planning.scenario.name + "\"";
  const std::vector<serve::Manifest> manifests = serve::buildFleet(plan, options);
  serve::writeFleetDirectory(directory, manifests);
  return PlanExport{manifests.size(), plan.instancesTotal(), serve::fleetGpus(plan, options.modes)};
}

}  // namespace headroom::ui
