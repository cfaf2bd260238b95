#pragma once

#include <cuda_bf16.h>
#include <cuda_runtime.h>

namespace headroom::engine::gpu {

// The gated MLP activation. Row t of `gateUp` holds the gate projection (intermediate values) followed
// by the up projection (intermediate values); out[t][i] = silu(gate[i]) * up[i] with silu(g) =
// g / (1 + exp(-g)), computed in fp32, stored bf16. Asynchronous.
void launchSwiglu(const __nv_bfloat16* gateUp, __nv_bfloat16* out, int tokens, int intermediate,
                  cudaStream_t stream);

}  // namespace headroom::engine::gpu
