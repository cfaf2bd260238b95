#pragma once

#include <cuda_runtime.h>

namespace headroom::engine::gpu {

// Picks one token per row of fp32 logits ([rows][vocab]), with the rule of the host Sampler:
//  temperature[r] <= 0: greedy, the largest logit (lowest id on ties).
//  otherwise: weights w_i = exp((logit_i - max) / temperature[r]); in order of decreasing weight
//  (lowest id first among equals), the nucleus is the shortest prefix whose weight reaches
//  topP[r] * (total weight); the token is the first of that order at which the running weight passes
//  uniform[r] * (nucleus weight), uniform[r] in [0, 1) drawn by the caller.
// Nothing is sorted: the cut points are weight thresholds found by bisection over the float bits.
// Writes tokens[r]. Asynchronous.
void launchSample(const float* logits, int rows, int vocab, const float* temperature, const float* topP,
                  const float* uniform, int* tokens, cudaStream_t stream);

}  // namespace headroom::engine::gpu
