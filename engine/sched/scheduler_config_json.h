#pragma once

#include <array>
#include <string_view>

#include <nlohmann/json.hpp>

#include "engine/io/json_input.h"
#include "engine/sched/scheduler_config.h"

namespace headroom::engine {

// The one JSON encoding of SchedulerConfig, for scenario files, serve configurations, the admin
// scheduler endpoint and the workspace: {"policy", "alpha_s_per_token", "chunking", "relegation",
// "selective_preemption", "max_batch_tokens", "max_batch_size", "dynamic_safety_factor",
// "dynamic_floor_tokens", "kv_block_tokens", "kv_blocks" (only when set)}. Every field is written.
nlohmann::json schedulerConfigToJson(const SchedulerConfig& config);

// Reads the fields present over `base` (a partial object changes only what it names; "relegation" may
// also be "on" or "off"), then checkSchedulerConfig; InputError at the offending field.
SchedulerConfig schedulerConfigFromJson(const JsonInput& input, const nlohmann::json& object, const JsonPointer& at,
                                        SchedulerConfig base = {});

inline constexpr std::array<std::string_view, 11> kSchedulerConfigFields = {
    "policy",         "alpha_s_per_token",     "chunking",             "relegation",
    "selective_preemption", "max_batch_tokens", "max_batch_size", "kv_block_tokens",
    "kv_blocks",      "dynamic_safety_factor", "dynamic_floor_tokens"};

}  // namespace headroom::engine
