#pragma once

#include <cstdint>
#include <vector>

#include "engine/core/qos_class.h"

namespace headroom::serve {

// What a serving host has counted for one class since it started. Kept by the host: admission outcomes,
// cancellations, queue and running gauges, tokens; `completed`, `sloMet` and `relegatedDeadline` are copied from
// the engine's MetricsCollector when read, as are the latencies (ServingHost::latencies()). A plain value.
struct ClassServingStats {
  std::uint64_t admitted = 0;           // accepted into the queue (relegated ones included)
  std::uint64_t rejected = 0;           // turned away with 429 because the class's queue was full
  std::uint64_t relegatedOverload = 0;  // held back on overload instead of rejected
  std::uint64_t relegatedDeadline = 0;  // relegated by the scheduler (deadline no longer reachable)
  std::uint64_t completed = 0;          // produced their last token (cancelled ones never count here)
  std::uint64_t sloMet = 0;             // completed and met every bound of their class's SLO
  std::uint64_t cancelled = 0;          // the client left before the last token (queued or running)
  std::uint64_t failed = 0;             // refused by the executor, or lost with a failed iteration
  std::uint64_t promptTokens = 0;       // of completed requests
  std::uint64_t completionTokens = 0;   // of completed requests
  std::uint64_t cancelledPromptTokens = 0;      // prompt tokens prefilled for requests later cancelled
  std::uint64_t cancelledCompletionTokens = 0;  // tokens generated for requests later cancelled
  std::int64_t queued = 0;  // gauge: admitted, not yet scheduled
  std::int64_t running = 0; // gauge: scheduled, not finished
};

struct ServingStats {
  std::vector<ClassServingStats> classes;
  std::int64_t iterations = 0;
  double busyS = 0.0;
  double uptimeS = 0.0;
};

}  // namespace headroom::serve
