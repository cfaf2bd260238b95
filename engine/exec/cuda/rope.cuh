#pragma once

#include <cuda_bf16.h>
#include <cuda_runtime.h>

namespace headroom::engine::gpu {

// Rotary position embedding in the Hugging Face rotate-half convention, in place. Row t of `qkv`
// (rowStride values apart) starts with `heads` consecutive head vectors of `headDim` values (the query
// heads then the key heads); each is rotated by the angles positions[t] * invFreq[i]:
//   x[i]        <- x[i] cos - x[i + headDim/2] sin
//   x[i + hd/2] <- x[i + headDim/2] cos + x[i] sin        for i < headDim / 2.
// invFreq[i] = theta^(-2i / headDim) is computed once on the host. Math in fp32. Asynchronous.
void launchRope(__nv_bfloat16* qkv, int tokens, int rowStride, int heads, int headDim, const int* positions,
                const float* invFreq, cudaStream_t stream);

}  // namespace headroom::engine::gpu
