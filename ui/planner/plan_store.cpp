#include "ui/planner/plan_store.h"

#include "engine/workload/scenario_json.h"

namespace headroom::ui {

nlohmann::json planInputsToJson(const solver::PlanningScenario& planning) {
  nlohmann::json document = engine::scenarioToJson(planning.scenario);
  nlohmann::json modes = nlohmann::json::array();
  for (const solver::ScenarioMode& mode : planning.modes) {
    nlohmann::json entry = {{"name", mode.name}, {"cost", mode.cost}, {"max_instances", mode.maxInstances}};
    if (mode.executor.kind == engine::ExecutorKind::Constant) {
      entry["iteration_s"] = engine::toSeconds(mode.executor.iteration);
    } else {
      if (!mode.executor.model.empty()) entry["model"] = mode.executor.model;
      if (!mode.executor.hardware.empty()) entry["hardware"] = mode.executor.hardware;
      if (mode.executor.tensorParallel > 0) entry["tensor_parallel"] = mode.executor.tensorParallel;
    }
    modes.push_back(std::move(entry));
  }
  document["modes"] = std::move(modes);
  return document;
}

}  // namespace headroom::ui
