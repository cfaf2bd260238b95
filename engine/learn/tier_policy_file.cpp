#include "engine/learn/tier_policy_file.h"

#include <charconv>
#include <cmath>
#include <limits>

#include <nlohmann/json.hpp>

#include "engine/io/json_input.h"
#include "engine/learn/dqn.h"

namespace headroom::engine {

namespace {

using json = nlohmann::json;

void appendNumber(std::string& out, double value) {
  char buffer[32];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  out.append(buffer, result.ptr);
}

void appendString(std::string& out, const std::string& text) { out += json(text).dump(); }

void appendStrings(std::string& out, const std::vector<std::string>& values) {
  out += '[';
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (i > 0) out += ", ";
    appendString(out, values[i]);
  }
  out += ']';
}

template <typename Number>
void appendNumbers(std::string& out, const std::vector<Number>& values) {
  out += '[';
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (i > 0) out += ',';
    if constexpr (std::is_floating_point_v<Number>) {
      appendNumber(out, values[i]);
    } else {
      out += std::to_string(values[i]);
    }
  }
  out += ']';
}

std::string joined(const std::vector<std::string>& values) {
  std::string out;
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (i > 0) out += ", ";
    out += values[i];
  }
  return out.empty() ? "(none)" : out;
}

std::vector<std::string> stringList(const JsonInput& input, const json& object, const JsonPointer& at,
                                    std::string_view key, std::string_view what) {
  const json& value = input.required(object, at, key, what);
  const JsonPointer here = at / std::string(key);
  if (!value.is_array()) input.failValue(here, "must be an array of names", value);
  std::vector<std::string> out;
  for (std::size_t i = 0; i < value.size(); ++i) out.push_back(input.nonEmptyString(value[i], here / i));
  return out;
}

std::vector<double> numberList(const JsonInput& input, const json& object, const JsonPointer& at,
                               std::string_view key, std::string_view what, const NumberRange& range) {
  const json& value = input.required(object, at, key, what);
  const JsonPointer here = at / std::string(key);
  if (!value.is_array()) input.failValue(here, "must be an array of numbers", value);
  std::vector<double> out;
  out.reserve(value.size());
  for (std::size_t i = 0; i < value.size(); ++i) {
    const json& item = value[i];
    // The fast path for the common case; the checked getter words every other one.
    if (item.is_number_float() && std::isfinite(item.get<double>()) && range.contains(item.get<double>())) {
      out.push_back(item.get<double>());
    } else {
      out.push_back(input.number(item, here / i, range));
    }
  }
  return out;
}

std::string groupsText(const std::vector<std::string>& names, const std::vector<std::string>& models) {
  std::vector<std::string> parts;
  for (std::size_t i = 0; i < names.size(); ++i) parts.push_back(names[i] + " (" + models[i] + ")");
  return joined(parts);
}

}  // namespace

std::string tierPolicyJson(const TierPolicy& policy) {
  std::string out;
  out.reserve(64 + policy.parameters.size() * 24);
  out += "{\n  \"format\": ";
  appendString(out, std::string(kTierPolicyFormat));
  out += ",\n  \"version\": " + std::to_string(kTierPolicyVersion);
  out += ",\n  \"pool\": {\n    \"groups\": [";
  for (std::size_t g = 0; g < policy.pool.groupNames.size(); ++g) {
    out += g > 0 ? ", " : "";
    out += "{\"name\": ";
    appendString(out, policy.pool.groupNames[g]);
    out += ", \"model\": ";
    appendString(out, policy.pool.groupModels[g]);
    out += '}';
  }
  out += "],\n    \"tasks\": ";
  appendStrings(out, policy.pool.taskNames);
  out += ",\n    \"classes\": ";
  appendStrings(out, policy.pool.classNames);
  out += "\n  },\n  \"features\": ";
  appendStrings(out, policy.features);
  out += ",\n  \"normalisation\": {\n    \"mean\": ";
  appendNumbers(out, policy.normalisation.mean);
  out += ",\n    \"std\": ";
  appendNumbers(out, policy.normalisation.std);
  out += "\n  },\n  \"network\": {\n    \"layers\": ";
  appendNumbers(out, policy.layers);
  out += ",\n    \"parameters\": ";
  appendNumbers(out, policy.parameters);
  out += "\n  },\n  \"training\": {\"decisions\": " + std::to_string(policy.training.decisions);
  out += ", \"seed\": " + std::to_string(policy.training.seed);
  out += ", \"mean_reward\": ";
  appendNumber(out, policy.training.meanReward);
  out += ", \"simulated_s\": ";
  appendNumber(out, policy.training.simulatedS);
  out += "}\n}\n";
  return out;
}

