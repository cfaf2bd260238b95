#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "engine/core/time.h"
#include "engine/exec/batch.h"
#include "engine/exec/iteration_time_model.h"
#include "engine/exec/sampling_params.h"

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

  // A request enters the instance. `promptTokens` are the tokens it already has: its prompt, or after a
  // recompute preemption its prompt plus the tokens generated so far. Empty for a request without text
  // (a synthetic replay): executors that compute then make a deterministic prompt from the request id.
  // A prefill chunk that ends at the last known token samples the next one; a decode feeds the token
  // the sequence sampled last. Modeled executors ignore it.
  virtual void admit(RequestId /*id*/, std::vector<std::int32_t> /*promptTokens*/, SamplingParams /*params*/) {}
  // The request left the instance (finished, or preempted to be recomputed later): forget its tokens and
  // free its KV cache.
  virtual void release(RequestId /*id*/) {}
};

}  // namespace headroom::engine
