#pragma once

#include <array>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/io/json_input.h"
#include "engine/pool/router_config.h"

namespace headroom::engine {

// The JSON encoding of a scenario's pool: {"instances", "router", "weights": {class name: [one share
// >= 0 per instance]} (router "weighted" only)}. Weight rows follow `classNames`' order. A pool group's
// object holds the same fields beside its name and executor: `otherFields` names those the object may
// also hold (read by others).
nlohmann::json poolConfigToJson(const PoolConfig& pool, const std::vector<std::string>& classNames);
PoolConfig poolConfigFromJson(const JsonInput& input, const nlohmann::json& object, const JsonPointer& at,
                              const std::vector<std::string>& classNames,
                              std::span<const std::string_view> otherFields = {});

inline constexpr std::array<std::string_view, 3> kPoolConfigFields = {"instances", "router", "weights"};

}  // namespace headroom::engine
