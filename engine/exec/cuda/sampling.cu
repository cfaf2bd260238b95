#include "engine/exec/cuda/sampling.cuh"

#include <climits>

#include "engine/exec/cuda/block_reduce.cuh"
#include "engine/exec/cuda/cuda_check.h"

namespace headroom::engine::gpu {
namespace {

constexpr int kThreads = 512;
constexpr int kWarps = kThreads / kWarpSize;
constexpr unsigned kOneBits = 0x3f800000u;  // 1.0f: no weight is larger

__device__ __forceinline__ bool better(float value, int index, float bestValue, int bestIndex) {
  return value > bestValue || (value == bestValue && index < bestIndex);
}

struct Weights {
  const float* logits;
  int vocab;
  float maxLogit;
  float inverseTemperature;
  __device__ float operator()(int i) const { return __expf((logits[i] - maxLogit) * inverseTemperature); }
};

// Sum of the weights >= threshold (all threads).
__device__ float massAtOrAbove(const Weights& weights, float threshold, float* scratch) {
  float local = 0.0f;
  for (int i = threadIdx.x; i < weights.vocab; i += blockDim.x) {
    const float w = weights(i);
    if (w >= threshold) local += w;
  }
  return blockSum(local, scratch);
}

// The largest threshold t in [0, 1] with mass(t) >= target (strict: > target); non-negative floats
// order like their bits, so this is a bisection over the bits. mass(0) must satisfy the test.
__device__ float largestThreshold(const Weights& weights, float target, bool strict, float* scratch) {
  unsigned low = 0;               // satisfies the test
  unsigned high = kOneBits + 1u;  // treated as failing
  while (high - low > 1u) {
    const unsigned middle = low + (high - low) / 2u;
    const float mass = massAtOrAbove(weights, __uint_as_float(middle), scratch);
    if (strict ? mass > target : mass >= target) {
      low = middle;
    } else {
      high = middle;
    }
  }
  return __uint_as_float(low);
}

// Exclusive prefix over the block of each thread's `value`, in thread order (all threads).
__device__ float exclusivePrefix(float value, float* warpTotals) {
  const int lane = threadIdx.x % kWarpSize;
  const int warp = threadIdx.x / kWarpSize;
  float inclusive = value;
  for (int offset = 1; offset < kWarpSize; offset *= 2) {
    const float other = __shfl_up_sync(kFullWarpMask, inclusive, offset);
    if (lane >= offset) inclusive += other;
  }
  __syncthreads();
  if (lane == kWarpSize - 1) warpTotals[warp] = inclusive;
  __syncthreads();
  float before = inclusive - value;
  for (int w = 0; w < warp; ++w) before += warpTotals[w];
  return before;
}

__global__ void __launch_bounds__(kThreads) sampleKernel(const float* logits, int vocab, const float* temperature,
                                                         const float* topP, const float* uniform, int* tokens) {
  __shared__ float scratch[kWarpSize];
  __shared__ float bestValues[kWarps];
  __shared__ int bestIndices[kWarps];
  __shared__ float warpTotals[kWarps];
  __shared__ int found;
  const int row = blockIdx.x;
  const float* x = logits + static_cast<long long>(row) * vocab;
  const int lane = threadIdx.x % kWarpSize;
  const int warp = threadIdx.x / kWarpSize;

  float bestValue = -INFINITY;
  int bestIndex = INT_MAX;
  for (int i = threadIdx.x; i < vocab; i += blockDim.x) {
    if (better(x[i], i, bestValue, bestIndex)) {
      bestValue = x[i];
      bestIndex = i;
    }
  }
  for (int offset = kWarpSize / 2; offset > 0; offset /= 2) {
    const float otherValue = __shfl_xor_sync(kFullWarpMask, bestValue, offset);
    const int otherIndex = __shfl_xor_sync(kFullWarpMask, bestIndex, offset);
    if (better(otherValue, otherIndex, bestValue, bestIndex)) {
      bestValue = otherValue;
      bestIndex = otherIndex;
    }
  }
  if (lane == 0) {
    bestValues[warp] = bestValue;
    bestIndices[warp] = bestIndex;
  }
  if (threadIdx.x == 0) found = INT_MAX;
  __syncthreads();
  bestValue = bestValues[0];
  bestIndex = bestIndices[0];
  for (int w = 1; w < kWarps; ++w) {
    if (better(bestValues[w], bestIndices[w], bestValue, bestIndex)) {
      bestValue = bestValues[w];
      bestIndex = bestIndices[w];
    }
  }
  if (bestIndex >= vocab) bestIndex = 0;  // every logit NaN: nothing better to say

  const float t = temperature[row];
  if (!(t > 0.0f) || !isfinite(bestValue)) {
    if (threadIdx.x == 0) tokens[row] = bestIndex;
    return;
  }
  const Weights weights{x, vocab, bestValue, 1.0f / t};
  const float total = massAtOrAbove(weights, 0.0f, scratch);

  // The nucleus: every weight at or above the cut level. topP >= 1 keeps every token.
  const float p = topP[row];
  const float cut = p < 1.0f ? largestThreshold(weights, p * total, false, scratch) : 0.0f;
  const float nucleus = cut > 0.0f ? massAtOrAbove(weights, cut, scratch) : total;
  const float target = uniform[row] * nucleus;

  // The chosen token's weight level: the largest threshold whose mass passes the target. Tokens of a
  // larger weight come first; among the tokens of exactly this weight, id order decides.
  const float level = largestThreshold(weights, target, true, scratch);
  const float before = massAtOrAbove(weights, __uint_as_float(__float_as_uint(level) + 1u), scratch);
  const int wanted = static_cast<int>(fmaxf(0.0f, floorf((target - before) / level)));  // 0-based among ties

  // Count ties per contiguous run of ids; the run holding the wanted one walks it.
  const int run = (vocab + blockDim.x - 1) / blockDim.x;
  const int begin = min(vocab, static_cast<int>(threadIdx.x) * run);
  const int end = min(vocab, begin + run);
  int ties = 0;
  for (int i = begin; i < end; ++i) ties += weights(i) == level ? 1 : 0;
  const int tiesBefore = static_cast<int>(exclusivePrefix(static_cast<float>(ties), warpTotals));
  if (wanted >= tiesBefore && wanted < tiesBefore + ties) {
    int seen = tiesBefore;
    for (int i = begin; i < end; ++i) {
      if (weights(i) != level) continue;
      if (seen == wanted) {
        atomicMin(&found, i);
        break;
      }
      ++seen;
    }
  }
  __syncthreads();
  if (threadIdx.x == 0) {
    if (found != INT_MAX) {
      tokens[row] = found;
    } else {
      // More ties wanted than exist (rounding): the last token of the level in id order.
      int last = bestIndex;
      for (int i = vocab - 1; i >= 0; --i) {
        if (weights(i) == level) {
          last = i;
          break;
        }
      }
      tokens[row] = last;
    }
  }
}

}  // namespace

void launchSample(const float* logits, int rows, int vocab, const float* temperature, const float* topP,
                  const float* uniform, int* tokens, cudaStream_t stream) {
  if (rows <= 0) return;
  sampleKernel<<<rows, kThreads, 0, stream>>>(logits, vocab, temperature, topP, uniform, tokens);
  checkLaunch("sampleKernel");
}

}  // namespace headroom::engine::gpu
