#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "engine/exec/sampling_params.h"

namespace headroom::engine {

// Picks tokens from rows of logits, greedy or by temperature and nucleus (top-p) sampling. The random
// draw for a token depends only on params.seed and `drawIndex` (callers pass the token's position in
// its sequence), so a request samples the same text whatever batches it is computed in, on the CPU or
// the GPU. Keeps scratch buffers: one Sampler per executor, not shared between threads.
class Sampler {
 public:
  // Throws std::invalid_argument on empty logits or parameters checkSamplingParams refuses.
  std::int32_t sample(std::span<const float> logits, const SamplingParams& params, std::uint64_t drawIndex);

  // Index of the largest logit; the lowest index among equals.
  static std::int32_t greedy(std::span<const float> logits);

 private:
  std::vector<std::int32_t> order_;
  std::vector<double> probabilities_;
};

}  // namespace headroom::engine
