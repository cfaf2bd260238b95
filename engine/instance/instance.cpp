#include "engine/instance/instance.h"

#include <stdexcept>
#include <string>

#include "engine/instance/iteration_failed.h"

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
      notifier_(*this, observer),
      scheduler_(std::move(classes), config, BlockManager(kvBlocks, config.kvBlockTokens), executor_->timeModel(),
                 notifier_),
      kvBlockTokens_(config.kvBlockTokens),
      kvBlocksOverride_(config.kvBlocksOverride) {}

void Instance::enqueue(const Request& request, TimePoint now) { enqueue(request, now, RequestHints{}); }

void Instance::enqueue(const Request& request, TimePoint now, const RequestHints& hints) {
  scheduler_.enqueue(request, now, hints);
  executor_->admit(request.id, {}, SamplingParams{});
}

void Instance::admitThenEnqueue(const Request& request, TimePoint now, const std::vector<std::int32_t>& promptTokens,
                                SamplingParams params, const RequestHints& hints) {
  // The executor first: a request it refuses (its tokens, its sampling) never reaches the scheduler.
  executor_->admit(request.id, promptTokens, params);
  try {
    scheduler_.enqueue(request, now, hints);
  } catch (...) {
    executor_->release(request.id);
    throw;
  }
}

void Instance::enqueue(const Request& request, TimePoint now, std::vector<std::int32_t> promptTokens,
                       SamplingParams params) {
  enqueue(request, now, std::move(promptTokens), params, RequestHints{});
}

void Instance::enqueue(const Request& request, TimePoint now, std::vector<std::int32_t> promptTokens,
                       SamplingParams params, const RequestHints& hints) {
  if (static_cast<std::int64_t>(promptTokens.size()) != request.promptTokens) {
    throw std::invalid_argument("request " + std::to_string(request.id) + " says " +
                                std::to_string(request.promptTokens) + " prompt tokens but carries " +
                                std::to_string(promptTokens.size()));
  }
  admitThenEnqueue(request, now, promptTokens, params, hints);
  texts_[request.id] = Text{std::move(promptTokens), request.promptTokens, params};
}

std::vector<MovedRequest> Instance::takeUnstarted() {
  std::vector<MovedRequest> moved;
  for (UnstartedRequest& unstarted : scheduler_.takeUnstarted()) {
    const RequestId id = unstarted.request.id;
    executor_->release(id);
    MovedRequest item{std::move(unstarted), std::nullopt, SamplingParams{}};
    if (const auto text = texts_.find(id); text != texts_.end()) {
      item.promptTokens = std::move(text->second.tokens);
      item.params = text->second.params;
      texts_.erase(text);
    }
    moved.push_back(std::move(item));
  }
  return moved;
}

void Instance::adopt(MovedRequest moved, TimePoint now) {
  const Request& request = moved.unstarted.request;
  scheduler_.adopt(moved.unstarted, now);
  if (moved.promptTokens) {
    executor_->admit(request.id, *moved.promptTokens, moved.params);
    texts_[request.id] = Text{std::move(*moved.promptTokens), request.promptTokens, moved.params};
  } else {
    executor_->admit(request.id, {}, SamplingParams{});
  }
}

void Instance::ExecutorNotifier::onPreempted(const RequestState& state, TimePoint now) {
  const RequestId id = state.request.id;
  instance_.executor_->release(id);
  const auto text = instance_.texts_.find(id);
  if (text == instance_.texts_.end()) {
    instance_.executor_->admit(id, {}, SamplingParams{});
  } else {
    instance_.executor_->admit(id, text->second.tokens, text->second.params);
  }
  outer_.onPreempted(state, now);
}

void Instance::ExecutorNotifier::onFinished(const RequestState& state, TimePoint now) {
  const RequestId id = state.request.id;
  instance_.executor_->release(id);
  if (const auto text = instance_.texts_.find(id); text != instance_.texts_.end()) {
    if (instance_.textSink_) {
      const auto& tokens = text->second.tokens;
      instance_.textSink_(id, std::vector<std::int32_t>(tokens.begin() + text->second.promptTokens, tokens.end()));
    }
    instance_.texts_.erase(text);
  }
  outer_.onFinished(state, now);
}

void Instance::ExecutorNotifier::onCancelled(const RequestState& state, TimePoint now) {
  const RequestId id = state.request.id;
  instance_.executor_->release(id);
  instance_.texts_.erase(id);
  outer_.onCancelled(state, now);
}

void Instance::recordTokens(const IterationResult& result) {
  if (texts_.empty() || result.tokens.size() != batch_.entries.size()) return;
  for (std::size_t i = 0; i < batch_.entries.size(); ++i) {
    const BatchEntry& entry = batch_.entries[i];
    const auto text = texts_.find(entry.requestId);
    if (text == texts_.end()) continue;
    // A decode always yields the next token; a prefill chunk only when it reaches the last known one.
    const auto known = static_cast<std::int64_t>(text->second.tokens.size());
    if (entry.decode || entry.contextTokens + entry.newTokens == known) text->second.tokens.push_back(result.tokens[i]);
  }
}

bool Instance::finishEarly(RequestId id, TimePoint now) {
  if (busy_) throw std::logic_error("finishEarly while an iteration runs");
  return scheduler_.finishEarly(id, now);
}

bool Instance::cancel(RequestId id, TimePoint now) {
  if (busy_) throw std::logic_error("cancel while an iteration runs");
  return scheduler_.cancel(id, now);
}

void Instance::postSchedulerConfig(const SchedulerConfig& config) {
  if (config.kvBlockTokens != kvBlockTokens_ || config.kvBlocksOverride != kvBlocksOverride_) {
    throw std::invalid_argument("the KV layout (kv_block_tokens, kv_blocks) cannot change while running");
  }
  std::lock_guard lock(postedMutex_);
  postedConfig_ = config;
}

void Instance::applyPostedConfig() {
  std::optional<SchedulerConfig> posted;
  {
    std::lock_guard lock(postedMutex_);
    posted.swap(postedConfig_);
  }
  if (posted) scheduler_.setConfig(*posted);
}

std::optional<Duration> Instance::startIteration(TimePoint now) {
  applyPostedConfig();
  if (busy_ || !scheduler_.hasWork()) return std::nullopt;
  scheduler_.schedule(now, batch_);
  if (batch_.empty()) return std::nullopt;
  IterationResult result;
  try {
    result = executor_->execute(batch_);
  } catch (const std::exception& error) {
    throw IterationFailed(dropBatch(), error.what());
  } catch (...) {
    throw IterationFailed(dropBatch(), "the executor failed with an unknown error");
  }
  recordTokens(result);
  busy_ = true;
  ++iterations_;
  busyTime_ += result.duration;
  // An iteration always moves time forward, so a zero-cost model cannot stall the clock.
  return std::max(result.duration, Duration{1});
}

std::vector<RequestId> Instance::dropBatch() {
  std::vector<RequestId> dropped = scheduler_.dropBatch(batch_);
  for (const RequestId id : dropped) {
    executor_->release(id);
    texts_.erase(id);
  }
  batch_.clear();
  return dropped;
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
  status.tokenBudget = scheduler_.tokenBudget();
  status.queuedPrefillTokens = scheduler_.pendingPrefillTokens();
  const double prefillRate = scheduler_.prefillTokensPerS();
  if (prefillRate > 0.0) {
    status.queuedPrefill = durationFromSeconds(static_cast<double>(status.queuedPrefillTokens) / prefillRate);
  }
  return status;
}

}  // namespace headroom::engine
