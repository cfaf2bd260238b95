#include "engine/exec/cuda/sampling.cuh"

#include <climits>

#include "engine/exec/cuda/block_reduce.cuh"
#include "engine/exec/cuda/cuda_check.h"

namespace headroom::engine::gpu {
namespace {

constexpr int kThreads = 512;
constexpr int kWarps = kThreads / kWarpSize;
constexpr int kThresholdSteps = 40;

__device__ __forceinline__ bool better(float value, int index, float bestValue, int bestIndex) {
  return value > bestValue || (value == bestValue && index < bestIndex);
}

// Sum of the weights at or above `threshold`.
__device__ float massAtOrAbove(const float* logits, int vocab, float maxLogit, float inverseTemperature,
                               float threshold, float* scratch) {
  float local = 0.0f;
  for (int i = threadIdx.x; i < vocab; i += blockDim.x) {
    const float w = __expf((logits[i] - maxLogit) * inverseTemperature);
    if (w >= threshold) local += w;
  }
  return blockSum(local, scratch);
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
  if (!(t > 0.0f) || bestValue == -INFINITY || bestValue == INFINITY) {
    if (threadIdx.x == 0) tokens[row] = bestIndex;
    return;
  }
  const float inverseTemperature = 1.0f / t;
  const float total = massAtOrAbove(x, vocab, bestValue, inverseTemperature, 0.0f, scratch);

  // Largest threshold whose mass still reaches topP * total; the argmax has weight 1, so it lies in (0, 1].
  float threshold = 0.0f;
  const float p = topP[row];
  if (p < 1.0f) {
    const float target = p * total;
    float low = 0.0f;
    float high = 1.0f;
    if (massAtOrAbove(x, vocab, bestValue, inverseTemperature, high, scratch) >= target) {
      low = high;
    } else {
      for (int step = 0; step < kThresholdSteps; ++step) {
        const float middle = 0.5f * (low + high);
        if (middle <= low || middle >= high) break;
        if (massAtOrAbove(x, vocab, bestValue, inverseTemperature, middle, scratch) >= target) {
          low = middle;
        } else {
          high = middle;
        }
      }
    }
    threshold = low;
  }
  const float nucleus = threshold > 0.0f ? massAtOrAbove(x, vocab, bestValue, inverseTemperature, threshold, scratch)
                                         : total;
  const float target = uniform[row] * nucleus;

  // Each thread walks one contiguous run of ids; an exclusive scan of the runs' sums finds the run
  // where the running sum passes the target.
  const int run = (vocab + blockDim.x - 1) / blockDim.x;
  const int begin = min(vocab, static_cast<int>(threadIdx.x) * run);
  const int end = min(vocab, begin + run);
  float local = 0.0f;
  for (int i = begin; i < end; ++i) {
    const float w = __expf((x[i] - bestValue) * inverseTemperature);
    if (w >= threshold) local += w;
  }
  float inclusive = local;
  for (int offset = 1; offset < kWarpSize; offset *= 2) {
    const float other = __shfl_up_sync(kFullWarpMask, inclusive, offset);
    if (lane >= offset) inclusive += other;
  }
  if (lane == kWarpSize - 1) warpTotals[warp] = inclusive;
  __syncthreads();
  float before = inclusive - local;
  for (int w = 0; w < warp; ++w) before += warpTotals[w];

  if (local > 0.0f && before <= target && target < before + local) {
    float running = before;
    for (int i = begin; i < end; ++i) {
      const float w = __expf((x[i] - bestValue) * inverseTemperature);
      if (w < threshold) continue;
      running += w;
      if (running > target) {
        atomicMin(&found, i);
        break;
      }
    }
  }
  __syncthreads();
  if (threadIdx.x == 0) tokens[row] = found != INT_MAX ? found : bestIndex;
}

}  // namespace

void launchSample(const float* logits, int rows, int vocab, const float* temperature, const float* topP,
                  const float* uniform, int* tokens, cudaStream_t stream) {
  if (rows <= 0) return;
  sampleKernel<<<rows, kThreads, 0, stream>>>(logits, vocab, temperature, topP, uniform, tokens);
  checkLaunch("sampleKernel");
}

}  // namespace headroom::engine::gpu
