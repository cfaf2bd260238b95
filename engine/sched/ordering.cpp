#include "engine/sched/ordering.h"

#include <cmath>

namespace headroom::engine {

Ordering::Ordering(OrderingPolicy policy, double alphaSPerToken, const std::vector<QosClass>& classes)
    : policy_(policy), alphaUsPerToken_(alphaSPerToken * 1e6) {
  classes_.reserve(classes.size());
  for (const QosClass& qos : classes) classes_.push_back({qos.rank, qos.slo.interactive()});
}

PriorityKey Ordering::key(const RequestState& state) const {
  return keyFor(state, state.classFirstTokenDeadline, state.classFinalDeadline);
}

PriorityKey Ordering::hintedKey(const RequestState& state) const {
  return keyFor(state, state.firstTokenDeadline, state.finalDeadline);
}

PriorityKey Ordering::keyFor(const RequestState& state, TimePoint firstTokenDeadline, TimePoint finalDeadline) const {
  const Request& request = state.request;
  const std::int64_t arrivalUs = request.arrival.time_since_epoch().count();
  PriorityKey key{state.relegated ? std::uint8_t{1} : std::uint8_t{0}, 0, arrivalUs, request.id};
  switch (policy_) {
    case OrderingPolicy::Fcfs:
      key.primary = arrivalUs;
      key.secondary = 0;
      break;
    case OrderingPolicy::Priority:
      key.primary = classes_[request.classId].rank;
      break;
    case OrderingPolicy::Edf:
      key.primary = firstTokenDeadline.time_since_epoch().count();
      break;
    case OrderingPolicy::Srpf:
      key.primary = state.remainingPrefill();
      break;
    case OrderingPolicy::Hybrid: {
      const ClassInfo& info = classes_[request.classId];
      if (info.interactive) {
        key.primary = firstTokenDeadline.time_since_epoch().count() +
                      std::llround(alphaUsPerToken_ * state.remainingPrefill());
      } else {
        const double remaining = static_cast<double>(state.remainingPrefill()) + state.remainingDecode();
        key.primary = finalDeadline.time_since_epoch().count() + std::llround(alphaUsPerToken_ * remaining);
      }
      break;
    }
  }
  return key;
}

}  // namespace headroom::engine
