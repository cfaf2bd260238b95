#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace headroom::engine {

// What the CUDA runtime reports about one GPU. A plain value.
struct CudaDeviceInfo {
  int index = 0;
  std::string name;
  int computeMajor = 0;
  int computeMinor = 0;
  int multiprocessors = 0;
  std::int64_t memoryBytes = 0;
};

// The GPU `index`, or nullopt with `reason` saying why it cannot be used (no driver, no device, an index
// past the last device). Never throws; safe on machines without a GPU or driver.
std::optional<CudaDeviceInfo> probeCudaDevice(int index = 0, std::string* reason = nullptr);

}  // namespace headroom::engine
