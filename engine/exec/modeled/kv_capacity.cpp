#include "engine/exec/modeled/kv_capacity.h"

#include <algorithm>
#include <stdexcept>
#include <string>

#include "engine/exec/modeled/resource_json.h"

namespace headroom::engine {

std::int64_t kvCacheBytesPerGpu(const ModelShape& model, const HardwareProfile& hardware, int tensorParallel,
                                double memoryUtilization) {
  checkTensorParallel(model, tensorParallel);
  if (!(memoryUtilization > 0.0) || memoryUtilization > 1.0) {
    throw std::invalid_argument("memory utilization must be in (0, 1], got " +
                                std::to_string(memoryUtilization));
  }
  const std::int64_t tp = tensorParallel;
  const auto usable =
      static_cast<std::int64_t>(memoryUtilization * static_cast<double>(hardware.memoryBytes));
  const std::int64_t weights = (model.weightBytes() + tp - 1) / tp;
  const std::int64_t activationValuesPerToken =
      4 * static_cast<std::int64_t>(model.hiddenSize) +
      (model.qkvWidth() + 3 * std::int64_t{model.intermediateSize}) / tp;
  const std::int64_t activations =
      kActivationReserveTokens * activationValuesPerToken * model.bytesPerParameter;
  const std::int64_t logits = kLogitsReserveSequences * model.vocabSize * std::int64_t{4};
  return usable - weights - hardware.runtimeReserveBytes - activations - logits;
}

std::int64_t kvBlockCapacity(const ModelShape& model, const HardwareProfile& hardware, int tensorParallel,
                             int blockTokens, double memoryUtilization) {
  if (blockTokens < 1)
    throw std::invalid_argument("KV block size must be at least 1 token, got " + std::to_string(blockTokens));
  const std::int64_t free = kvCacheBytesPerGpu(model, hardware, tensorParallel, memoryUtilization);
  const std::int64_t kvHeadsPerGpu = std::max(1, model.kvHeads / tensorParallel);
  const std::int64_t bytesPerToken = model.kvBytesPerToken() / model.kvHeads * kvHeadsPerGpu;
  const std::int64_t blocks = free > 0 ? free / (bytesPerToken * blockTokens) : 0;
  if (blocks < 1) {
    throw std::runtime_error(model.name + " does not fit on " + hardware.name + " at tensor parallel " +
                             std::to_string(tensorParallel) + ": " +
                             std::to_string(model.weightBytes() / tensorParallel) +
                             " weight bytes per GPU leave " + std::to_string(free) +
                             " bytes for the KV cache; use a larger tensor-parallel degree or more memory");
  }
  return blocks;
}

std::optional<std::int64_t> kvBlocksFor(const ExecutorSpec& spec, int blockTokens) {
  if (spec.model.empty()) return std::nullopt;
  // The CPU reference keeps its cache in host memory, and a profile alone says nothing of GPU memory.
  if (spec.kind == ExecutorKind::Cpu) return std::nullopt;
  if (spec.hardware.empty() && (spec.kind == ExecutorKind::Cuda || !spec.profile.empty())) return std::nullopt;
  if (spec.hardware.empty()) {
    throw std::runtime_error("executor: no hardware profile given; sizing the KV cache of model '" +
                             spec.model + "' needs one (available: " + availableNames("hardware") + ")");
  }
  if (spec.tensorParallel < 0) {
    throw std::runtime_error("executor: tensor parallel degree must be >= 0 (0 = the model's default), got " +
                             std::to_string(spec.tensorParallel));
  }
  const ModelShape model = loadModelShape(spec.model);
  const HardwareProfile hardware = loadHardwareProfile(spec.hardware);
  const int tp = spec.tensorParallel == 0 ? model.defaultTensorParallel : spec.tensorParallel;
  return kvBlockCapacity(model, hardware, tp, blockTokens);
}

}  // namespace headroom::engine
