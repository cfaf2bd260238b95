#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <unordered_map>

#include "engine/exec/executor.h"

namespace headroom::engine {

// Wraps an executor and keeps the tokens its last iteration sampled, by request, so a serving host can
// hand a real executor's tokens to clients (Instance passes only the duration on). Modeled executors
// sample none: tokenFor() is then empty. Used on the instance's thread only, like the executor.
class TokenTapExecutor final : public Executor {
 public:
  explicit TokenTapExecutor(std::unique_ptr<Executor> inner);

  IterationResult execute(const Batch& batch) override;
  const IterationTimeModel& timeModel() const override { return inner_->timeModel(); }
  void admit(RequestId request, std::vector<std::int32_t> promptTokens, SamplingParams params) override {
    inner_->admit(request, std::move(promptTokens), params);
  }
  void release(RequestId request) override { inner_->release(request); }

  // The token the last iteration sampled for `request`, when the executor computes tokens.
  std::optional<std::int32_t> tokenFor(RequestId request) const;

 private:
  std::unique_ptr<Executor> inner_;
  std::unordered_map<RequestId, std::int32_t> lastTokens_;
};

}  // namespace headroom::engine
