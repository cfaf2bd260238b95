#pragma once

#include <filesystem>

#include <nlohmann/json.hpp>

#include "engine/io/json_input.h"
#include "solver/planning_input.h"

namespace headroom::solver {

// Reads a planning file: {"classes": [{"name", "rate_per_s" | "rate_per_min", "bound_s", "metric",
// "percentile", "rank"}], "modes": [{"name", "cost", "max_instances", "curve" | "curve_per_min"}]}.
// Defaults: metric ttlt, percentile 95, cost 1, max_instances 64, ranks by bound (tightest first) when no
// class gives one. Throws engine::InputError (file, JSON pointer, what is allowed, what was found); the
// percentile follows the engine's SLO rule (checkSlo: (0, 100]).
PlanningInput loadPlanningFile(const std::filesystem::path& file);
// The same from a parsed document; `file` only names the source in errors.
PlanningInput parsePlanningJson(const nlohmann::json& root, const std::filesystem::path& file);

// True when a JSON document is a scenario (it names a model, hardware, executor, pool, scheduler,
// duration, trace or seed, or its classes carry an "slo") rather than a planning file.
bool looksLikeScenario(const nlohmann::json& root);

}  // namespace headroom::solver
