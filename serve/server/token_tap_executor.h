#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <unordered_map>

#include "engine/exec/executor.h"

namespace headroom::serve {

// Wraps an executor and keeps the tokens its last iteration sampled, by request, so a serving host can
// hand a real executor's tokens (and their logprobs) to clients (Instance passes only the duration on). Modeled executors
// sample none: tokenFor() is then empty. Used on the instance's thread only, like the executor.
class TokenTapExecutor final : public engine::Executor {
 public:
  explicit TokenTapExecutor(std::unique_ptr<engine::Executor> inner);

  engine::IterationResult execute(const engine::Batch& batch) override;
  const engine::IterationTimeModel& timeModel() const override { return inner_->timeModel(); }
  bool computesLogits() const override { return inner_->computesLogits(); }
  std::optional<std::int64_t> maxContextTokens() const override { return inner_->maxContextTokens(); }
  void admit(engine::RequestId request, std::vector<std::int32_t> promptTokens, engine::SamplingParams params) override {
    inner_->admit(request, std::move(promptTokens), params);
  }
  void release(engine::RequestId request) override { inner_->release(request); }

  // The token the last iteration sampled for `request`, when the executor computes tokens.
  std::optional<std::int32_t> tokenFor(engine::RequestId request) const;
  // The logprobs of that token, when its request asked for them; null otherwise. Valid until the next
  // iteration.
  const engine::TokenLogprobs* logprobsFor(engine::RequestId request) const;

 private:
  std::unique_ptr<engine::Executor> inner_;
  std::unordered_map<engine::RequestId, std::int32_t> lastTokens_;
  std::unordered_map<engine::RequestId, engine::TokenLogprobs> lastLogprobs_;
};

}  // namespace headroom::serve
