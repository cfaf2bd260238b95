#pragma once

#include <functional>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "engine/store/run_record.h"
#include "solver/planning_scenario.h"

namespace headroom::ui {

// Where the console keeps the plans it computes: the open workspace. `save` stores a plan (the solver's
// plan JSON) with its inputs and returns its id (empty when no workspace is open or saving failed);
// `applied` names the stored plan now applied to the pool, so that the runs it starts link it. Either
// may be empty (nothing kept). UI thread only.
struct PlanStore {
  std::function<std::optional<engine::PlanId>(const std::string& name, const nlohmann::json& plan,
                                              const nlohmann::json& inputs)>
      save;
  std::function<void(std::optional<engine::PlanId>)> applied;
};

// A plan's inputs as a workspace keeps them: the scenario planned with the instance modes offered, in the
// form `headroom-cli plan` reads (a scenario with "modes": name, model, hardware, tensor_parallel,
// iteration_s for a constant executor, cost, max_instances), so that a stored plan can be made again.
nlohmann::json planInputsToJson(const solver::PlanningScenario& planning);

}  // namespace headroom::ui
