#include "serve/fleet/fleet_plan.h"

#include <set>

#include "engine/io/json_input.h"

namespace headroom::serve {

namespace {

using json = nlohmann::json;
using engine::JsonInput;
using engine::JsonPointer;

const JsonPointer kRoot;

std::size_t indexOf(const std::vector<FleetClass>& classes, const std::string& name) {
  std::size_t c = 0;
  while (c < classes.size() && classes[c].name != name) ++c;
  return c;
}

}  // namespace

std::int32_t FleetPlan::instancesTotal() const {
  std::int32_t total = 0;
  for (const FleetMode& mode : modes) total += mode.instances;
  return total;
}

FleetPlan parseFleetPlan(const json& root, const std::filesystem::path& file) {
  const JsonInput reader(file);
  if (!root.is_object()) reader.failValue(kRoot, "a plan must be a JSON object (headroom-cli plan --json)", root);
  const json& status = reader.required(root, kRoot, "status", "the plan's status (headroom-cli plan --json)");
  const std::string statusText = reader.string(status, kRoot / "status");
  const json* total = JsonInput::field(root, "instances_total");
  if (statusText == "infeasible" || total == nullptr || total->is_null()) {
    reader.fail(kRoot / "status", "must be a plan with a solution (optimal, feasible with gap or time limit with a plan)",
                statusText);
  }

  FleetPlan plan;
  const json& classes = reader.required(root, kRoot, "classes", "the plan's array of classes");
  if (!classes.is_array() || classes.empty()) reader.failValue(kRoot / "classes", "must be a non-empty array of classes", classes);
  for (std::size_t i = 0; i < classes.size(); ++i) {
    const JsonPointer path = kRoot / "classes" / i;
    const json& object = classes[i];
    reader.requireObject(object, path, "(name, rate_per_s, bound_s, metric, percentile, rank)");
    FleetClass cls;
    cls.name = reader.nonEmptyString(reader.required(object, path, "name", "the class name"), path / "name");
    if (indexOf(plan.classes, cls.name) != plan.classes.size()) reader.fail(path / "name", "duplicate class name \"" + cls.name + "\"");
    cls.ratePerS = reader.number(reader.required(object, path, "rate_per_s", "requests per second"), path / "rate_per_s",
                                 engine::NumberRange::atLeast(0.0, "requests per second", 1e12));
    cls.boundS = reader.number(reader.required(object, path, "bound_s", "the latency bound in seconds"), path / "bound_s",
                               engine::NumberRange::above(0.0, "seconds", JsonInput::kMaxSeconds));
    cls.metric = reader.oneOf(reader.required(object, path, "metric", "ttft, ttlt or queue"), path / "metric", "ttft, ttlt, queue",
                              [](const std::string& name) -> std::optional<engine::LatencyMetric> {
                                const auto metric = engine::latencyMetricFromString(name);
                                if (!metric || *metric == engine::LatencyMetric::Tbt || *metric == engine::LatencyMetric::TokenGap) {
                                  return std::nullopt;
                                }
                                return metric;
                              });
    if (const json* v = JsonInput::field(object, "percentile")) {
      cls.percentile = reader.number(*v, path / "percentile",
                                     engine::NumberRange::interval(0.0, engine::NumberRange::End::Open, 100.0,
                                                                   engine::NumberRange::End::Closed));
    }
    if (const json* v = JsonInput::field(object, "rank")) cls.rank = static_cast<int>(reader.integer(*v, path / "rank", 0, 1000));
    plan.classes.push_back(std::move(cls));
  }

  const json& perMode = reader.required(root, kRoot, "instances_per_mode", "mode name -> planned instances");
  reader.requireObject(perMode, kRoot / "instances_per_mode", "(mode name -> planned instances)");
  for (const auto& [name, count] : perMode.items()) {
    FleetMode mode;
    mode.name = name;
    mode.instances = static_cast<std::int32_t>(reader.integer(count, kRoot / "instances_per_mode" / name, 0, 100000));
    mode.classRatePerS.assign(plan.classes.size(), 0.0);
    plan.modes.push_back(std::move(mode));
  }

  const json& instances = reader.required(root, kRoot, "instances", "the plan's array of instances");
  if (!instances.is_array()) reader.failValue(kRoot / "instances", "must be an array of instances", instances);
  std::vector<std::int32_t> counted(plan.modes.size(), 0);
  for (std::size_t i = 0; i < instances.size(); ++i) {
    const JsonPointer path = kRoot / "instances" / i;
    reader.requireObject(instances[i], path, "(mode, rates_per_s, ...)");
    const std::string modeName = reader.nonEmptyString(reader.required(instances[i], path, "mode", "the instance's mode"), path / "mode");
    std::size_t m = 0;
    while (m < plan.modes.size() && plan.modes[m].name != modeName) ++m;
    if (m == plan.modes.size()) reader.fail(path / "mode", "must name a mode of \"instances_per_mode\" (unknown mode \"" + modeName + "\")");
    ++counted[m];
    const json& rates = reader.required(instances[i], path, "rates_per_s", "class name -> requests per second");
    reader.requireObject(rates, path / "rates_per_s", "(class name -> requests per second)");
    for (const auto& [name, rate] : rates.items()) {
      const std::size_t c = indexOf(plan.classes, name);
      const JsonPointer ratePath = path / "rates_per_s" / name;
      if (c == plan.classes.size()) reader.fail(ratePath, "must name a class of the plan's \"classes\" (unknown class \"" + name + "\")");
      plan.modes[m].classRatePerS[c] += reader.number(rate, ratePath, engine::NumberRange::atLeast(0.0, "requests per second", 1e12));
    }
  }
  for (std::size_t m = 0; m < plan.modes.size(); ++m) {
    if (counted[m] != plan.modes[m].instances) {
      reader.fail(kRoot / "instances_per_mode" / plan.modes[m].name,
                  "must equal the number of instances of mode \"" + plan.modes[m].name + "\" in \"instances\" (" +
                      std::to_string(counted[m]) + ")",
                  std::to_string(plan.modes[m].instances));
    }
  }
  return plan;
}

FleetPlan loadFleetPlan(const std::filesystem::path& file) {
  return parseFleetPlan(JsonInput::loadFile(file, "plan file"), file);
}

}  // namespace headroom::serve
