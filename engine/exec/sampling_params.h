#pragma once

#include <cstdint>

namespace headroom::engine {

// How an executor that computes tokens picks each one. temperature 0 is greedy (the most likely token;
// the lowest id on ties); otherwise tokens are drawn from softmax(logits / temperature) restricted to the
// smallest set of most likely tokens whose probability reaches topP. `seed` makes the draws of one
// request reproducible whatever batches it lands in. A plain value.
struct SamplingParams {
  float temperature = 0.0f;
  float topP = 1.0f;
  std::uint64_t seed = 0;
};

}  // namespace headroom::engine
