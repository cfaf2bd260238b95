#include "engine/exec/cuda/embedding.cuh"

#include "engine/exec/cuda/cuda_check.h"

namespace headroom::engine::gpu {
namespace {

constexpr int kThreads = 256;

__global__ void embeddingGatherKernel(const int* tokenIds, const __nv_bfloat16* table, float* out, int hidden,
                                      int vocab) {
  const int token = blockIdx.x;
  const int id = tokenIds[token];
  float* y = out + static_cast<long long>(token) * hidden;
  if (id < 0 || id >= vocab) {
    for (int i = threadIdx.x; i < hidden; i += blockDim.x) y[i] = 0.0f;
    return;
  }
  const __nv_bfloat16* x = table + static_cast<long long>(id) * hidden;
  for (int i = threadIdx.x; i < hidden; i += blockDim.x) y[i] = __bfloat162float(x[i]);
}

}  // namespace

void launchEmbeddingGather(const int* tokenIds, const __nv_bfloat16* table, float* out, int tokens, int hidden,
                           int vocab, cudaStream_t stream) {
  if (tokens <= 0) return;
  embeddingGatherKernel<<<tokens, kThreads, 0, stream>>>(tokenIds, table, out, hidden, vocab);
  checkLaunch("embeddingGatherKernel");
}

}  // namespace headroom::engine::gpu
