#include "engine/workload/scenario_json.h"

#include "engine/sched/scheduler_config_json.h"
#include "engine/workload/class_spec_json.h"
#include "engine/workload/executor_spec_json.h"
#include "engine/workload/pool_json.h"
#include "engine/workload/trace_spec_json.h"

namespace headroom::engine {

using nlohmann::json;

namespace {

std::vector<std::string> classNamesOf(const std::vector<ClassSpec>& classes) {
  std::vector<std::string> names;
  for (const ClassSpec& spec : classes) names.push_back(spec.qos.name);
  return names;
}

}  // namespace

json scenarioToJson(const Scenario& scenario) {
  json root = {{"name", scenario.name}, {"seed", scenario.seed}, {"duration_s", scenario.durationS}};
  writeExecutorSpec(scenario.executor, root);
  const std::vector<std::string> classNames = classNamesOf(scenario.classes);
  root["pool"] = poolConfigToJson(scenario.pool, classNames);
  root["scheduler"] = schedulerConfigToJson(scenario.scheduler);
  json classes = json::array();
  for (const ClassSpec& spec : scenario.classes) classes.push_back(classSpecToJson(spec, scenario.trace.has_value()));
  root["classes"] = std::move(classes);
  if (scenario.trace) root["trace"] = traceSpecToJson(*scenario.trace);
  return root;
}

Scenario scenarioFromJson(const json& document, const std::filesystem::path& origin) {
  return scenarioFromJson(document, origin, TraceFileCheck::Required);
}

Scenario scenarioFromJson(const json& root, const std::filesystem::path& origin, TraceFileCheck traceCheck) {
  const JsonInput input(origin);
  const JsonPointer top;
  if (!root.is_object()) input.failValue(top, "the top level must be a JSON object", root);
  // "modes" lists the instance modes the capacity planner may choose from; the planner reads and
  // validates it, a replay has no use for it.
  input.checkFields(root, top,
                    {"name", "seed", "duration_s", "model", "tensor_parallel", "hardware", "executor", "pool",
                     "scheduler", "classes", "trace", "modes"});
  Scenario scenario;
  scenario.file = origin;
  scenario.name = input.nonEmptyString(input.required(root, top, "name", "a non-empty string"), top / "name");
  if (const json* seed = JsonInput::field(root, "seed")) scenario.seed = input.unsignedInteger(*seed, top / "seed");
  const json* trace = JsonInput::field(root, "trace");
  const json* duration = JsonInput::field(root, "duration_s");
  if (duration) {
    input.positiveSeconds(*duration, top / "duration_s");
    scenario.durationS = duration->get<double>();
  } else if (!trace) {
    input.fail(top / "duration_s", "required field is missing (a number > 0, seconds; optional only with a trace)");
  }
  scenario.classes = classSpecsFromJson(
      input, input.required(root, top, "classes", "a non-empty array of class objects"), top / "classes", trace != nullptr);
  scenario.executor = executorSpecFromJson(input, root);
  const std::vector<std::string> classNames = classNamesOf(scenario.classes);
  if (const json* pool = JsonInput::field(root, "pool")) {
    scenario.pool = poolConfigFromJson(input, *pool, top / "pool", classNames);
  }
  if (const json* scheduler = JsonInput::field(root, "scheduler")) {
    scenario.scheduler = schedulerConfigFromJson(input, *scheduler, top / "scheduler");
  }
  if (trace) {
    ScenarioTrace read = traceSpecFromJson(input, *trace, top / "trace", classNames, traceCheck);
    if (!duration) {
      if (!read.traceDurationS) input.fail(top / "duration_s", "required field is missing (a number > 0, seconds)");
      scenario.durationS = *read.traceDurationS;
    }
    scenario.trace = std::move(read.spec);
  }
  return scenario;
}

}  // namespace headroom::engine
