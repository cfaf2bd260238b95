#pragma once

#include <cuda_runtime.h>

namespace headroom::engine::gpu {

// Picks one token per row of fp32 logits ([rows][vocab]).
//  temperature[r] <= 0: greedy, the largest logit (lowest id on ties).
//  otherwise: weights e_i = exp((logit_i - max) / temperature[r]); the nucleus is the set of the largest
//  weights whose share of the total first reaches topP[r] (topP >= 1: every token); the token is the
//  first id, in id order, at which the running sum of nucleus weights passes uniform[r] * (nucleus
//  weight), uniform[r] in [0, 1) drawn by the caller.
// Writes tokens[r]. Asynchronous.
void launchSample(const float* logits, int rows, int vocab, const float* temperature, const float* topP,
                  const float* uniform, int* tokens, cudaStream_t stream);

}  // namespace headroom::engine::gpu
