#pragma once

// Helpers for the GPU tests: device buffers filled from host vectors and bf16 rounding on the host
// (the skip decision is support/cuda_skip.h). Only included when the build has CUDA.

#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include <cuda_bf16.h>
#include <cuda_runtime.h>

#include "engine/exec/cuda/bf16_bits.h"
#include "engine/exec/cuda/cuda_check.h"
#include "engine/exec/cuda/cuda_device.h"
#include "engine/exec/cuda/device_buffer.h"
#include "engine/workload/random.h"

namespace headroom::test {

template <typename T>
engine::gpu::DeviceBuffer<T> toDevice(const std::vector<T>& host) {
  engine::gpu::DeviceBuffer<T> device(host.size());
  engine::gpu::checkCuda(cudaMemcpy(device.data(), host.data(), host.size() * sizeof(T), cudaMemcpyHostToDevice),
                         "test upload");
  return device;
}

template <typename T>
std::vector<T> toHost(const engine::gpu::DeviceBuffer<T>& device) {
  engine::gpu::checkCuda(cudaDeviceSynchronize(), "test kernels");
  std::vector<T> host(device.size());
  engine::gpu::checkCuda(cudaMemcpy(host.data(), device.data(), device.bytes(), cudaMemcpyDeviceToHost),
                         "test download");
  return host;
}

// bf16 values as raw bits on the host, and their exact float values.
struct Bf16Tensor {
  std::vector<std::uint16_t> bits;
  std::vector<float> values;
};

inline Bf16Tensor randomBf16(std::size_t count, engine::Rng& rng, double bound) {
  Bf16Tensor tensor;
  tensor.bits.resize(count);
  tensor.values.resize(count);
  for (std::size_t i = 0; i < count; ++i) {
    tensor.bits[i] = engine::gpu::floatToBf16Bits(static_cast<float>((2.0 * rng.uniform() - 1.0) * bound));
    tensor.values[i] = engine::gpu::bf16BitsToFloat(tensor.bits[i]);
  }
  return tensor;
}

inline std::vector<float> randomFloats(std::size_t count, engine::Rng& rng, double bound, double offset = 0.0) {
  std::vector<float> values(count);
  for (float& v : values) v = static_cast<float>(offset + (2.0 * rng.uniform() - 1.0) * bound);
  return values;
}

inline engine::gpu::DeviceBuffer<__nv_bfloat16> toDeviceBf16(const std::vector<std::uint16_t>& bits) {
  engine::gpu::DeviceBuffer<__nv_bfloat16> device(bits.size());
  engine::gpu::checkCuda(cudaMemcpy(device.data(), bits.data(), bits.size() * sizeof(std::uint16_t),
                                    cudaMemcpyHostToDevice),
                         "test upload");
  return device;
}

inline std::vector<float> toHostBf16(const engine::gpu::DeviceBuffer<__nv_bfloat16>& device) {
  engine::gpu::checkCuda(cudaDeviceSynchronize(), "test kernels");
  std::vector<std::uint16_t> bits(device.size());
  engine::gpu::checkCuda(cudaMemcpy(bits.data(), device.data(), device.bytes(), cudaMemcpyDeviceToHost),
                         "test download");
  std::vector<float> values(bits.size());
  for (std::size_t i = 0; i < bits.size(); ++i) values[i] = engine::gpu::bf16BitsToFloat(bits[i]);
  return values;
}

inline std::vector<std::uint16_t> toHostBits(const engine::gpu::DeviceBuffer<__nv_bfloat16>& device) {
  engine::gpu::checkCuda(cudaDeviceSynchronize(), "test kernels");
  std::vector<std::uint16_t> bits(device.size());
  engine::gpu::checkCuda(cudaMemcpy(bits.data(), device.data(), device.bytes(), cudaMemcpyDeviceToHost),
                         "test download");
  return bits;
}

// Index and size of the worst violation of |actual - expected| <= absolute + relative * |expected|, or
// -1 when all hold.
inline long long firstMismatch(const std::vector<float>& actual, const std::vector<float>& expected,
                               double absolute, double relative) {
  if (actual.size() != expected.size()) return 0;
  for (std::size_t i = 0; i < actual.size(); ++i) {
    const double tolerance = absolute + relative * std::fabs(static_cast<double>(expected[i]));
    if (!(std::fabs(static_cast<double>(actual[i]) - expected[i]) <= tolerance)) return static_cast<long long>(i);
  }
  return -1;
}

// ||actual - expected|| / ||expected|| over [begin, end).
inline double relativeError(const float* actual, const float* expected, std::size_t count) {
  double difference = 0.0;
  double norm = 0.0;
  for (std::size_t i = 0; i < count; ++i) {
    const double d = static_cast<double>(actual[i]) - expected[i];
    difference += d * d;
    norm += static_cast<double>(expected[i]) * expected[i];
  }
  return norm > 0.0 ? std::sqrt(difference / norm) : std::sqrt(difference);
}

}  // namespace headroom::test
