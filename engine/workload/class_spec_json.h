#pragma once

#include <vector>

#include <nlohmann/json.hpp>

#include "engine/io/json_input.h"
#include "engine/workload/scenario.h"

namespace headroom::engine {

// The JSON encoding of a scenario's classes: the QosClass fields (engine/core/qos_class_json.h) plus,
// without a trace, "arrival", "prompt_tokens" and "output_tokens" (with a trace they are not allowed:
// the trace gives arrivals and token counts).
nlohmann::json classSpecToJson(const ClassSpec& spec, bool hasTrace);
// The "classes" array: non-empty, names unique, rank defaulting to the index.
std::vector<ClassSpec> classSpecsFromJson(const JsonInput& input, const nlohmann::json& classes, const JsonPointer& at,
                                          bool hasTrace);

}  // namespace headroom::engine
