#pragma once

#include <cstddef>

#include <cuda_runtime.h>

namespace headroom::engine::gpu {

// Copies `bytes` (a multiple of 16) from `source` to `target` on the device with 16-byte loads and
// stores: the memory-bandwidth probe of the benchmarks (reads + writes 2 * bytes). Asynchronous.
void launchDeviceCopy(const void* source, void* target, std::size_t bytes, cudaStream_t stream);

}  // namespace headroom::engine::gpu
