#include "engine/exec/cuda/rms_norm.cuh"

#include "engine/exec/cuda/block_reduce.cuh"
#include "engine/exec/cuda/cuda_check.h"

namespace headroom::engine::gpu {
namespace {

constexpr int kThreads = 256;

__global__ void rmsNormKernel(float* residual, const __nv_bfloat16* delta, const int* rowIndex,
                              const float* weight, __nv_bfloat16* out, int dim, float eps) {
  __shared__ float scratch[kWarpSize];
  const int row = blockIdx.x;
  const long long source = rowIndex != nullptr ? rowIndex[row] : row;
  float* x = residual + source * dim;
  const __nv_bfloat16* dx = delta != nullptr ? delta + source * dim : nullptr;

  float squares = 0.0f;
  for (int i = threadIdx.x; i < dim; i += blockDim.x) {
    float v = x[i];
    if (dx != nullptr) {
      v += __bfloat162float(dx[i]);
      x[i] = v;
    }
    squares += v * v;
  }
  const float total = blockSum(squares, scratch);
  const float inverseRms = rsqrtf(total / static_cast<float>(dim) + eps);
  __nv_bfloat16* y = out + static_cast<long long>(row) * dim;
  for (int i = threadIdx.x; i < dim; i += blockDim.x) y[i] = __float2bfloat16(x[i] * inverseRms * weight[i]);
}

}  // namespace

void launchRmsNorm(float* residual, const __nv_bfloat16* delta, const int* rowIndex, const float* weight,
                   __nv_bfloat16* out, int rows, int dim, float eps, cudaStream_t stream) {
  if (rows <= 0) return;
  rmsNormKernel<<<rows, kThreads, 0, stream>>>(residual, delta, rowIndex, weight, out, dim, eps);
  checkLaunch("rmsNormKernel");
}

}  // namespace headroom::engine::gpu
