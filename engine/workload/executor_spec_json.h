#pragma once

#include <nlohmann/json.hpp>

#include "engine/exec/executor_spec.h"
#include "engine/io/json_input.h"

namespace headroom::engine {

// The JSON encoding of a scenario's executor: the top-level "model", "hardware" and "tensor_parallel"
// plus the "executor" object ({"kind": "constant", "iteration_s"}, {"kind": "modeled", "profile"},
// {"kind": "cpu" | "cuda", "model", "weights", "weights_seed", "profile"}). Relative weight paths
// resolve against the folder of the input's file. The same fields describe a pool group's executor
// inside its group object (engine/workload/scenario.h), where "profile" may also stand beside "model".
// writeExecutorSpec adds the fields to `object` (the document's top level or a group object).
void writeExecutorSpec(const ExecutorSpec& executor, nlohmann::json& object);
// Reads the fields from the document's top level.
ExecutorSpec executorSpecFromJson(const JsonInput& input, const nlohmann::json& root);
// Reads them from `object` at `at` (a pool group: "/pool/groups/1"); messages point below `at`.
ExecutorSpec executorSpecFromJson(const JsonInput& input, const nlohmann::json& object, const JsonPointer& at);

}  // namespace headroom::engine
