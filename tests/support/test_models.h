#pragma once

#include <string>
#include <vector>

#include "engine/core/time.h"
#include "engine/exec/iteration_time_model.h"
#include "engine/sched/request_state.h"

namespace headroom::test {

// Iteration time = fixed + per batch token, so tests can compute the scheduler's decisions by hand.
class LinearTimeModel final : public engine::IterationTimeModel {
 public:
  LinearTimeModel(engine::Duration fixed, engine::Duration perToken) : fixed_(fixed), perToken_(perToken) {}
  engine::Duration predict(const engine::BatchShape& shape) const override {
    return fixed_ + perToken_ * shape.batchTokens();
  }
  std::string describe() const override { return "linear test model"; }

 private:
  engine::Duration fixed_;
  engine::Duration perToken_;
};

// Keeps every event a scheduler reports, in order.
class RecordingObserver final : public engine::RequestObserver {
 public:
  struct Finished {
    engine::RequestId id;
    engine::TimePoint at;
    std::int32_t generated;
    bool relegated;
    std::int32_t preemptions;
  };
  std::vector<engine::RequestId> arrived;
  std::vector<engine::RequestId> firstScheduled;
  std::vector<engine::RequestId> relegated;
  std::vector<engine::RequestId> preempted;
  std::vector<Finished> finished;
  std::vector<Finished> cancelled;
  std::int64_t tokens = 0;

  void onArrival(const engine::Request& request, engine::TimePoint) override { arrived.push_back(request.id); }
  void onFirstScheduled(const engine::RequestState& state, engine::TimePoint) override {
    firstScheduled.push_back(state.request.id);
  }
  void onToken(const engine::RequestState&, engine::TimePoint, engine::Duration) override { ++tokens; }
  void onRelegated(const engine::RequestState& state, engine::TimePoint) override {
    relegated.push_back(state.request.id);
  }
  void onPreempted(const engine::RequestState& state, engine::TimePoint) override {
    preempted.push_back(state.request.id);
  }
  void onFinished(const engine::RequestState& state, engine::TimePoint now) override {
    finished.push_back({state.request.id, now, state.generatedTokens, state.relegated, state.preemptions});
  }
  void onCancelled(const engine::RequestState& state, engine::TimePoint now) override {
    cancelled.push_back({state.request.id, now, state.generatedTokens, state.relegated, state.preemptions});
  }
};

}  // namespace headroom::test
