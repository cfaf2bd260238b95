#include "engine/exec/cuda/device_copy.cuh"

#include <stdexcept>

#include "engine/exec/cuda/cuda_check.h"

namespace headroom::engine::gpu {
namespace {

constexpr int kThreads = 256;

__global__ void deviceCopyKernel(const uint4* __restrict__ source, uint4* __restrict__ target, long long count) {
  const long long stride = static_cast<long long>(gridDim.x) * blockDim.x;
  for (long long i = static_cast<long long>(blockIdx.x) * blockDim.x + threadIdx.x; i < count; i += stride) {
    target[i] = source[i];
  }
}

}  // namespace

void launchDeviceCopy(const void* source, void* target, std::size_t bytes, cudaStream_t stream) {
  if (bytes % sizeof(uint4) != 0) throw std::invalid_argument("device copy: size must be a multiple of 16 bytes");
  const long long count = static_cast<long long>(bytes / sizeof(uint4));
  if (count == 0) return;
  int device = 0;
  int multiprocessors = 0;
  checkCuda(cudaGetDevice(&device), "cudaGetDevice");
  checkCuda(cudaDeviceGetAttribute(&multiprocessors, cudaDevAttrMultiProcessorCount, device), "SM count");
  const long long wanted = (count + kThreads - 1) / kThreads;
  const long long cap = static_cast<long long>(multiprocessors) * 8;
  const int blocks = static_cast<int>(wanted < cap ? wanted : cap);
  deviceCopyKernel<<<blocks, kThreads, 0, stream>>>(static_cast<const uint4*>(source), static_cast<uint4*>(target),
                                                     count);
  checkLaunch("deviceCopyKernel");
}

}  // namespace headroom::engine::gpu
