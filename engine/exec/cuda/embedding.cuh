#pragma once

#include <cuda_bf16.h>
#include <cuda_runtime.h>

namespace headroom::engine::gpu {

// Embedding lookup: out[t] = table[tokenIds[t]] as fp32 (the residual stream's start). `table` is
// [vocab][hidden] bf16; an id outside [0, vocab) gives a zero row. Asynchronous.
void launchEmbeddingGather(const int* tokenIds, const __nv_bfloat16* table, float* out, int tokens, int hidden,
                           int vocab, cudaStream_t stream);

}  // namespace headroom::engine::gpu
