#include "engine/workload/scenario_json.h"

#include "engine/io/input_problems.h"

#include <algorithm>
#include <array>

#include "engine/pool/tier_router.h"
#include "engine/sched/scheduler_config_json.h"
#include "engine/workload/class_spec_json.h"
#include "engine/workload/executor_spec_json.h"
#include "engine/workload/pool_json.h"
#include "engine/workload/trace_spec_json.h"

namespace headroom::engine {

using nlohmann::json;

namespace {

// Fields of one group object of "pool": {"groups": [...]} besides its pool config's.
constexpr std::array<std::string_view, 6> kGroupFields = {
    "name", "model", "hardware", "tensor_parallel", "executor", "profile"};
// Top-level fields that describe the one group of the old form; not allowed beside "groups".
constexpr std::array<std::string_view, 4> kOneGroupFields = {"model", "hardware", "tensor_parallel", "executor"};
constexpr std::string_view kDefaultTierRouter = "greedy";

std::vector<std::string> classNamesOf(const std::vector<ClassSpec>& classes) {
  std::vector<std::string> names;
  for (const ClassSpec& spec : classes) names.push_back(spec.qos.name);
  return names;
}

std::string joined(const std::vector<std::string>& names) {
  std::string text;
  for (const std::string& name : names) text += (text.empty() ? "" : ", ") + name;
  return text;
}

// Whether the groups are written in the old, one-group form: it can say everything about them.
bool writesOneGroupForm(const std::vector<PoolGroup>& groups, const std::string& tierRouter) {
  return groups.size() == 1 && groups.front().name == defaultGroupName(groups.front().executor) &&
         tierRouter == kDefaultTierRouter;
}

json groupToJson(const PoolGroup& group, const std::vector<std::string>& classNames) {
  json object = {{"name", group.name}};
  writeExecutorSpec(group.executor, object);
  const json pool = poolConfigToJson(group.pool, classNames);
  for (const auto& [key, value] : pool.items()) object[key] = value;
  return object;
}

std::vector<PoolGroup> groupsFromJson(const JsonInput& input, const json& array, const JsonPointer& at,
                                      const std::vector<std::string>& classNames) {
  const std::string allowed = "an array of 1 to " + std::to_string(kMaxPoolGroups) +
                              " group objects (name, model, hardware, tensor_parallel, executor, profile, "
                              "instances, router, weights)";
  if (!array.is_array()) input.failValue(at, "must be " + allowed, array);
  if (array.empty() || array.size() > kMaxPoolGroups) {
    input.fail(at, "must be " + allowed, std::to_string(array.size()) + " groups");
  }
  std::vector<PoolGroup> groups;
  std::vector<bool> named;
  for (std::size_t i = 0; i < array.size(); ++i) {
    const json& object = array[i];
    const JsonPointer groupAt = at / i;
    input.requireObject(object, groupAt,
                        "(name, model, hardware, tensor_parallel, executor, profile, instances, router, weights)");
    PoolGroup group;
    group.pool = poolConfigFromJson(input, object, groupAt, classNames, kGroupFields);
    group.executor = executorSpecFromJson(input, object, groupAt);
    if (const json* name = JsonInput::field(object, "name")) {
      group.name = input.string(*name, groupAt / "name");
      std::vector<std::string> earlier;
      for (std::size_t k = 0; k < groups.size(); ++k) {
        if (named[k]) earlier.push_back(groups[k].name);
      }
      if (const auto problem = checkGroupName(group.name, earlier)) {
        std::string allowed = englishText(*problem);
        if (*problem == GroupNameProblem::Taken) {
          for (std::size_t k = 0; k < groups.size(); ++k) {
            if (named[k] && groups[k].name == group.name) allowed += " (" + (at / k / "name").to_string() + " has the same)";
          }
        }
        input.failValue(groupAt / "name", allowed, *name);
      }
    }
    named.push_back(!group.name.empty());
    groups.push_back(std::move(group));
  }
  // Unnamed groups take their model's name, then "-2", "-3", ... past the names already taken.
  for (PoolGroup& group : groups) {
    if (!group.name.empty()) continue;
    std::vector<std::string> names;
    for (const PoolGroup& other : groups) names.push_back(other.name);
    group.name = uniqueGroupName(defaultGroupName(group.executor), names);
  }
  return groups;
}

// Checks the tier router's text against the groups; returns it as written.
std::string tierRouterFromJson(const JsonInput& input, const json& value, const JsonPointer& at,
                               const std::vector<PoolGroup>& groups) {
  const std::string allowed = "must be one of: " + std::string(kTierRouterForms);
  if (!value.is_string()) input.failValue(at, allowed, value);
  const std::string text = value.get<std::string>();
  const std::optional<TierRouterSpec> spec = parseTierRouterSpec(text);
  if (!spec) input.failValue(at, allowed, value);
  if (spec->kind != TierRouterKind::Static) return text;
  std::vector<std::string> names;
  for (const PoolGroup& group : groups) names.push_back(group.name);
  if (std::find(names.begin(), names.end(), spec->group) != names.end()) return text;
  const auto withModel = std::count_if(groups.begin(), groups.end(),
                                       [&spec](const PoolGroup& g) { return g.executor.model == spec->group; });
  if (withModel == 1) return text;
  if (withModel > 1) {
    input.failValue(at,
                    "\"static:\" names the model of " + std::to_string(withModel) +
                        " groups; name one group: " + joined(names),
                    value);
  }
  input.failValue(at, "\"static:\" must name a group of this pool (or the model of exactly one): " + joined(names),
                  value);
}

}  // namespace

json scenarioToJson(const Scenario& scenario) {
  json root = {{"name", scenario.name}, {"seed", scenario.seed}, {"duration_s", scenario.durationS}};
  const std::vector<std::string> classNames = classNamesOf(scenario.classes);
  const std::vector<PoolGroup> groups = poolGroups(scenario);
  if (writesOneGroupForm(groups, scenario.tierRouter)) {
    writeExecutorSpec(groups.front().executor, root);
    root["pool"] = poolConfigToJson(groups.front().pool, classNames);
  } else {
    json array = json::array();
    for (const PoolGroup& group : groups) array.push_back(groupToJson(group, classNames));
    root["pool"] = {{"groups", std::move(array)}, {"tier_router", scenario.tierRouter}};
  }
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
  const std::vector<std::string> classNames = classNamesOf(scenario.classes);
  const json* pool = JsonInput::field(root, "pool");
  const json* groups = pool ? JsonInput::field(*pool, "groups") : nullptr;
  if (groups) {
    const JsonPointer poolAt = top / "pool";
    input.checkFields(*pool, poolAt, {"groups", "tier_router"});
    for (const std::string_view key : kOneGroupFields) {
      if (JsonInput::field(root, key)) {
        input.fail(top / std::string(key),
                   "not allowed together with /pool/groups: give each group its model, hardware, "
                   "tensor_parallel and executor");
      }
    }
    std::vector<PoolGroup> read = groupsFromJson(input, *groups, poolAt / "groups", classNames);
    if (const json* tierRouter = JsonInput::field(*pool, "tier_router")) {
      scenario.tierRouter = tierRouterFromJson(input, *tierRouter, poolAt / "tier_router", read);
    }
    setPoolGroups(scenario, std::move(read));
  } else {
    if (pool && JsonInput::field(*pool, "tier_router")) {
      input.fail(top / "pool" / "tier_router",
                 "only allowed with \"groups\" (a pool of several models: \"pool\": {\"groups\": [...], "
                 "\"tier_router\": ...})");
    }
    // The old form: one group, held in executor and pool alone (see Scenario).
    scenario.executor = executorSpecFromJson(input, root);
    if (pool) scenario.pool = poolConfigFromJson(input, *pool, top / "pool", classNames);
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
