#pragma once

#include <cstdint>

#include "engine/core/request.h"
#include "engine/core/time.h"

namespace headroom::engine {

// A request's progress inside one instance. Owned by that instance's Scheduler; observers see it as
// const during callbacks only.
//
// Token accounting: `cachedTokens` are in the KV cache. A prefill brings the cache up to
// `prefillTarget` (the prompt, or prompt + generated tokens after a recompute preemption) and its last
// chunk samples one token. Each decode step feeds the last sampled token and samples the next. So once
// prefilled: cachedTokens == promptTokens + generatedTokens - 1.
struct RequestState {
  Request request;
  std::int32_t prefillTarget = 0;
  std::int64_t cachedTokens = 0;
  std::int32_t generatedTokens = 0;
  std::int32_t kvBlocks = 0;
  std::int32_t preemptions = 0;
  bool relegated = false;
  bool started = false;          // scheduled at least once
  bool tbtDeadlineMissed = false;  // some token came after arrival + ttft + (n - 1) x tbt
  // The request's effective TBT as its TBT bound judges it: the largest (token n's time - anchor) / (n - 1)
  // over tokens n >= 2, rounded up to the microsecond, never negative; anchor = arrival + TTFT bound (the
  // first token when the class has no TTFT bound). It passes the TBT bound exactly when a token missed
  // its deadline, so one number per request says both whether and by how much.
  Duration worstTokenPace{};
  TimePoint firstScheduled{};
  TimePoint firstToken{};
  TimePoint lastToken{};
  TimePoint firstTokenDeadline{};  // internal target; for TTLT classes the TTLT minus expected decode
  TimePoint finalDeadline{};       // TTLT bound, or the last token's TBT deadline; max when unbounded
  // Both of the above tighten with the request's hint. These two are the class's own and place the
  // request among other classes; a hint never changes them. A request that takes its class's next turn
  // ahead of an older one of its class carries that turn's deadlines (see WaitingQueue).
  TimePoint classFirstTokenDeadline{};
  TimePoint classFinalDeadline{};

  bool prefilling() const { return cachedTokens < prefillTarget; }
  bool decoding() const { return !prefilling() && generatedTokens > 0; }
  std::int32_t remainingPrefill() const {
    return prefilling() ? static_cast<std::int32_t>(prefillTarget - cachedTokens) : 0;
  }
  std::int32_t remainingDecode() const { return request.outputTokens - generatedTokens; }
  bool finished() const { return generatedTokens >= request.outputTokens; }
};

// Hears what happens to requests inside an instance, in time order. Called on the instance's thread
// (the simulation thread in a replay); implementations must not call back into the scheduler.
class RequestObserver {
 public:
  virtual ~RequestObserver() = default;
  virtual void onArrival(const Request& request, TimePoint now) = 0;
  // The first iteration that includes any of its work starts (queue time ends).
  virtual void onFirstScheduled(const RequestState& state, TimePoint now) = 0;
  // A token was sampled; state.generatedTokens already counts it. `gap` is the time since the
  // previous token (zero for the first).
  virtual void onToken(const RequestState& state, TimePoint now, Duration gap) = 0;
  virtual void onRelegated(const RequestState& state, TimePoint now) = 0;
  virtual void onPreempted(const RequestState& state, TimePoint now) = 0;
  // Its last token was sampled; it leaves the instance after this call.
  virtual void onFinished(const RequestState& state, TimePoint now) = 0;
  // It was removed before its last token because its client left (Scheduler::cancel); it leaves the
  // instance after this call, its KV blocks freed. Not a completion: it is never judged against its
  // SLO. `state` says how far it got (cachedTokens, generatedTokens). Observers that count only
  // completions may ignore it.
  virtual void onCancelled(const RequestState& /*state*/, TimePoint /*now*/) {}
};

}  // namespace headroom::engine