TierPolicy loadTierPolicy(const std::filesystem::path& file) {
  const json document = JsonInput::loadFile(file, "tier policy file");
  const JsonInput input(file);
  const JsonPointer root;
  input.requireObject(document, root, "a tier policy");
  input.checkFields(document, root, {"format", "version", "pool", "features", "normalisation", "network", "training"});
  const std::string format = input.string(input.required(document, root, "format", "the file's format"), root / "format");
  if (format != kTierPolicyFormat) {
    input.fail(root / "format", "must be \"" + std::string(kTierPolicyFormat) + "\"", "\"" + format + "\"");
  }
  input.integer(input.required(document, root, "version", "the format version"), root / "version", kTierPolicyVersion,
                kTierPolicyVersion);

  TierPolicy policy;
  const JsonPointer poolAt = root / "pool";
  const json& pool = input.required(document, root, "pool", "the pool the policy was trained for");
  input.requireObject(pool, poolAt, "the pool");
  input.checkFields(pool, poolAt, {"groups", "tasks", "classes"});
  const json& groups = input.required(pool, poolAt, "groups", "the pool's groups");
  if (!groups.is_array() || groups.size() < 2 || groups.size() > kMaxPoolGroups) {
    input.failValue(poolAt / "groups", "must be an array of 2 to " + std::to_string(kMaxPoolGroups) + " groups", groups);
  }
  for (std::size_t g = 0; g < groups.size(); ++g) {
    const JsonPointer at = poolAt / "groups" / g;
    input.requireObject(groups[g], at, "a group");
    input.checkFields(groups[g], at, {"name", "model"});
    policy.pool.groupNames.push_back(input.nonEmptyString(input.required(groups[g], at, "name", "the group's name"), at / "name"));
    policy.pool.groupModels.push_back(input.nonEmptyString(input.required(groups[g], at, "model", "the group's model"), at / "model"));
  }
  policy.pool.taskNames = stringList(input, pool, poolAt, "tasks", "the tasks");
  policy.pool.classNames = stringList(input, pool, poolAt, "classes", "the classes");
  policy.features = stringList(input, document, root, "features", "the feature names");
  const auto expected = tierFeatureNames(policy.pool);
  if (policy.features != expected) {
    input.fail(root / "features", "must be the features of this version for the file's pool: " + joined(expected),
               joined(policy.features));
  }

  const JsonPointer normAt = root / "normalisation";
  const json& norm = input.required(document, root, "normalisation", "the features' mean and std");
  input.requireObject(norm, normAt, "the normalisation");
  input.checkFields(norm, normAt, {"mean", "std"});
  const NumberRange any = NumberRange::interval(-1e300, NumberRange::End::Closed, 1e300, NumberRange::End::Closed);
  policy.normalisation.mean = numberList(input, norm, normAt, "mean", "the features' means", any);
  policy.normalisation.std = numberList(input, norm, normAt, "std", "the features' standard deviations",
                                        NumberRange::above(0.0));
  for (const char* key : {"mean", "std"}) {
    const auto& values = std::string_view(key) == "mean" ? policy.normalisation.mean : policy.normalisation.std;
    if (values.size() != policy.features.size()) {
      input.fail(normAt / key, "must hold one number per feature (" + std::to_string(policy.features.size()) + ")",
                 std::to_string(values.size()) + " numbers");
    }
  }

  const JsonPointer netAt = root / "network";
  const json& network = input.required(document, root, "network", "the Q-network");
  input.requireObject(network, netAt, "the network");
  input.checkFields(network, netAt, {"layers", "parameters"});
  const json& layers = input.required(network, netAt, "layers", "the layer sizes");
  if (!layers.is_array() || layers.size() < 2) input.failValue(netAt / "layers", "must be an array of at least 2 layer sizes", layers);
  for (std::size_t l = 0; l < layers.size(); ++l) {
    policy.layers.push_back(static_cast<std::int32_t>(input.integer(layers[l], netAt / "layers" / l, 1, 4096)));
  }
  if (policy.layers.front() != static_cast<std::int32_t>(policy.features.size())) {
    input.fail(netAt / "layers" / 0, "must be the number of features (" + std::to_string(policy.features.size()) + ")",
               std::to_string(policy.layers.front()));
  }
  if (policy.layers.back() != static_cast<std::int32_t>(policy.pool.groupNames.size())) {
    input.fail(netAt / "layers" / (policy.layers.size() - 1),
               "must be the number of groups (" + std::to_string(policy.pool.groupNames.size()) + ")",
               std::to_string(policy.layers.back()));
  }
  policy.parameters = numberList(input, network, netAt, "parameters", "the network's weights", any);
  const std::size_t count = Mlp::parameterCount(policy.layers);
  if (policy.parameters.size() != count) {
    input.fail(netAt / "parameters", "must hold " + std::to_string(count) + " numbers for the layer sizes",
               std::to_string(policy.parameters.size()) + " numbers");
  }

  const JsonPointer trainAt = root / "training";
  if (const json* training = JsonInput::field(document, "training")) {
    input.requireObject(*training, trainAt, "the training summary");
    input.checkFields(*training, trainAt, {"decisions", "seed", "mean_reward", "simulated_s"});
    if (const json* v = JsonInput::field(*training, "decisions")) {
      policy.training.decisions = input.integer(*v, trainAt / "decisions", 0, std::numeric_limits<std::int64_t>::max());
    }
    if (const json* v = JsonInput::field(*training, "seed")) policy.training.seed = input.unsignedInteger(*v, trainAt / "seed");
    if (const json* v = JsonInput::field(*training, "mean_reward")) policy.training.meanReward = input.number(*v, trainAt / "mean_reward", any);
    if (const json* v = JsonInput::field(*training, "simulated_s")) {
      policy.training.simulatedS = input.number(*v, trainAt / "simulated_s", NumberRange::atLeast(0.0, "seconds"));
    }
  }
  return policy;
}

void checkTierPolicyPool(const TierPolicy& policy, const TierPool& pool, const std::filesystem::path& file) {
  const JsonInput input(file);
  const JsonPointer poolAt = JsonPointer() / "pool";
  if (policy.pool.groupNames != pool.groupNames || policy.pool.groupModels != pool.groupModels) {
    input.fail(poolAt / "groups",
               "the policy was trained for groups " + groupsText(policy.pool.groupNames, policy.pool.groupModels) +
                   "; this pool has " + groupsText(pool.groupNames, pool.groupModels) +
                   " (train a policy for this pool with headroom-cli train-router)");
  }
  if (policy.pool.taskNames != pool.taskNames) {
    input.fail(poolAt / "tasks", "the policy was trained for tasks " + joined(policy.pool.taskNames) +
                                     "; this scenario's classes ask for " + joined(pool.taskNames));
  }
  if (policy.pool.classNames != pool.classNames) {
    input.fail(poolAt / "classes", "the policy was trained for classes " + joined(policy.pool.classNames) +
                                       "; this scenario has " + joined(pool.classNames));
  }
}

}  // namespace headroom::engine
