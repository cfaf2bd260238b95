#include "engine/pool/model_quality.h"

#include <stdexcept>

#include "engine/core/qos_class.h"
#include "engine/core/resource_paths.h"
#include "engine/exec/modeled/resource_json.h"
#include "engine/io/json_input.h"

namespace headroom::engine {

namespace {

std::string taskList(const ModelQuality& quality) {
  std::string text;
  for (const auto& [task, accuracy] : quality.accuracyByTask) text += (text.empty() ? "" : ", ") + task;
  return text;
}

}  // namespace

ModelQuality loadModelQuality(std::string_view model) {
  const ResourceJson file = ResourceJson::load("models", model, "model file");
  const JsonInput& input = file.input();
  const JsonPointer at = JsonPointer() / "quality";
  if (!file.has("quality")) {
    input.fail(at,
               "required field is missing: this model file has no \"quality\" (its accuracy per task: {\"source\": "
               "\"...\", \"tasks\": {\"mmlu\": 0.69, ...}}), so the model cannot serve in a pool of several models");
  }
  const nlohmann::json& object = file.raw("quality");
  input.requireObject(object, at, "({\"source\": \"where the figures come from\", \"tasks\": {task: accuracy 0..1}})");
  input.checkFields(object, at, {"source", "tasks"});
  ModelQuality quality;
  quality.model = std::string(model);
  quality.source = input.nonEmptyString(
      input.required(object, at, "source", "a non-empty string: where the figures come from"), at / "source");
  const JsonPointer tasksAt = at / "tasks";
  const nlohmann::json& tasks =
      input.required(object, at, "tasks", "an object: task name -> accuracy, a number in [0, 1]");
  if (!tasks.is_object() || tasks.empty()) {
    input.failValue(tasksAt, "must be a non-empty object: task name -> accuracy, a number in [0, 1]", tasks);
  }
  const NumberRange share = NumberRange::interval(0.0, NumberRange::End::Closed, 1.0, NumberRange::End::Closed,
                                                  "the share of answers that are right");
  for (const auto& [task, accuracy] : tasks.items()) {
    if (task.empty() || task.size() > kMaxTaskNameBytes) {
      input.fail(tasksAt / task,
                 "a task name must be a non-empty string of at most " + std::to_string(kMaxTaskNameBytes) + " bytes",
                 "\"" + task + "\"");
    }
    quality.accuracyByTask.emplace(task, input.number(accuracy, tasksAt / task, share));
  }
  return quality;
}

QualityTable qualityTable(const std::vector<std::string>& groupNames, const std::vector<std::string>& groupModels,
                          const std::vector<std::string>& tasks) {
  if (groupNames.size() != groupModels.size()) {
    throw std::invalid_argument("quality table: " + std::to_string(groupNames.size()) + " group names but " +
                                std::to_string(groupModels.size()) + " models");
  }
  QualityTable table;
  table.groups = groupNames;
  table.tasks = tasks;
  std::map<std::string, ModelQuality, std::less<>> byModel;
  for (std::size_t g = 0; g < groupModels.size(); ++g) {
    const std::string& model = groupModels[g];
    if (model.empty()) {
      throw std::invalid_argument("pool group \"" + groupNames[g] +
                                  "\" names no model, so it has no accuracy figures; every group of a pool of "
                                  "several models needs a model with \"quality\" in resources/models/");
    }
    auto found = byModel.find(model);
    if (found == byModel.end()) found = byModel.emplace(model, loadModelQuality(model)).first;
    const ModelQuality& quality = found->second;
    std::vector<double> row;
    row.reserve(tasks.size());
    for (const std::string& task : tasks) {
      const auto accuracy = quality.accuracyByTask.find(task);
      if (accuracy == quality.accuracyByTask.end()) {
        throw InputError(resourceFile("models", model), JsonPointer() / "quality" / "tasks",
                         "has no figure for task \"" + task + "\", which a class asks for (pool group \"" +
                             groupNames[g] + "\"); tasks with figures: " + taskList(quality));
      }
      row.push_back(accuracy->second);
    }
    table.accuracy.push_back(std::move(row));
  }
  return table;
}

}  // namespace headroom::engine
