#pragma once

#include <cstdint>
#include <vector>

#include "engine/core/request.h"
#include "engine/exec/batch_shape.h"

namespace headroom::engine {

// One sequence's share of an iteration: a prefill chunk or a single decode step.
struct BatchEntry {
  RequestId requestId = 0;
  std::int32_t newTokens = 0;      // prompt tokens of the chunk, or 1 for a decode
  std::int64_t contextTokens = 0;  // tokens already in the KV cache before this iteration
  bool decode = false;
};

// The work of one iteration: every running decode plus the prefill chunks the scheduler picked.
// Reused across iterations by its owner (clear() keeps capacity) so the hot path does not allocate.
struct Batch {
  std::vector<BatchEntry> entries;
  BatchShape shape;

  void clear() {
    entries.clear();
    shape = {};
  }
  bool empty() const { return entries.empty(); }
  void addPrefill(RequestId id, std::int32_t chunk, std::int64_t context) {
    entries.push_back({id, chunk, context, false});
    shape.addPrefill(chunk, context);
  }
  void addDecode(RequestId id, std::int64_t context) {
    entries.push_back({id, 1, context, true});
    shape.addDecode(context);
  }
};

}  // namespace headroom::engine
