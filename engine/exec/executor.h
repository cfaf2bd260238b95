#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/core/time.h"
#include "engine/exec/batch.h"
#include "engine/exec/iteration_time_model.h"
#include "engine/exec/sampling_params.h"
#include "engine/exec/token_logprobs.h"

namespace headroom::engine {

// What one iteration produced. `duration` is how long it took (measured on real hardware, predicted
// by a model). `tokens` holds one sampled token per batch entry for executors that compute them; the
// modeled ones leave it empty. `logprobs` is empty, or holds one entry per batch entry: the sampled
// token's logprobs for a request admitted with SamplingParams::logprobs, else nothing.
struct IterationResult {
  Duration duration{};
  std::vector<std::int32_t> tokens;
  std::vector<std::optional<TokenLogprobs>> logprobs = {};
};

// The seam between scheduling and computing: runs one batch. An Executor belongs to one Instance and
// is called from that instance's thread only.
class Executor {
 public:
  virtual ~Executor() = default;
  virtual IterationResult execute(const Batch& batch) = 0;
  // The model this executor's timing follows; the scheduler's dynamic chunker uses it.
  virtual const IterationTimeModel& timeModel() const = 0;

  // Whether execute() samples tokens from logits it computes (and can report logprobs). Modeled
  // executors only predict time: false.
  virtual bool computesLogits() const { return false; }
  // The longest sequence (prompt and output together) the executor can hold, when it has a limit of its
  // own beyond the scheduler's KV blocks; a server refuses longer requests up front.
  virtual std::optional<std::int64_t> maxContextTokens() const { return std::nullopt; }

  // A request enters the instance. `promptTokens` are the tokens it already has: its prompt, or after a
  // recompute preemption its prompt plus the tokens generated so far. Empty for a request without text
  // (a synthetic replay): executors that compute then make a deterministic prompt from the request id.
  // A prefill chunk that ends at the last known token samples the next one; a decode feeds the token
  // the sequence sampled last. Modeled executors ignore it. Executors that sample throw
  // std::invalid_argument on parameters checkSamplingParams refuses, before taking the request.
  virtual void admit(RequestId /*id*/, std::vector<std::int32_t> /*promptTokens*/, SamplingParams /*params*/) {}
  // The request left the instance (finished, or preempted to be recomputed later): forget its tokens and
  // free its KV cache.
  virtual void release(RequestId /*id*/) {}
};

}  // namespace headroom::engine
