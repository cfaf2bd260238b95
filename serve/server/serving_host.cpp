#include "serve/server/serving_host.h"

#include <algorithm>
#include <exception>
#include <optional>
#include <stdexcept>
#include <utility>

#include <spdlog/spdlog.h>

#include "engine/exec/executor_factory.h"
#include "engine/exec/modeled/kv_capacity.h"
#include "engine/kv/block_manager.h"

namespace headroom::serve {

namespace {

std::int64_t kvBlocksOf(const ServeConfig& config) {
  if (config.scheduler.kvBlocksOverride) return *config.scheduler.kvBlocksOverride;
  if (config.executor.kind == engine::ExecutorKind::Constant) return engine::BlockManager::kUnbounded;
  return kvBlocksFor(config.executor, config.scheduler.kvBlockTokens).value_or(engine::BlockManager::kUnbounded);
}

std::string messageOf(const std::exception_ptr& failure) {
  try {
    std::rethrow_exception(failure);
  } catch (const std::exception& error) {
    return error.what();
  } catch (...) {
    return "unknown error";
  }
}

}  // namespace

ServingHost::ServingHost(const ServeConfig& config, engine::Duration snapshotInterval)
    : ServingHost(config, engine::makeExecutor(config.executor), snapshotInterval) {}

ServingHost::ServingHost(const ServeConfig& config, std::unique_ptr<engine::Executor> executor,
                         engine::Duration snapshotInterval)
    : kvBlocks_(kvBlocksOf(config)),
      metrics_(config.qosClasses()),
      admission_(config.classes, config.scheduler.kvBlockTokens, kvBlocks_),
      schedulerConfig_(config.scheduler) {
  auto tap = std::make_unique<TokenTapExecutor>(std::move(executor));
  tap_ = tap.get();
  executorDescription_ = tap->timeModel().describe();
  maxContextTokens_ = tap->maxContextTokens();
  retryAfter_ = std::make_unique<RetryAfterEstimator>();
  engine::RequestObserver& observer = *this;
  instance_ = std::make_unique<engine::Instance>(0, config.qosClasses(), config.scheduler, std::move(tap), kvBlocks_,
                                                 observer);
  metrics_.publish(clock_.now(), instance_->status());
  engine::InstanceDriver::Hooks& hooks = *this;
  driver_ = std::make_unique<engine::InstanceDriver>(*instance_, clock_, hooks, snapshotInterval);
  driver_->start();
}

ServingHost::~ServingHost() { stopNow(); }

void ServingHost::stopNow() {
  driver_->stop(engine::DriverStop::Now);
  driver_->join();
}

void ServingHost::beginDrain(engine::Duration drainTime) {
  if (draining_.exchange(true)) return;
  drainDeadline_.store(std::chrono::steady_clock::now() + drainTime);
  admission_.close();
  driver_->stop(engine::DriverStop::Drain);
}

bool ServingHost::waitDrained(engine::Duration timeout) {
  std::unique_lock lock(stoppedMutex_);
  return stoppedChanged_.wait_for(lock, timeout, [this] { return loopStopped_; });
}

Admission ServingHost::submit(const ServeRequest& request, std::shared_ptr<RequestListener> listener) {
  Admission admission = admission_.admit(request, std::move(listener), clock_.now());
  switch (admission.outcome) {
    case AdmissionOutcome::Admitted:
    case AdmissionOutcome::Relegated:
      metrics_.onAdmitted(request.classId, admission.outcome);
      driver_->wake();
      break;
    case AdmissionOutcome::Rejected:
      admission.retryAfter = retryAfterNow();
      metrics_.onRejected(request.classId);
      break;
    case AdmissionOutcome::Unavailable:
      if (driver_->failure() != nullptr) break;
      if (draining_.load()) {
        const auto left = drainDeadline_.load() - std::chrono::steady_clock::now();
        admission = {AdmissionOutcome::Draining, 0,
                     std::max<engine::Duration>(std::chrono::seconds(1), std::chrono::ceil<engine::Duration>(left))};
      } else {
        // Stopping, not failed: answered like a full queue (not counted as one).
        admission = {AdmissionOutcome::Rejected, 0, std::chrono::seconds(1)};
      }
      break;
    case AdmissionOutcome::TooLarge:
    case AdmissionOutcome::Draining:
      break;
  }
  return admission;
}

engine::Duration ServingHost::retryAfterNow() const {
  // Every request admitted and not finished, whatever its class: the queue a refused one would join.
  std::int64_t queued = 0;
  std::int64_t running = 0;
  for (const ClassServingStats& served : metrics_.stats().classes) {
    queued += std::max<std::int64_t>(0, served.queued);
    running += std::max<std::int64_t>(0, served.running);
  }
  return retryAfter_->estimate(clock_.now(), queued, running);
}

void ServingHost::cancel(engine::RequestId id) {
  admission_.cancel(id);
  driver_->wake();
}

std::string ServingHost::failure() const {
  const std::exception_ptr failure = driver_->failure();
  return failure ? messageOf(failure) : std::string();
}

void ServingHost::setClasses(std::vector<ServedClass> classes) {
  std::vector<engine::QosClass> qos;
  for (const ServedClass& served : classes) qos.push_back(served.qos);
  admission_.setClasses(std::move(classes));  // checks; the scheduler takes them between iterations
  metrics_.setClasses(qos);
  driver_->wake();
}

engine::SchedulerConfig ServingHost::schedulerConfig() const {
  const std::lock_guard lock(configMutex_);
  return schedulerConfig_;
}

void ServingHost::setSchedulerConfig(const engine::SchedulerConfig& config) {
  {
    const std::lock_guard lock(configMutex_);
    instance_->postSchedulerConfig(config);
    schedulerConfig_ = config;
  }
  driver_->wake();
}

void ServingHost::enqueue(AdmittedRequest admitted, engine::TimePoint now) {
  const engine::RequestId id = admitted.request.id;
  const engine::ClassId classId = admitted.request.classId;
  replies_.add(id, admitted.listener, classId, std::move(admitted.stop));
  try {
    if (admitted.promptTokenIds.empty()) {
      instance_->enqueue(admitted.request, now, admitted.hints);
    } else {
      instance_->enqueue(admitted.request, now, std::move(admitted.promptTokenIds), admitted.sampling, admitted.hints);
    }
  } catch (const std::exception& error) {
    // This request only: it fails, the loop goes on.
    spdlog::warn("request {} refused by the scheduler: {}", id, error.what());
    admission_.leftQueue(classId);
    metrics_.onRefusedByScheduler(classId);
    replies_.abandon(id, FinishReason::Failed, admitted.request.promptTokens);
  }
}

void ServingHost::applyCancel(engine::RequestId id, engine::TimePoint now) {
  if (std::optional<AdmittedRequest> held = admission_.takeHeldBack(id)) {
    metrics_.onCancelledBeforeScheduler(held->request.classId);
    if (held->listener) held->listener->onFinished({held->request.promptTokens, 0, FinishReason::Cancelled, {}});
    return;
  }
  // In the scheduler: onCancelled() finishes the reply. Not found: it finished already.
  instance_->cancel(id, now);
}

void ServingHost::beforeIteration(engine::TimePoint now) {
  if (std::optional<std::vector<engine::QosClass>> classes = admission_.takeNewClasses()) {
    instance_->scheduler().setClasses(std::move(*classes));
  }
  // Cancels first: a request cancelled before it reached the scheduler is never enqueued (its cancel
  // can only follow its admission, so it is among these arrivals, held back, or in the scheduler).
  std::vector<engine::RequestId> cancels = admission_.takeCancels();
  for (AdmittedRequest& admitted : admission_.takeArrivals()) {
    const auto cancelled = std::find(cancels.begin(), cancels.end(), admitted.request.id);
    if (cancelled == cancels.end()) {
      enqueue(std::move(admitted), now);
      continue;
    }
    cancels.erase(cancelled);
    admission_.leftQueue(admitted.request.classId);
    metrics_.onCancelledBeforeScheduler(admitted.request.classId);
    if (admitted.listener) admitted.listener->onFinished({admitted.request.promptTokens, 0, FinishReason::Cancelled, {}});
  }
  for (const engine::RequestId id : cancels) applyCancel(id, now);
  // The hold-back is served only when nothing else waits.
  while (true) {
    const engine::SchedulerLoad load = instance_->scheduler().load();
    if (load.waiting > 0 || load.relegated > 0) break;
    std::optional<AdmittedRequest> held = admission_.takeHeldBack();
    if (!held) break;
    enqueue(std::move(*held), now);
  }
}

void ServingHost::afterIteration(engine::TimePoint end) {
  failedIterationsInARow_ = 0;
  for (const engine::RequestId id : stops_) instance_->finishEarly(id, end);
  stops_.clear();
}

void ServingHost::onIterationFailed(engine::TimePoint now, const engine::IterationFailed& failure) {
  // The batch's requests are out of the instance already: they fail, the others go on.
  spdlog::warn("an iteration failed ({}); its {} request(s) fail: {}", failedIterationsInARow_ + 1,
               failure.requests().size(), failure.what());
  for (const engine::RequestId id : failure.requests()) {
    // Counted before its client hears of it, so the failure is on /metrics by the time the 500 is.
    if (const std::optional<engine::ClassId> classId = replies_.classOf(id)) {
      metrics_.onFailedWhileRunning(*classId);
      replies_.abandon(id, FinishReason::Failed);
    }
  }
  metrics_.publish(now, instance_->status());
  if (++failedIterationsInARow_ >= kMaxFailedIterationsInARow) {
    throw std::runtime_error(std::to_string(failedIterationsInARow_) + " iterations in a row failed; the last: " +
                             failure.what());
  }
}

void ServingHost::publish(engine::TimePoint now) { metrics_.publish(now, instance_->status()); }

void ServingHost::onStopped(engine::TimePoint now, std::exception_ptr failure) {
  admission_.close();
  const FinishReason reason = failure ? FinishReason::Failed : FinishReason::Shutdown;
  if (failure) spdlog::error("serving instance stopped: {}; every request in flight fails", messageOf(failure));
  replies_.finishAll(reason);
  for (AdmittedRequest& admitted : admission_.takeAll()) {
    if (admitted.listener) admitted.listener->onFinished({0, 0, reason, {}});
  }
  stops_.clear();
  metrics_.publish(now, instance_->status());
  {
    const std::lock_guard lock(stoppedMutex_);
    loopStopped_ = true;
  }
  stoppedChanged_.notify_all();
}

void ServingHost::onArrival(const engine::Request& request, engine::TimePoint now) { metrics_.onArrival(request, now); }

void ServingHost::onFirstScheduled(const engine::RequestState& state, engine::TimePoint now) {
  metrics_.onFirstScheduled(state, now);
  admission_.leftQueue(state.request.classId);
}

void ServingHost::onToken(const engine::RequestState& state, engine::TimePoint now, engine::Duration gap) {
  metrics_.onToken(state, now, gap);
  const engine::RequestId id = state.request.id;
  if (replies_.onToken(state, tap_->tokenFor(id), tap_->logprobsFor(id)) && !state.finished()) stops_.push_back(id);
}

void ServingHost::onRelegated(const engine::RequestState& state, engine::TimePoint now) { metrics_.onRelegated(state, now); }

void ServingHost::onPreempted(const engine::RequestState& state, engine::TimePoint now) { metrics_.onPreempted(state, now); }

void ServingHost::onFinished(const engine::RequestState& state, engine::TimePoint now) {
  const engine::SchedulerLoad load = instance_->scheduler().load();  // the finishing request still counts
  retryAfter_->onFinished(now, now - state.firstScheduled, load.prefilling + load.decoding);
  metrics_.onFinished(state, now);
  replies_.onFinished(state);
}

void ServingHost::onCancelled(const engine::RequestState& state, engine::TimePoint now) {
  metrics_.onCancelled(state, now);
  if (!state.started) admission_.leftQueue(state.request.classId);
  replies_.abandon(state.request.id, FinishReason::Cancelled, state.request.promptTokens);
}

}  // namespace headroom::serve
