#include "engine/exec/cuda/swiglu.cuh"

#include "engine/exec/cuda/cuda_check.h"

namespace headroom::engine::gpu {
namespace {

constexpr int kThreads = 256;

__global__ void swigluKernel(const __nv_bfloat16* gateUp, __nv_bfloat16* out, long long count, int intermediate) {
  const long long stride = static_cast<long long>(gridDim.x) * blockDim.x;
  for (long long idx = static_cast<long long>(blockIdx.x) * blockDim.x + threadIdx.x; idx < count; idx += stride) {
    const long long token = idx / intermediate;
    const long long i = idx % intermediate;
    const __nv_bfloat16* row = gateUp + token * 2 * intermediate;
    const float gate = __bfloat162float(row[i]);
    const float up = __bfloat162float(row[intermediate + i]);
    out[idx] = __float2bfloat16(gate / (1.0f + expf(-gate)) * up);
  }
}

}  // namespace

void launchSwiglu(const __nv_bfloat16* gateUp, __nv_bfloat16* out, int tokens, int intermediate,
                  cudaStream_t stream) {
  const long long count = static_cast<long long>(tokens) * intermediate;
  if (count <= 0) return;
  const long long wanted = (count + kThreads - 1) / kThreads;
  const int blocks = static_cast<int>(wanted < 65535 ? wanted : 65535);
  swigluKernel<<<blocks, kThreads, 0, stream>>>(gateUp, out, count, intermediate);
  checkLaunch("swigluKernel");
}

}  // namespace headroom::engine::gpu
