#pragma once

#include <cstdint>

#include <cuda_bf16.h>
#include <cuda_runtime.h>

namespace headroom::engine::gpu {

// Fills `count` bf16 values with offset + uniform(-scale, +scale) noise from a counter-based hash of
// (seed, index): the same seed gives the same values on any GPU and any launch shape. Device-side
// random weights for models too large to build on the host. Asynchronous.
void launchFillUniform(__nv_bfloat16* data, std::int64_t count, std::uint64_t seed, float offset, float scale,
                       cudaStream_t stream);

}  // namespace headroom::engine::gpu
