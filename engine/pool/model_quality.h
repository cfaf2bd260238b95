#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace headroom::engine {

// How good a model's answers are: its accuracy (0..1) per task, as published, with where the figures
// come from. Read from the "quality" object of resources/models/<model>.json:
//   "quality": {"source": "...", "tasks": {"mmlu": 0.493, "gsm8k": 0.444}}
struct ModelQuality {
  std::string model;
  std::string source;
  std::map<std::string, double, std::less<>> accuracyByTask;
};

// Reads the model's quality from its resource file (resourcePath("models", model)). Throws InputError
// naming the file and field for a missing "quality" object, a task outside [0, 1] or an empty source.
ModelQuality loadModelQuality(std::string_view model);

// Accuracy per group and task, for a pool's groups and a scenario's tasks: accuracy[group][task].
// Built from each group's model quality; throws InputError naming the model file and the task a class
// asks for that the model has no figure for.
struct QualityTable {
  std::vector<std::string> groups;  // group names
  std::vector<std::string> tasks;   // task names (taskNames(scenario))
  std::vector<std::vector<double>> accuracy;

  double at(std::size_t group, std::size_t task) const { return accuracy[group][task]; }
};

QualityTable qualityTable(const std::vector<std::string>& groupNames, const std::vector<std::string>& groupModels,
                          const std::vector<std::string>& tasks);

}  // namespace headroom::engine
