#pragma once

#include <nlohmann/json.hpp>

#include "engine/io/json_input.h"
#include "engine/workload/scenario.h"

namespace headroom::engine {

// The JSON encoding of a class's arrivals in a scenario: {"process": poisson | gamma | constant,
// "rate_per_s", "cv" (gamma only), "phases": [{"start_s", "rate_per_s", "shape": step | ramp, "end_s"
// (ramps only)}]}. Rates are requests per second, times seconds from the start of the replay.
nlohmann::json arrivalSpecToJson(const ArrivalSpec& arrival);
// Checks the document's shape and types, then checkArrivalSpec; InputError at the offending field.
ArrivalSpec arrivalSpecFromJson(const JsonInput& input, const nlohmann::json& object, const JsonPointer& at);

}  // namespace headroom::engine
