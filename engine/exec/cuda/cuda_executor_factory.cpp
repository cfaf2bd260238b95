#include "engine/exec/cuda/cuda_executor_factory.h"

#include <optional>
#include <stdexcept>
#include <string>

#include <spdlog/spdlog.h>

#include "engine/exec/cuda/cuda_device.h"
#include "engine/exec/cuda/cuda_executor.h"
#include "engine/exec/executor_factory.h"
#include "engine/exec/llama/shared_llama_weights.h"
#include "engine/exec/modeled/model_shape.h"

namespace headroom::engine {

namespace {

constexpr double kLargestHostRandomParameters = 2e9;

// The built-in hardware profile for a GPU name as the driver reports it ("NVIDIA H100 80GB HBM3").
std::string hardwareFor(const std::string& deviceName) {
  if (deviceName.find("H200") != std::string::npos) return "h200";
  if (deviceName.find("H100") != std::string::npos) return "h100-sxm";
  if (deviceName.find("A100") != std::string::npos) return "a100-80g";
  return {};
}

std::shared_ptr<const IterationTimeModel> cudaTimeModel(const ExecutorSpec& spec, const CudaDeviceInfo& device) {
  ExecutorSpec modeled = spec;
  modeled.kind = ExecutorKind::Modeled;
  if (spec.profile.empty() && spec.hardware.empty()) {
    modeled.hardware = hardwareFor(device.name);
    if (modeled.hardware.empty()) {
      throw std::runtime_error("executor 'cuda': no built-in hardware profile matches the GPU '" + device.name +
                               "'; name one with 'hardware' or a measured 'profile'");
    }
  }
  return makeTimeModel(modeled);
}

}  // namespace

std::unique_ptr<Executor> makeExecutorWithCuda(const ExecutorSpec& spec) {
  if (spec.kind != ExecutorKind::Cuda) return makeExecutor(spec);
  if (spec.model.empty()) throw std::runtime_error("executor 'cuda': no model given");

  std::string reason;
  const std::optional<CudaDeviceInfo> device = probeCudaDevice(0, &reason);
  if (!device) {
    ExecutorSpec fallback = spec;
    const bool modeled = !spec.profile.empty() || !spec.hardware.empty();
    fallback.kind = modeled ? ExecutorKind::Modeled : ExecutorKind::Cpu;
    spdlog::warn("executor 'cuda' unavailable ({}); falling back to the {} executor", reason,
                 modeled ? "modeled" : "cpu");
    return makeExecutor(fallback);
  }

  std::shared_ptr<const IterationTimeModel> timeModel = cudaTimeModel(spec, *device);
  const ModelShape shape = loadModelShape(spec.model);
  if (spec.weights == "random" && static_cast<double>(shape.parameterCount()) > kLargestHostRandomParameters) {
    return std::make_unique<CudaExecutor>(shape, spec.weightsSeed, std::move(timeModel));
  }
  return std::make_unique<CudaExecutor>(sharedLlamaWeights(spec), std::move(timeModel));
}

void registerCudaExecutor() { registerCudaExecutorFactory(&makeExecutorWithCuda); }

}  // namespace headroom::engine
