#pragma once

#include <array>
#include <cstdint>

#include "engine/core/request.h"

#include "engine/metrics/log_histogram.h"

namespace headroom::engine {

// What one QoS class has seen over some span (a whole run, or one time-series window). Counters are
// exact; latencies are microsecond histograms: queue = first scheduled - arrival, ttft = first token -
// arrival, tbt = each finished request's effective TBT as its bound judges it (RequestState::worstTokenPace,
// one sample per request of two tokens or more), tokenGap = every gap between consecutive tokens of a
// request, ttlt = last token - arrival.
// A cancelled request (its client left before its last token) is counted in `cancelled`, never in
// `completed` nor `sloMet`, and adds no ttlt; the work it got counts in the cancelled token counters.
// A plain value, fixed in size (no heap), not thread-safe.
struct ClassMetrics {
  std::int64_t arrived = 0;
  std::int64_t completed = 0;
  std::int64_t relegated = 0;
  std::int64_t preempted = 0;  // preemption events, not distinct requests
  std::int64_t sloMet = 0;     // completed requests that met every bound of their class
  std::int64_t tokensOut = 0;
  std::int64_t cancelled = 0;              // removed before their last token: the client left
  std::int64_t cancelledPromptTokens = 0;  // prompt tokens prefilled for requests later cancelled
  std::int64_t cancelledOutputTokens = 0;  // tokens generated for requests later cancelled
  // Model tiers (pools of several groups): completed requests per serving group, and the sum of their
  // rewards (tierReward: weight x accuracy when the SLO was met). Zero in a pool without quality figures.
  std::array<std::int64_t, kMaxPoolGroups> completedByGroup{};
  double rewardSum = 0.0;
  LogHistogram queue;
  LogHistogram ttft;
  LogHistogram tbt;
  LogHistogram tokenGap;
  LogHistogram ttlt;

  void merge(const ClassMetrics& other) {
    arrived += other.arrived;
    completed += other.completed;
    relegated += other.relegated;
    preempted += other.preempted;
    sloMet += other.sloMet;
    tokensOut += other.tokensOut;
    cancelled += other.cancelled;
    cancelledPromptTokens += other.cancelledPromptTokens;
    cancelledOutputTokens += other.cancelledOutputTokens;
    for (std::size_t g = 0; g < kMaxPoolGroups; ++g) completedByGroup[g] += other.completedByGroup[g];
    rewardSum += other.rewardSum;
    queue.merge(other.queue);
    ttft.merge(other.ttft);
    tbt.merge(other.tbt);
    tokenGap.merge(other.tokenGap);
    ttlt.merge(other.ttlt);
  }

  void reset() {
    arrived = completed = relegated = preempted = sloMet = tokensOut = 0;
    cancelled = cancelledPromptTokens = cancelledOutputTokens = 0;
    completedByGroup.fill(0);
    rewardSum = 0.0;
    queue.reset();
    ttft.reset();
    tbt.reset();
    tokenGap.reset();
    ttlt.reset();
  }
};

}  // namespace headroom::engine
