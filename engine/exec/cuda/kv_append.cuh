#pragma once

#include <cuda_bf16.h>
#include <cuda_runtime.h>

namespace headroom::engine::gpu {

// Paged KV cache layout of one layer: a cache is [blocks * blockTokens slots][kvHeads][headDim] bf16,
// one for K and one for V; a token's slot is blockId * blockTokens + (position % blockTokens).

// Writes the K and V of this iteration's tokens into their cache slots. Row t of `qkv` (rowStride apart)
// holds K at column kOffset and V at column vOffset, kvHeads * headDim values each. slots[t] < 0 skips
// the token (batch padding). Asynchronous.
void launchKvAppend(const __nv_bfloat16* qkv, int rowStride, int kOffset, int vOffset, const int* slots,
                    __nv_bfloat16* kCache, __nv_bfloat16* vCache, int tokens, int kvHeads, int headDim,
                    cudaStream_t stream);

}  // namespace headroom::engine::gpu
