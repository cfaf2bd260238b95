#include "engine/exec/cuda/rope.cuh"

#include "engine/exec/cuda/cuda_check.h"

namespace headroom::engine::gpu {
namespace {

constexpr int kThreads = 256;

__global__ void ropeKernel(__nv_bfloat16* qkv, int rowStride, int heads, int headDim, const int* positions,
                           const float* invFreq) {
  const int token = blockIdx.x;
  const int half = headDim / 2;
  const float position = static_cast<float>(positions[token]);
  __nv_bfloat16* row = qkv + static_cast<long long>(token) * rowStride;
  for (int idx = threadIdx.x; idx < heads * half; idx += blockDim.x) {
    const int head = idx / half;
    const int i = idx % half;
    __nv_bfloat16* x = row + head * headDim;
    float sine = 0.0f;
    float cosine = 0.0f;
    sincosf(position * invFreq[i], &sine, &cosine);
    const float x1 = __bfloat162float(x[i]);
    const float x2 = __bfloat162float(x[i + half]);
    x[i] = __float2bfloat16(x1 * cosine - x2 * sine);
    x[i + half] = __float2bfloat16(x2 * cosine + x1 * sine);
  }
}

}  // namespace

void launchRope(__nv_bfloat16* qkv, int tokens, int rowStride, int heads, int headDim, const int* positions,
                const float* invFreq, cudaStream_t stream) {
  if (tokens <= 0) return;
  ropeKernel<<<tokens, kThreads, 0, stream>>>(qkv, rowStride, heads, headDim, positions, invFreq);
  checkLaunch("ropeKernel");
}

}  // namespace headroom::engine::gpu
