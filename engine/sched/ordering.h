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
// Immutable; cheap to copy.
class Ordering {
 public:
  Ordering(OrderingPolicy policy, double alphaSPerToken, const std::vector<QosClass>& classes);

  PriorityKey key(const RequestState& state) const;
  OrderingPolicy policy() const { return policy_; }

 private:
  struct ClassInfo {
    int rank = 0;
    bool interactive = false;
  };
  OrderingPolicy policy_;
  double alphaUsPerToken_;
  std::vector<ClassInfo> classes_;
};

}  // namespace headroom::engine
