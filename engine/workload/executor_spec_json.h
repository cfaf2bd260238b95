#pragma once

#include <nlohmann/json.hpp>

#include "engine/exec/executor_spec.h"
#include "engine/io/json_input.h"

namespace headroom::engine {

// The JSON encoding of a scenario's executor: the top-level "model", "hardware" and "tensor_parallel"
// plus the "executor" object ({"kind": "constant", "iteration_s"}, {"kind": "modeled", "profile"},
// {"kind": "cpu" | "cuda", "model", "weights", "weights_seed", "profile"}). Relative weight paths
// resolve against the folder of the input's file.
void writeExecutorSpec(const ExecutorSpec& executor, nlohmann::json& root);
ExecutorSpec executorSpecFromJson(const JsonInput& input, const nlohmann::json& root);

}  // namespace headroom::engine
