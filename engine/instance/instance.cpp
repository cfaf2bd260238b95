#include "engine/instance/instance.h"

#include <stdexcept>

namespace headroom::engine {

namespace {

std::unique_ptr<Executor> requireExecutor(std::unique_ptr<Executor> executor) {
  if (!executor) throw std::invalid_argument("an instance needs an executor");
  return executor;
}

}  // namespace

Instance::Instance(std::int32_t id, std::vector<QosClass> classes, const SchedulerConfig& config,
                   std::unique_ptr<Executor> executor, std::int64_t kvBlocks, RequestObserver& observer)
    : id_(id),
      executor_(requireExecutor(std::move(executor))),
      scheduler_(std::move(classes), config, BlockManager(kvBlocks, config.kvBlockTokens), executor_->timeModel(),
                 observer) {}

std::optional<Duration> Instance::startIteration(TimePoint now) {
  if (busy_ || !scheduler_.hasWork()) return std::nullopt;
  scheduler_.schedule(now, batch_);
  if (batch_.empty()) return std::nullopt;
  const IterationResult result = executor_->execute(batch_);
  busy_ = true;
  ++iterations_;
  busyTime_ += result.duration;
  // An iteration always moves time forward, so a zero-cost model cannot stall the clock.
  return std::max(result.duration, Duration{1});
}

void Instance::finishIteration(TimePoint end) {
  if (!busy_) throw std::logic_error("finishIteration without a running iteration");
  scheduler_.complete(batch_, end);
  busy_ = false;
}

InstanceStatus Instance::status() const {
  InstanceStatus status;
  status.id = id_;
  status.busy = busy_;
  status.load = scheduler_.load();
  status.kvUsedFraction = scheduler_.blocks().usedFraction();
  status.lastBatchTokens = batch_.shape.batchTokens();
  status.lastBatchSize = batch_.shape.sequences();
  status.iterations = iterations_;
  status.busyTime = busyTime_;
  return status;
}

}  // namespace headroom::engine
