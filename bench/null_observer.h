#pragma once

#include "engine/sched/request_state.h"

namespace headroom::bench {

// A RequestObserver that ignores every event: benches that time a scheduler or a router alone.
class NullObserver final : public engine::RequestObserver {
 public:
  void onArrival(const engine::Request&, engine::TimePoint) override {}
  void onFirstScheduled(const engine::RequestState&, engine::TimePoint) override {}
  void onToken(const engine::RequestState&, engine::TimePoint, engine::Duration) override {}
  void onRelegated(const engine::RequestState&, engine::TimePoint) override {}
  void onPreempted(const engine::RequestState&, engine::TimePoint) override {}
  void onFinished(const engine::RequestState&, engine::TimePoint) override {}
};

}  // namespace headroom::bench
