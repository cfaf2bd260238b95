#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "engine/core/time.h"

namespace headroom::engine {

enum class ExecutorKind : std::uint8_t { Modeled, Constant, Cpu, Cuda };

// Which executor an instance runs, as a scenario names it.
//  Modeled: iteration time from a roofline of `model` on `hardware` (names of files in resources/).
//  Constant: every iteration takes `iteration` whatever the batch (queueing-theory validation).
//  Cpu: the fp32 reference Llama runs every batch on the host; Cuda: the same model on the GPU. Both
//  use `weights` ("random" = seeded random weights, or a safetensors file or sharded folder) and take
//  as long as they take on the wall clock.
// `profile` (any kind but Constant) names resources/profiles/<profile>.json: a measured iteration-time
// predictor that replaces the roofline (Modeled) or serves as the scheduler's estimate (Cpu, Cuda).
// `model` is also used for KV sizing when present; without it the KV cache is unbounded unless the
// scheduler config fixes a block count.
struct ExecutorSpec {
  ExecutorKind kind = ExecutorKind::Modeled;
  std::string model;     // e.g. "llama-3.1-8b"; may be empty for Constant
  std::string hardware;  // e.g. "a100-80g"; empty for Constant
  std::int32_t tensorParallel = 0;  // 0 = the model file's default degree
  Duration iteration{};  // Constant only
  std::string weights = "random";  // Cpu and Cuda only
  std::uint64_t weightsSeed = 1;   // seed of random weights
  std::string profile;             // empty = none

  bool operator==(const ExecutorSpec&) const = default;
};

}  // namespace headroom::engine
