#pragma once

#include <memory>

#include "engine/exec/executor_spec.h"
#include "engine/exec/llama/llama_weights.h"

namespace headroom::engine {

// The weights an executor spec names: resources/models/<spec.model>.json gives the shape, spec.weights
// is "random" (randomLlamaWeights with spec.weightsSeed) or a safetensors checkpoint. Instances of one
// pool share one copy: while any holder keeps the result alive, the same spec gets the same object.
// Thread-safe. Throws std::runtime_error naming the model or the checkpoint problem.
std::shared_ptr<const LlamaWeights> sharedLlamaWeights(const ExecutorSpec& spec);

}  // namespace headroom::engine
