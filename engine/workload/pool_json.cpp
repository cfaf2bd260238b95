#include "engine/workload/pool_json.h"

#include <algorithm>

namespace headroom::engine {

using nlohmann::json;

namespace {

std::string joined(const std::vector<std::string>& names) {
  std::string text;
  for (const std::string& name : names) text += (text.empty() ? "" : ", ") + name;
  return text;
}

}  // namespace

json poolConfigToJson(const PoolConfig& pool, const std::vector<std::string>& classNames) {
  json object = {{"instances", pool.instances}, {"router", toString(pool.router)}};
  if (pool.router == RouterKind::Weighted) {
    json weights = json::object();
    for (std::size_t i = 0; i < pool.weights.size() && i < classNames.size(); ++i) weights[classNames[i]] = pool.weights[i];
    object["weights"] = std::move(weights);
  }
  return object;
}

PoolConfig poolConfigFromJson(const JsonInput& input, const json& object, const JsonPointer& at,
                              const std::vector<std::string>& classNames,
                              std::span<const std::string_view> otherFields) {
  PoolConfig pool;
  input.requireObject(object, at, "(instances, router, weights)");
  input.checkFields(object, at, kPoolConfigFields, otherFields);
  if (const json* instances = JsonInput::field(object, "instances")) {
    pool.instances = static_cast<std::int32_t>(input.integer(*instances, at / "instances", 1, 100000));
  }
  if (const json* router = JsonInput::field(object, "router")) {
    pool.router = input.oneOf(*router, at / "router", kRouterNames, routerKindFromString);
  }
  const json* weights = JsonInput::field(object, "weights");
  const JsonPointer weightsAt = at / "weights";
  if (pool.router != RouterKind::Weighted) {
    if (weights) input.fail(weightsAt, "only allowed with router \"weighted\"");
    return pool;
  }
  const std::string rowRule =
      "one share >= 0 per instance (" + std::to_string(pool.instances) + " numbers) with a positive sum";
  if (!weights) {
    input.fail(weightsAt, "required field is missing for router \"weighted\" (an object: class name -> " + rowRule + ")");
  }
  input.requireObject(*weights, weightsAt, "(class name -> " + rowRule + ")");
  for (const auto& [key, row] : weights->items()) {
    if (std::find(classNames.begin(), classNames.end(), key) == classNames.end()) {
      input.fail(weightsAt / key, "not a class of this scenario; classes: " + joined(classNames));
    }
  }
  for (const std::string& name : classNames) {
    const JsonPointer rowAt = weightsAt / name;
    const json* row = JsonInput::field(*weights, name);
    if (!row) input.fail(rowAt, "required field is missing: every class needs a row of " + rowRule);
    if (!row->is_array() || row->size() != static_cast<std::size_t>(pool.instances)) {
      input.fail(rowAt, "must be an array of " + rowRule,
                 row->is_array() ? std::to_string(row->size()) + " numbers" : JsonInput::shown(*row));
    }
    std::vector<double> shares;
    double sum = 0.0;
    for (std::size_t k = 0; k < row->size(); ++k) {
      shares.push_back(input.number((*row)[k], rowAt / k, NumberRange::atLeast(0.0, "a share of this class's requests")));
      sum += shares.back();
    }
    if (!(sum > 0.0)) input.fail(rowAt, "must have a positive sum (" + rowRule + ")", "all zeros");
    pool.weights.push_back(std::move(shares));
  }
  return pool;
}

}  // namespace headroom::engine
