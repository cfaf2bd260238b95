#pragma once

#include <cuda_bf16.h>
#include <cuda_runtime.h>

namespace headroom::engine::gpu {

// Fused residual add + RMSNorm over rows of `dim` values. For each output row r, the source row is
// s = rowIndex[r] (or r when rowIndex is null):
//   residual[s] += delta[s]                       (skipped when delta is null; written back, fp32)
//   out[r]       = residual[s] / sqrt(mean(residual[s]^2) + eps) * weight   (bf16)
// Sums are fp32. Source rows must be distinct when delta is given. Asynchronous on `stream`.
void launchRmsNorm(float* residual, const __nv_bfloat16* delta, const int* rowIndex, const float* weight,
                   __nv_bfloat16* out, int rows, int dim, float eps, cudaStream_t stream);

}  // namespace headroom::engine::gpu
