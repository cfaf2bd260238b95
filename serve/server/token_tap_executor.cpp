#include "serve/server/token_tap_executor.h"

#include <stdexcept>

namespace headroom::serve {

TokenTapExecutor::TokenTapExecutor(std::unique_ptr<engine::Executor> inner) : inner_(std::move(inner)) {
  if (!inner_) throw std::invalid_argument("TokenTapExecutor needs an executor");
}

engine::IterationResult TokenTapExecutor::execute(const engine::Batch& batch) {
  engine::IterationResult result = inner_->execute(batch);
  lastTokens_.clear();
  lastLogprobs_.clear();
  if (result.tokens.size() == batch.entries.size()) {
    for (std::size_t i = 0; i < batch.entries.size(); ++i) lastTokens_[batch.entries[i].requestId] = result.tokens[i];
  }
  if (result.logprobs.size() == batch.entries.size()) {
    for (std::size_t i = 0; i < batch.entries.size(); ++i) {
      if (result.logprobs[i]) lastLogprobs_[batch.entries[i].requestId] = *result.logprobs[i];
    }
  }
  return result;
}

std::optional<std::int32_t> TokenTapExecutor::tokenFor(engine::RequestId request) const {
  const auto found = lastTokens_.find(request);
  if (found == lastTokens_.end()) return std::nullopt;
  return found->second;
}

const engine::TokenLogprobs* TokenTapExecutor::logprobsFor(engine::RequestId request) const {
  const auto found = lastLogprobs_.find(request);
  return found == lastLogprobs_.end() ? nullptr : &found->second;
}

}  // namespace headroom::serve
