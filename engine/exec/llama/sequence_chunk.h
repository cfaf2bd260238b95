#pragma once

#include <cstdint>
#include <vector>

#include "engine/core/request.h"

namespace headroom::engine {

// The new tokens of one sequence in a forward pass: a prefill chunk or a single decode token. The
// sequence's earlier tokens are already in the model's KV cache; `tokens` follow them.
struct SequenceChunk {
  RequestId id = 0;
  std::vector<std::int32_t> tokens;
};

}  // namespace headroom::engine
