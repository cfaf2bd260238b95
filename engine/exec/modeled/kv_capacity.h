#pragma once

#include <cstdint>
#include <optional>

#include "engine/exec/executor_spec.h"
#include "engine/exec/modeled/hardware_profile.h"
#include "engine/exec/modeled/model_shape.h"

namespace headroom::engine {

// What a forward pass needs besides weights and KV, sized like a serving engine's memory profiling run.
inline constexpr std::int64_t kActivationReserveTokens = 8192;  // tokens of the profiling forward pass
inline constexpr std::int64_t kLogitsReserveSequences = 256;    // sequences whose fp32 logits are held

// Per-GPU bytes the KV cache may use: memoryUtilization x memory, less this GPU's share of the weights,
// the hardware's runtime reserve and the activation reserve above. May be negative (does not fit).
std::int64_t kvCacheBytesPerGpu(const ModelShape& model, const HardwareProfile& hardware, int tensorParallel,
                                double memoryUtilization = 0.9);

// KV blocks of `blockTokens` tokens one instance (a tensor-parallel group) can hold. Each GPU keeps
// its share of every token's K and V (2 x layers x kv_heads x head_dim x 2 bytes, split by tp).
// Throws std::invalid_argument on a bad degree, block size or utilisation, and std::runtime_error when
// the weights and reserves leave no room for a single block (naming model, hardware and degree).
// Llama-3.1-8B on one A100-80G with 16-token blocks: 28,119 blocks (449,904 tokens).
std::int64_t kvBlockCapacity(const ModelShape& model, const HardwareProfile& hardware, int tensorParallel,
                             int blockTokens, double memoryUtilization = 0.9);

// Block capacity for an executor spec: std::nullopt (unbounded) when it names no model, for the CPU
// executor, and for a profile or CUDA spec without hardware; otherwise loads the model and hardware
// (tensorParallel 0 = the model's default). A modeled spec with a model but neither hardware nor profile
// is an error.
std::optional<std::int64_t> kvBlocksFor(const ExecutorSpec& spec, int blockTokens);

}  // namespace headroom::engine
