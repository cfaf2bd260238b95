#include "engine/core/qos_class_json.h"

#include "engine/io/input_problems.h"

namespace headroom::engine {

using nlohmann::json;

json sloToJson(const Slo& slo) {
  json object = json::object();
  if (slo.ttft) object["ttft_s"] = toSeconds(*slo.ttft);
  if (slo.tbt) object["tbt_s"] = toSeconds(*slo.tbt);
  if (slo.ttlt) object["ttlt_s"] = toSeconds(*slo.ttlt);
  object["percentile"] = slo.percentile;
  return object;
}

Slo sloFromJson(const JsonInput& input, const json& object, const JsonPointer& at, SloRules rules) {
  input.requireObject(object, at, "(ttft_s, tbt_s, ttlt_s in seconds, percentile)");
  input.checkFields(object, at, {"ttft_s", "tbt_s", "ttlt_s", "percentile"});
  Slo slo;
  const auto bound = [&](const char* key) -> std::optional<Duration> {
    const json* v = JsonInput::field(object, key);
    if (!v || v->is_null()) return std::nullopt;
    return input.positiveSeconds(*v, at / key);
  };
  slo.ttft = bound("ttft_s");
  slo.tbt = bound("tbt_s");
  slo.ttlt = bound("ttlt_s");
  if (const json* v = JsonInput::field(object, "percentile")) {
    if (!v->is_number()) input.failValue(at / "percentile", englishText(SloProblem::PercentileOutOfRange), *v);
    slo.percentile = v->get<double>();
  }
  if (rules == SloRules::AsRecorded) return slo;
  if (const auto problem = checkSlo(slo)) {
    const std::string_view key = sloProblemField(*problem);
    if (key.empty()) input.fail(at, englishText(*problem));
    input.failValue(at / std::string(key), englishText(*problem), object.at(std::string(key)));
  }
  return slo;
}

json qosClassToJson(const QosClass& qos) {
  json object = {
      {"name", qos.name}, {"rank", qos.rank}, {"importance", toString(qos.importance)}, {"slo", sloToJson(qos.slo)}};
  if (qos.rewardWeight != 1.0) object["reward_weight"] = qos.rewardWeight;
  if (!qos.tasks.empty()) {
    json tasks = json::object();
    for (const TaskShare& share : qos.tasks) tasks[share.task] = share.share;
    object["tasks"] = std::move(tasks);
  }
  return object;
}

namespace {

constexpr std::string_view kTasksAllowed =
    "a non-empty object: task name (as the model files' \"quality\" names it, e.g. \"mmlu\", \"gsm8k\") -> "
    "share > 0; leave it out for all \"mmlu\"";

std::vector<TaskShare> tasksFromJson(const JsonInput& input, const json& object, const JsonPointer& at) {
  if (!object.is_object() || object.empty()) input.failValue(at, "must be " + std::string(kTasksAllowed), object);
  std::vector<TaskShare> tasks;
  for (const auto& [name, share] : object.items()) {
    if (!share.is_number()) input.failValue(at / name, englishText(TierClassProblem::ShareNotPositive), share);
    tasks.push_back(TaskShare{name, share.get<double>()});
  }
  if (const auto issue = checkTaskMix(tasks)) {
    const std::string& name = tasks[issue->task].task;
    if (issue->problem == TierClassProblem::ShareNotPositive) {
      input.failValue(at / name, englishText(issue->problem), object.at(name));
    }
    input.fail(at / name, englishText(issue->problem), "\"" + name + "\"");
  }
  return tasks;
}

}  // namespace

QosClass qosClassFromJson(const JsonInput& input, const json& object, const JsonPointer& at, std::size_t defaultRank) {
  QosClass qos;
  const json& name = input.required(object, at, "name", "a non-empty string");
  qos.name = input.nonEmptyString(name, at / "name");
  if (const auto problem = checkClassName(qos.name, {})) input.failValue(at / "name", englishText(*problem), name);
  qos.rank = static_cast<int>(defaultRank);
  if (const json* rank = JsonInput::field(object, "rank")) {
    const std::int64_t value = input.integer(*rank, at / "rank", 0);
    if (const auto problem = checkClassRank(value)) input.failValue(at / "rank", englishText(*problem), *rank);
    qos.rank = static_cast<int>(value);
  }
  if (const json* importance = JsonInput::field(object, "importance")) {
    qos.importance = input.oneOf(*importance, at / "importance", "high, normal, low", importanceFromString);
  }
  qos.slo = sloFromJson(input, input.required(object, at, "slo", "an object with ttft_s, tbt_s and/or ttlt_s"), at / "slo");
  if (const json* weight = JsonInput::field(object, "reward_weight")) {
    const std::string allowed = englishText(TierClassProblem::RewardWeightOutOfRange);
    if (!weight->is_number()) input.failValue(at / "reward_weight", allowed, *weight);
    qos.rewardWeight = weight->get<double>();
    if (checkRewardWeight(qos.rewardWeight)) input.failValue(at / "reward_weight", allowed, *weight);
  }
  if (const json* tasks = JsonInput::field(object, "tasks")) qos.tasks = tasksFromJson(input, *tasks, at / "tasks");
  return qos;
}

}  // namespace headroom::engine
