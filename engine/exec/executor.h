#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "engine/core/time.h"
#include "engine/exec/batch.h"
#include "engine/exec/iteration_time_model.h"

namespace headroom::engine {

// What one iteration produced. `duration` is how long it took (measured on real hardware, predicted
// by a model). `tokens` holds one sampled token per batch entry for executors that compute them; the
// modeled ones leave it empty.
struct IterationResult {
  Duration duration{};
  std::vector<std::int32_t> tokens;
};

// The seam between scheduling and computing: runs one batch. An Executor belongs to one Instance and
// is called from that instance's thread only.
class Executor {
 public:
  virtual ~Executor() = default;
  virtual IterationResult execute(const Batch& batch) = 0;
  // The model this executor's timing follows; the scheduler's dynamic chunker uses it.
  virtual const IterationTimeModel& timeModel() const = 0;
};

}  // namespace headroom::engine
