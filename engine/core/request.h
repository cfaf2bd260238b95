#pragma once

#include <cstddef>
#include <cstdint>

#include "engine/core/qos_class.h"
#include "engine/core/time.h"

namespace headroom::engine {

using RequestId = std::uint64_t;
// Index of a task (e.g. "mmlu", "gsm8k") in its scenario's task list (taskNames in
// engine/workload/scenario.h); the model-tier router and the reward read a model's accuracy on it.
using TaskId = std::uint16_t;
// Index of a pool group (one model on one hardware, PoolGroup in engine/workload/scenario.h).
using GroupId = std::uint16_t;
// The most groups one pool may hold (per-class metrics keep a fixed-size count per group).
inline constexpr std::size_t kMaxPoolGroups = 8;

// One inference request as it arrives: what it asks for, not how it is being served.
// A value type; the scheduler keeps its own per-request progress beside it.
struct Request {
  RequestId id = 0;
  ClassId classId = 0;
  TimePoint arrival{};
  std::int32_t promptTokens = 1;
  std::int32_t outputTokens = 1;  // tokens to generate, the first one included
  TaskId task = 0;                // drawn from its class's task mix
  // The pool group it was sent to: set by the pool's tier router when it is submitted (0 in a pool of
  // one group), read by the metrics for the model mix and the reward.
  GroupId group = 0;
};

}  // namespace headroom::engine
