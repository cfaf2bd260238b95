#pragma once

#include <optional>

#include <nlohmann/json.hpp>

#include "solver/plan.h"
#include "solver/planning_input.h"
#include "solver/planning_scenario.h"

namespace headroom::solver {

// The JSON form of a plan report, as `headroom-cli plan --json` writes it: {"status", "instances_total",
// "cost", "solve_time_s", "instances": [{"mode", "rates_per_s", "predicted_latency_s"}], "classes",
// "baselines": {"fcfs": {...}, "siloed": {...}}, "verification"} (the last only when given).
nlohmann::json toJson(const PlanReport& report, const PlanningInput& input, Objective objective,
                      const std::optional<Verification>& verification = std::nullopt);

}  // namespace headroom::solver
