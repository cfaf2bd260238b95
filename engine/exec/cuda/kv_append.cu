#include "engine/exec/cuda/kv_append.cuh"

#include "engine/exec/cuda/cuda_check.h"

namespace headroom::engine::gpu {
namespace {

constexpr int kThreads = 128;

__global__ void kvAppendKernel(const __nv_bfloat16* qkv, int rowStride, int kOffset, int vOffset, const int* slots,
                               __nv_bfloat16* kCache, __nv_bfloat16* vCache, int width) {
  const int token = blockIdx.x;
  const long long slot = slots[token];
  if (slot < 0) return;
  const __nv_bfloat16* row = qkv + static_cast<long long>(token) * rowStride;
  __nv_bfloat16* k = kCache + slot * width;
  __nv_bfloat16* v = vCache + slot * width;
  for (int i = threadIdx.x; i < width; i += blockDim.x) {
    k[i] = row[kOffset + i];
    v[i] = row[vOffset + i];
  }
}

}  // namespace

void launchKvAppend(const __nv_bfloat16* qkv, int rowStride, int kOffset, int vOffset, const int* slots,
                    __nv_bfloat16* kCache, __nv_bfloat16* vCache, int tokens, int kvHeads, int headDim,
                    cudaStream_t stream) {
  if (tokens <= 0) return;
  kvAppendKernel<<<tokens, kThreads, 0, stream>>>(qkv, rowStride, kOffset, vOffset, slots, kCache, vCache,
                                                   kvHeads * headDim);
  checkLaunch("kvAppendKernel");
}

}  // namespace headroom::engine::gpu
