#include "serve/server/logprobs_trail.h"

#include "serve/protocol/logprobs_json.h"

namespace headroom::serve {

nlohmann::json LogprobsTrail::take(const CompletionFormatter& formatter) {
  if (!any_) return nullptr;
  nlohmann::json out = logprobsJson(formatter.endpoint(), pending_, nextOffset_);
  for (const engine::TokenLogprobs& token : pending_) {
    nextOffset_ += static_cast<std::int64_t>(logprobTokenBytes(token.sampled.token).size());
  }
  pending_.clear();
  return out;
}

}  // namespace headroom::serve
