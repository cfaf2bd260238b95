#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/io/json_input.h"
#include "engine/pool/router_config.h"

namespace headroom::engine {

// The JSON encoding of a scenario's pool: {"instances", "router", "weights": {class name: [one share
// >= 0 per instance]} (router "weighted" only)}. Weight rows follow `classNames`' order.
nlohmann::json poolConfigToJson(const PoolConfig& pool, const std::vector<std::string>& classNames);
PoolConfig poolConfigFromJson(const JsonInput& input, const nlohmann::json& object, const JsonPointer& at,
                              const std::vector<std::string>& classNames);

}  // namespace headroom::engine
