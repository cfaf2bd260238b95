#pragma once

#include <cstdint>
#include <span>
#include <vector>

namespace headroom::engine {

// One token and its log-probability (natural log) under the model's distribution.
struct TokenLogprob {
  std::int32_t token = 0;
  float logprob = 0.0f;
};

// The log-probabilities reported with one sampled token: the token's own and the `top` most likely
// tokens of the same distribution, most likely first (the lowest id first among equals). The
// distribution is the model's: softmax of the raw logits, before temperature and top-p, so a request's
// logprobs do not depend on how it samples. A plain value.
struct TokenLogprobs {
  TokenLogprob sampled;
  std::vector<TokenLogprob> top;
};

// Log-softmax of one row of logits for `sampled` and the `top` most likely tokens (top is clamped to
// the row's size). Computed in double precision; every executor reports logprobs through this one
// function, so the CPU and the GPU agree up to their logits. Throws std::invalid_argument on an empty
// row or a sampled token outside it.
TokenLogprobs computeLogprobs(std::span<const float> logits, std::int32_t sampled, std::int32_t top);

}  // namespace headroom::engine
