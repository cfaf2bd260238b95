#include "engine/sched/scheduler_config_json.h"

#include <limits>

#include "engine/io/input_problems.h"

namespace headroom::engine {

using nlohmann::json;

namespace {

// The problem a bad value of each field would be, so a value of the wrong type gets the rule's text too.
SchedulerProblem problemOf(std::string_view key) {
  if (key == "alpha_s_per_token") return SchedulerProblem::AlphaOutOfRange;
  if (key == "chunking") return SchedulerProblem::ChunkingInvalid;
  if (key == "max_batch_tokens") return SchedulerProblem::MaxBatchTokensNotPositive;
  if (key == "max_batch_size") return SchedulerProblem::MaxBatchSizeNotPositive;
  if (key == "dynamic_safety_factor") return SchedulerProblem::DynamicSafetyFactorOutOfRange;
  if (key == "dynamic_floor_tokens") return SchedulerProblem::DynamicFloorTokensNotPositive;
  if (key == "kv_block_tokens") return SchedulerProblem::KvBlockTokensNotPositive;
  return SchedulerProblem::KvBlocksNotPositive;
}

}  // namespace

json schedulerConfigToJson(const SchedulerConfig& config) {
  json object = {{"policy", toString(config.policy)},
                 {"alpha_s_per_token", config.alphaSPerToken},
                 {"chunking", toString(config.chunking)},
                 {"relegation", config.relegation == Relegation::On},
                 {"selective_preemption", config.selectivePreemption},
                 {"max_batch_tokens", config.maxBatchTokens},
                 {"max_batch_size", config.maxBatchSize},
                 {"dynamic_safety_factor", config.dynamicSafetyFactor},
                 {"dynamic_floor_tokens", config.dynamicFloorTokens},
                 {"kv_block_tokens", config.kvBlockTokens}};
  if (config.kvBlocksOverride) object["kv_blocks"] = *config.kvBlocksOverride;
  return object;
}

SchedulerConfig schedulerConfigFromJson(const JsonInput& input, const json& object, const JsonPointer& at,
                                        SchedulerConfig base) {
  input.requireObject(object, at, "(policy, alpha_s_per_token, chunking, relegation, ...)");
  input.checkFields(object, at, kSchedulerConfigFields);
  SchedulerConfig config = std::move(base);
  const auto number = [&](std::string_view key) {
    const json& value = object.at(std::string(key));
    if (!value.is_number()) input.failValue(at / std::string(key), englishText(problemOf(key)), value);
    return value.get<double>();
  };
  const auto integer = [&](std::string_view key) {
    const json& value = object.at(std::string(key));
    const bool fits = value.is_number_integer() &&
                      (value.is_number_unsigned() ? value.get<std::uint64_t>() <= std::numeric_limits<std::int32_t>::max()
                                                  : value.get<std::int64_t>() >= std::numeric_limits<std::int32_t>::min() &&
                                                        value.get<std::int64_t>() <= std::numeric_limits<std::int32_t>::max());
    if (!fits) {
      input.failValue(at / std::string(key),
                      value.is_number_integer() ? "must be an integer <= " + std::to_string(std::numeric_limits<std::int32_t>::max())
                                                : englishText(problemOf(key)),
                      value);
    }
    return static_cast<std::int32_t>(value.get<std::int64_t>());
  };
  if (const json* v = JsonInput::field(object, "policy")) {
    config.policy = input.oneOf(*v, at / "policy", kOrderingPolicyNames, orderingPolicyFromString);
  }
  if (object.contains("alpha_s_per_token")) config.alphaSPerToken = number("alpha_s_per_token");
  if (const json* v = JsonInput::field(object, "chunking")) {
    config.chunking = input.oneOf(*v, at / "chunking", kChunkingNames, chunkingFromString);
  }
  if (const json* v = JsonInput::field(object, "relegation")) {
    if (v->is_boolean()) {
      config.relegation = v->get<bool>() ? Relegation::On : Relegation::Off;
    } else if (v->is_string() && (*v == "on" || *v == "off")) {
      config.relegation = *v == "on" ? Relegation::On : Relegation::Off;
    } else {
      input.failValue(at / "relegation", "must be \"on\", \"off\", true or false", *v);
    }
  }
  if (const json* v = JsonInput::field(object, "selective_preemption")) {
    config.selectivePreemption = input.boolean(*v, at / "selective_preemption");
  }
  if (object.contains("max_batch_tokens")) config.maxBatchTokens = integer("max_batch_tokens");
  if (object.contains("max_batch_size")) config.maxBatchSize = integer("max_batch_size");
  if (object.contains("kv_block_tokens")) config.kvBlockTokens = integer("kv_block_tokens");
  if (const json* v = JsonInput::field(object, "kv_blocks")) {
    if (!v->is_number_integer()) input.failValue(at / "kv_blocks", englishText(SchedulerProblem::KvBlocksNotPositive), *v);
    if (v->is_number_unsigned() && v->get<std::uint64_t>() > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
      input.failValue(at / "kv_blocks", "must be an integer that fits in 64 bits", *v);
    }
    config.kvBlocksOverride = v->get<std::int64_t>();
  }
  if (object.contains("dynamic_safety_factor")) config.dynamicSafetyFactor = number("dynamic_safety_factor");
  if (object.contains("dynamic_floor_tokens")) config.dynamicFloorTokens = integer("dynamic_floor_tokens");
  if (const auto problem = checkSchedulerConfig(config)) {
    const std::string key(schedulerProblemField(*problem));
    if (const json* v = JsonInput::field(object, key)) input.failValue(at / key, englishText(*problem), *v);
    // A value taken from `base` breaks the rule: name the field all the same.
    input.fail(at / key, englishText(*problem) + " (the value in effect breaks this rule)");
  }
  return config;
}

}  // namespace headroom::engine
