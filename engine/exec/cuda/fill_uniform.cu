#include "engine/exec/cuda/fill_uniform.cuh"

#include "engine/exec/cuda/cuda_check.h"

namespace headroom::engine::gpu {
namespace {

constexpr int kThreads = 256;
constexpr int kMaxBlocks = 65535;

// splitmix64 finaliser: a bijective mix of the 64-bit counter.
__device__ __forceinline__ std::uint64_t mix(std::uint64_t z) {
  z += 0x9E3779B97F4A7C15ull;
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

__global__ void fillUniformKernel(__nv_bfloat16* data, std::int64_t count, std::uint64_t seed, float offset,
                                  float scale) {
  const std::int64_t stride = static_cast<std::int64_t>(gridDim.x) * blockDim.x;
  const std::uint64_t key = mix(seed);
  for (std::int64_t i = static_cast<std::int64_t>(blockIdx.x) * blockDim.x + threadIdx.x; i < count; i += stride) {
    const std::uint64_t bits = mix(key ^ static_cast<std::uint64_t>(i));
    const float unit = static_cast<float>(bits >> 40) * (1.0f / 16777216.0f);  // [0, 1), 24 bits
    data[i] = __float2bfloat16(offset + (2.0f * unit - 1.0f) * scale);
  }
}

}  // namespace

void launchFillUniform(__nv_bfloat16* data, std::int64_t count, std::uint64_t seed, float offset, float scale,
                       cudaStream_t stream) {
  if (count <= 0) return;
  const std::int64_t wanted = (count + kThreads - 1) / kThreads;
  const int blocks = static_cast<int>(wanted < kMaxBlocks ? wanted : kMaxBlocks);
  fillUniformKernel<<<blocks, kThreads, 0, stream>>>(data, count, seed, offset, scale);
  checkLaunch("fillUniformKernel");
}

}  // namespace headroom::engine::gpu
