#pragma once

#include <optional>

#include "engine/core/qos_class.h"
#include "engine/sched/request_state.h"

namespace headroom::engine {

// How a finished request fared against each bound of its class: true (met), false (missed), or
// nullopt when the class has no such bound. A plain value.
struct SloOutcome {
  std::optional<bool> ttft;
  std::optional<bool> tbt;
  std::optional<bool> ttlt;

  // Every bound the class has held (a class without bounds always meets its SLO).
  bool met() const { return ttft.value_or(true) && tbt.value_or(true) && ttlt.value_or(true); }
};

// TTFT judged on state.firstToken, TBT on the scheduler's per-token deadline flag, TTLT on `finish`.
inline SloOutcome sloOutcome(const Slo& slo, const RequestState& state, TimePoint finish) {
  const TimePoint arrival = state.request.arrival;
  SloOutcome outcome;
  if (slo.ttft) outcome.ttft = state.firstToken - arrival <= *slo.ttft;
  if (slo.tbt) outcome.tbt = !state.tbtDeadlineMissed;
  if (slo.ttlt) outcome.ttlt = finish - arrival <= *slo.ttlt;
  return outcome;
}

// Whether a finished request met every bound of its class.
inline bool metSlo(const Slo& slo, const RequestState& state, TimePoint finish) { return sloOutcome(slo, state, finish).met(); }

}  // namespace headroom::engine
