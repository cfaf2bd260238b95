#include "engine/workload/scenario.h"

#include <fstream>

#include <nlohmann/json.hpp>

#include "engine/workload/scenario_json.h"

namespace headroom::engine {

namespace {

std::string errorText(const std::filesystem::path& file, const std::string& jsonPath,
                      const std::string& problem) {
  return file.string() + ": " + (jsonPath.empty() ? "" : jsonPath + ": ") + problem;
}

}  // namespace

ScenarioError::ScenarioError(std::filesystem::path file, std::string jsonPath, const std::string& problem)
    : std::runtime_error(errorText(file, jsonPath, problem)),
      file_(std::move(file)),
      jsonPath_(std::move(jsonPath)) {}

Scenario loadScenario(const std::filesystem::path& file) {
  std::error_code error;
  if (!std::filesystem::is_regular_file(file, error)) throw ScenarioError(file, "", "no such scenario file");
  std::ifstream in(file, std::ios::binary);
  if (!in) throw ScenarioError(file, "", "cannot open the scenario file");
  nlohmann::json root;
  try {
    root = nlohmann::json::parse(in);
  } catch (const nlohmann::json::parse_error& e) {
    std::string message = e.what();
    if (const auto end = message.find("] ");
        message.rfind("[json.exception", 0) == 0 && end != std::string::npos) {
      message = message.substr(end + 2);
    }
    throw ScenarioError(file, "", "not valid JSON: " + message);
  }
  return scenarioFromJson(root, file);
}

}  // namespace headroom::engine
