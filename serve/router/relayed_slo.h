#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "engine/core/qos_class.h"
#include "engine/core/time.h"
#include "engine/metrics/slo_outcome.h"

namespace headroom::serve {

// The router's judgement of an answer it relayed against the request's class SLO, by the engine's one
// rule (engine::sloOutcome): the first token by arrival + TTFT, token n by anchor + (n - 1) x TBT
// (anchor: arrival + TTFT, or the first token when the class has no TTFT bound), the last by arrival +
// TTLT. Times are when tokens reached the router on their way to the client: a streamed answer's token
// events one by one, a whole answer's tokens all at once when it arrived (the router cannot see earlier
// tokens it was not sent). A plain value; not thread-safe.
class RelayedSlo {
 public:
  RelayedSlo(const engine::Slo& slo, engine::TimePoint arrival);

  // `count` tokens reached the router at `at` (in time order).
  void tokens(std::int32_t count, engine::TimePoint at);
  std::int32_t count() const { return state_.generatedTokens; }
  bool started() const { return state_.generatedTokens > 0; }
  // The answer ended at `finish` (its last byte).
  engine::SloOutcome judge(engine::TimePoint finish) const;

 private:
  engine::Slo slo_;
  engine::RequestState state_;
};

// The tokens one event of a completion stream carries: 1 when its choice holds generated text (a
// completion's "text" or a chat delta's "content", non-empty), else 0 (the role chunk, the finish and
// usage chunks, [DONE], error events, what does not parse). Headroom members send one event per token.
std::int32_t streamedTokens(std::string_view eventData);

// A whole completion answer's "usage"."completion_tokens"; nullopt when absent or not JSON.
std::optional<std::int32_t> completionTokens(std::string_view body);

}  // namespace headroom::serve
