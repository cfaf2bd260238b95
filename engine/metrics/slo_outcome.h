#pragma once

#include "engine/core/qos_class.h"
#include "engine/sched/request_state.h"

namespace headroom::engine {

// Whether a finished request met every bound of its class: TTFT judged on state.firstToken, TBT on the
// scheduler's per-token deadline flag, TTLT on `finish`. Unset bounds always hold.
inline bool metSlo(const Slo& slo, const RequestState& state, TimePoint finish) {
  const TimePoint arrival = state.request.arrival;
  if (slo.ttft && state.firstToken - arrival > *slo.ttft) return false;
  if (slo.tbt && state.tbtDeadlineMissed) return false;
  if (slo.ttlt && finish - arrival > *slo.ttlt) return false;
  return true;
}

}  // namespace headroom::engine
