#pragma once

#include <filesystem>
#include <stdexcept>
#include <string>

#include <nlohmann/json.hpp>

#include "solver/planning_input.h"

namespace headroom::solver {

// Bad planning input: names the file, the JSON path (e.g. "/modes/0/curve/2") and what is allowed there.
class PlanningFileError : public std::runtime_error {
 public:
  PlanningFileError(std::filesystem::path file, std::string jsonPath, const std::string& problem);
  const std::filesystem::path& file() const { return file_; }
  const std::string& jsonPath() const { return jsonPath_; }

 private:
  std::filesystem::path file_;
  std::string jsonPath_;
};

// Reads a planning file: {"classes": [{"name", "rate_per_s" | "rate_per_min", "bound_s", "metric",
// "percentile", "rank"}], "modes": [{"name", "cost", "max_instances", "curve" | "curve_per_min"}]}.
// Defaults: metric ttlt, percentile 95, cost 1, max_instances 64, ranks by bound (tightest first) when no
// class gives one. Throws PlanningFileError on any problem.
PlanningInput loadPlanningFile(const std::filesystem::path& file);
// The same from a parsed document; `file` only names the source in errors.
PlanningInput parsePlanningJson(const nlohmann::json& root, const std::filesystem::path& file);

// True when a JSON document is a scenario (it names a model, hardware, executor, pool, scheduler,
// duration, trace or seed, or its classes carry an "slo") rather than a planning file.
bool looksLikeScenario(const nlohmann::json& root);

}  // namespace headroom::solver
