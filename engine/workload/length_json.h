#pragma once

#include <nlohmann/json.hpp>

#include "engine/io/json_input.h"
#include "engine/workload/scenario.h"

namespace headroom::engine {

// The JSON encoding of a token-length distribution in a scenario: a positive integer (fixed), or
// {"dist": "fixed", "value"}, {"dist": "uniform", "min", "max"}, {"dist": "lognormal", "median", "p90",
// "max"}, {"dist": "empirical", "values": [...]}. Token counts.
nlohmann::json lengthSpecToJson(const LengthSpec& length);
LengthSpec lengthSpecFromJson(const JsonInput& input, const nlohmann::json& value, const JsonPointer& at);

}  // namespace headroom::engine
