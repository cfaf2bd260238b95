#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

#include "engine/core/qos_class.h"
#include "engine/core/request.h"
#include "engine/core/time.h"
#include "engine/exec/batch.h"
#include "engine/exec/executor.h"
#include "engine/sched/scheduler.h"

namespace headroom::engine {

// What an instance is doing, for routers and the pool view.
struct InstanceStatus {
  std::int32_t id = 0;
  bool busy = false;
  SchedulerLoad load;
  double kvUsedFraction = 0.0;
  std::int32_t lastBatchTokens = 0;
  std::int32_t lastBatchSize = 0;
  std::int64_t iterations = 0;
  Duration busyTime{};  // total time spent running iterations
  bool draining = false;  // being removed: takes no new work, finishes what it runs
};

// One serving instance: a scheduler, its KV block manager and an executor, driven one iteration at a
// time. The caller owns time: startIteration() forms and runs a batch and says how long it takes;
// finishIteration() is called when that time has passed (virtual or wall). Not thread-safe.
class Instance {
 public:
  Instance(std::int32_t id, std::vector<QosClass> classes, const SchedulerConfig& config,
           std::unique_ptr<Executor> executor, std::int64_t kvBlocks, RequestObserver& observer);

  std::int32_t id() const { return id_; }
  void enqueue(const Request& request, TimePoint now) { scheduler_.enqueue(request, now); }
  // Moving queued work between instances (see Scheduler::adopt and takeUnstarted).
  void adopt(const UnstartedRequest& unstarted, TimePoint now) { scheduler_.adopt(unstarted, now); }
  std::vector<UnstartedRequest> takeUnstarted() { return scheduler_.takeUnstarted(); }

  // Forms and runs the next batch when idle and there is work; returns its duration, else nullopt.
  std::optional<Duration> startIteration(TimePoint now);
  // Applies the running batch's outcome at `end`.
  void finishIteration(TimePoint end);

  bool busy() const { return busy_; }
  bool hasWork() const { return scheduler_.hasWork(); }
  std::int64_t outstandingTokens() const { return scheduler_.load().outstandingTokens; }
  InstanceStatus status() const;
  Scheduler& scheduler() { return scheduler_; }
  const Scheduler& scheduler() const { return scheduler_; }

 private:
  std::int32_t id_;
  std::unique_ptr<Executor> executor_;
  Scheduler scheduler_;
  Batch batch_;
  bool busy_ = false;
  std::int64_t iterations_ = 0;
  Duration busyTime_{};
};

}  // namespace headroom::engine
