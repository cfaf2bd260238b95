#pragma once

#include <vector>

#include "engine/core/qos_class.h"
#include "engine/sched/priority_key.h"
#include "engine/sched/request_state.h"
#include "engine/sched/scheduler_config.h"

namespace headroom::engine {

// Computes the PriorityKey of a request under one ordering policy (see OrderingPolicy):
//  fcfs     (arrival)
//  priority (class rank, arrival)
//  edf      (first-token deadline, arrival)
//  srpf     (remaining prefill tokens, arrival)
//  hybrid   (deadline + alpha x remaining tokens, arrival): interactive classes use the TTFT deadline
//           and remaining prefill; TTLT classes the TTLT deadline and remaining prefill + decode.
// Two keys per request. key() orders requests of different classes and uses the class's deadlines
// (classFirstTokenDeadline, classFinalDeadline); hintedKey() orders requests of one class and uses the
// request's own, which its hint may have tightened. So a hint reorders a request within its class and
// never moves it ahead of another class. Under fcfs, priority and srpf the two keys are the same.
// Immutable; cheap to copy.
class Ordering {
 public:
  Ordering(OrderingPolicy policy, double alphaSPerToken, const std::vector<QosClass>& classes);

  PriorityKey key(const RequestState& state) const;
  PriorityKey hintedKey(const RequestState& state) const;
  OrderingPolicy policy() const { return policy_; }

 private:
  PriorityKey keyFor(const RequestState& state, TimePoint firstTokenDeadline, TimePoint finalDeadline) const;

  struct ClassInfo {
    int rank = 0;
    bool interactive = false;
  };
  OrderingPolicy policy_;
  double alphaUsPerToken_;
  std::vector<ClassInfo> classes_;
};

}  // namespace headroom::engine
