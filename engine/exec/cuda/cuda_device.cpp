#include "engine/exec/cuda/cuda_device.h"

#include <cuda_runtime.h>

namespace headroom::engine {

std::optional<CudaDeviceInfo> probeCudaDevice(int index, std::string* reason) {
  const auto fail = [reason](const std::string& why) -> std::optional<CudaDeviceInfo> {
    if (reason != nullptr) *reason = why;
    return std::nullopt;
  };
  int count = 0;
  const cudaError_t status = cudaGetDeviceCount(&count);
  if (status != cudaSuccess) {
    cudaGetLastError();  // clear the sticky-free error so later calls start clean
    return fail(std::string("no usable CUDA device (") + cudaGetErrorName(status) + ": " +
                cudaGetErrorString(status) + ")");
  }
  if (count == 0) return fail("no CUDA device found");
  if (index < 0 || index >= count) {
    return fail("CUDA device " + std::to_string(index) + " does not exist (found " + std::to_string(count) +
                ", numbered from 0)");
  }
  cudaDeviceProp properties{};
  const cudaError_t propertiesStatus = cudaGetDeviceProperties(&properties, index);
  if (propertiesStatus != cudaSuccess) {
    cudaGetLastError();
    return fail(std::string("CUDA device ") + std::to_string(index) + ": " + cudaGetErrorString(propertiesStatus));
  }
  CudaDeviceInfo info;
  info.index = index;
  info.name = properties.name;
  info.computeMajor = properties.major;
  info.computeMinor = properties.minor;
  info.multiprocessors = properties.multiProcessorCount;
  info.memoryBytes = static_cast<std::int64_t>(properties.totalGlobalMem);
  return info;
}

}  // namespace headroom::engine
