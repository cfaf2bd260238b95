#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "engine/core/time.h"

namespace headroom::engine {

enum class ExecutorKind : std::uint8_t { Modeled, Constant };

// Which executor an instance runs, as a scenario names it.
//  Modeled: iteration time from a roofline of `model` on `hardware` (names of files in resources/).
//  Constant: every iteration takes `iteration` whatever the batch (queueing-theory validation).
// `model` is also used for KV sizing when present; without it the KV cache is unbounded unless the
// scheduler config fixes a block count.
struct ExecutorSpec {
  ExecutorKind kind = ExecutorKind::Modeled;
  std::string model;     // e.g. "llama-3.1-8b"; may be empty for Constant
  std::string hardware;  // e.g. "a100-80g"; empty for Constant
  std::int32_t tensorParallel = 0;  // 0 = the model file's default degree
  Duration iteration{};  // Constant only
};

}  // namespace headroom::engine
