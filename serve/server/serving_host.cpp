#include "serve/server/serving_host.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "engine/exec/executor_factory.h"
#include "engine/exec/llama/byte_tokenizer.h"
#include "engine/exec/modeled/kv_capacity.h"
#include "engine/kv/block_manager.h"
#include "serve/protocol/synthetic_text.h"
#include "serve/server/stop_matcher.h"
#include "serve/server/utf8_token_decoder.h"

namespace headroom::serve {

namespace {

constexpr std::int32_t kSyntheticVocabulary = 32000;

std::int32_t syntheticToken(engine::RequestId id, std::int32_t index) {
  std::uint64_t x = id * 0x9E3779B97F4A7C15ULL + static_cast<std::uint64_t>(index) * 0xBF58476D1CE4E5B9ULL;
  x ^= x >> 31;
  x *= 0x94D049BB133111EBULL;
  x ^= x >> 29;
  return static_cast<std::int32_t>(x % kSyntheticVocabulary);
}

std::int64_t kvBlocksOf(const ServeConfig& config) {
  if (config.scheduler.kvBlocksOverride) return *config.scheduler.kvBlocksOverride;
  if (config.executor.kind == engine::ExecutorKind::Constant) return engine::BlockManager::kUnbounded;
  return kvBlocksFor(config.executor, config.scheduler.kvBlockTokens).value_or(engine::BlockManager::kUnbounded);
}

ClassServingStats freshStats(const engine::QosClass& qos) {
  ClassServingStats stats;
  const std::vector<double> bounds = histogramBoundsS(qos.slo);
  stats.queue = BucketHistogram(bounds);
  stats.ttft = BucketHistogram(bounds);
  stats.tbt = BucketHistogram(bounds);
  stats.e2e = BucketHistogram(bounds);
  return stats;
}

}  // namespace

// Fans the instance's request events out to the metrics collector, the Prometheus stats, the
// admission counts and each request's listener; turns tokens into text (the byte tokeniser's bytes for
// a computing executor, synthetic words for a modeled one) and watches for the end of the reply.
// Loop thread only.
class ServingHost::Observer final : public engine::RequestObserver {
 public:
  Observer(ServingHost& host, engine::MetricsCollector& metrics) : host_(host), metrics_(metrics) {}

  struct Entry {
    std::shared_ptr<RequestListener> listener;
    engine::ClassId classId = 0;
    Utf8TokenDecoder decoder;
    StopMatcher stop;
    bool stopped = false;  // EOS or a stop string: the reply is complete
  };

  void add(engine::RequestId id, std::shared_ptr<RequestListener> listener, engine::ClassId classId, std::vector<std::string> stops) {
    listeners_.emplace(id, Entry{std::move(listener), classId, {}, StopMatcher(std::move(stops)), false});
  }
  Entry remove(engine::RequestId id) {
    const auto found = listeners_.find(id);
    if (found == listeners_.end()) return {};
    Entry entry = std::move(found->second);
    listeners_.erase(found);
    return entry;
  }
  std::unordered_map<engine::RequestId, Entry>& listeners() { return listeners_; }

  void onArrival(const engine::Request& request, engine::TimePoint now) override { metrics_.onArrival(request, now); }

  void onFirstScheduled(const engine::RequestState& state, engine::TimePoint now) override {
    metrics_.onFirstScheduled(state, now);
    const engine::ClassId c = state.request.classId;
    {
      std::lock_guard lock(host_.mutex_);
      --host_.queued_[c];
    }
    std::lock_guard lock(host_.statsMutex_);
    ClassServingStats& stats = host_.stats_.classes[c];
    stats.queue.record(now - state.request.arrival);
    --stats.queued;
    ++stats.running;
  }

  void onToken(const engine::RequestState& state, engine::TimePoint now, engine::Duration gap) override {
    metrics_.onToken(state, now, gap);
    {
      std::lock_guard lock(host_.statsMutex_);
      ClassServingStats& stats = host_.stats_.classes[state.request.classId];
      if (state.generatedTokens <= 1) {
        stats.ttft.record(now - state.request.arrival);
      } else {
        stats.tbt.record(gap);
      }
    }
    const auto found = listeners_.find(state.request.id);
    if (found == listeners_.end()) return;
    Entry& entry = found->second;
    if (entry.stopped) return;
    const std::int32_t index = state.generatedTokens - 1;
    const std::optional<std::int32_t> token = host_.tap_->tokenFor(state.request.id);
    const std::int32_t tokenId = token ? *token : syntheticToken(state.request.id, index);
    const bool endOfSequence = token && *token == engine::ByteTokenizer::kEos;
    std::string text = token ? entry.decoder.push(tokenId) : std::string(tokenText(tokenId));
    StopMatcher::Step step = entry.stop.push(text);
    if (endOfSequence || step.stopped) {
      entry.stopped = true;
      if (!state.finished()) host_.stops_.push_back(state.request.id);
    }
    entry.listener->onToken(tokenId, index, step.text);
  }

  void onRelegated(const engine::RequestState& state, engine::TimePoint now) override {
    metrics_.onRelegated(state, now);
    std::lock_guard lock(host_.statsMutex_);
    ++host_.stats_.classes[state.request.classId].relegatedDeadline;
  }

  void onPreempted(const engine::RequestState& state, engine::TimePoint now) override { metrics_.onPreempted(state, now); }

  void onFinished(const engine::RequestState& state, engine::TimePoint now) override {
    metrics_.onFinished(state, now);
    {
      std::lock_guard lock(host_.statsMutex_);
      ClassServingStats& stats = host_.stats_.classes[state.request.classId];
      stats.e2e.record(now - state.request.arrival);
      ++stats.completed;
      --stats.running;
      stats.promptTokens += static_cast<std::uint64_t>(state.request.promptTokens);
      stats.completionTokens += static_cast<std::uint64_t>(state.generatedTokens);
    }
    host_.dirty_ = true;
    Entry entry = remove(state.request.id);
    if (!entry.listener) return;
    FinishedRequest finished{state.request.promptTokens, state.generatedTokens, FinishReason::Stop, {}};
    if (!entry.stopped) {
      StopMatcher::Step step = entry.stop.push(entry.decoder.flush());
      finished.text = std::move(step.text);
      if (!step.stopped) {
        finished.text += entry.stop.flush();
        finished.reason = FinishReason::Length;
      }
    }
    entry.listener->onFinished(finished);
  }

 private:
  ServingHost& host_;
  engine::MetricsCollector& metrics_;
  std::unordered_map<engine::RequestId, Entry> listeners_;
};

ServingHost::ServingHost(const ServeConfig& config, engine::Duration snapshotInterval)
    : classes_(config.classes),
      schedulerConfig_(config.scheduler),
      blockTokens_(config.scheduler.kvBlockTokens),
      kvBlocks_(kvBlocksOf(config)),
      snapshotInterval_(snapshotInterval),
      queued_(config.classes.size(), 0),
      heldBack_(config.classes.size(), 0) {
  if (classes_.empty()) throw std::invalid_argument("a serving host needs at least one class");
  const std::vector<engine::QosClass> qos = config.qosClasses();
  for (const engine::QosClass& cls : qos) stats_.classes.push_back(freshStats(cls));
  metrics_ = std::make_unique<engine::MetricsCollector>(qos);
  observer_ = std::make_unique<Observer>(*this, *metrics_);
  auto tap = std::make_unique<TokenTapExecutor>(engine::makeExecutor(config.executor));
  tap_ = tap.get();
  executorDescription_ = tap->timeModel().describe();
  instance_ = std::make_unique<engine::Instance>(0, qos, config.scheduler, std::move(tap), kvBlocks_, *observer_);
  publish(clock_.now());
  thread_ = std::thread([this] { run(); });
}

ServingHost::~ServingHost() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

engine::Duration ServingHost::retryAfter(engine::ClassId classId) const {
  std::lock_guard lock(statsMutex_);
  const BucketHistogram& queue = stats_.classes[classId].queue;
  const double meanS = queue.count() == 0 ? 1.0 : queue.sumS() / static_cast<double>(queue.count());
  constexpr double kMaxRetryS = 60.0;
  return engine::durationFromSeconds(std::clamp(std::ceil(meanS), 1.0, kMaxRetryS));
}

Admission ServingHost::submit(const ServeRequest& request, std::shared_ptr<RequestListener> listener) {
  if (request.classId >= queued_.size()) throw std::invalid_argument("submit: unknown class id");
  if (request.promptTokens < 1 || request.maxTokens < 1) throw std::invalid_argument("submit: token counts must be >= 1");
  if (!request.promptTokenIds.empty() && static_cast<std::size_t>(request.promptTokens) != request.promptTokenIds.size()) {
    throw std::invalid_argument("submit: promptTokens must equal the number of prompt token ids");
  }
  if (kvBlocks_ < engine::BlockManager::kUnbounded) {
    const std::int64_t tokens = std::int64_t{request.promptTokens} + request.maxTokens;
    const std::int64_t blocks = (tokens + blockTokens_ - 1) / blockTokens_;
    const std::int64_t watermark = std::max<std::int64_t>(1, kvBlocks_ / 100);
    if (blocks + watermark > kvBlocks_) return {AdmissionOutcome::TooLarge, 0, {}};
  }
  Admission admission;
  {
    std::lock_guard lock(mutex_);
    const ServedClass& served = classes_[request.classId];
    if (stopping_) return {AdmissionOutcome::Rejected, 0, std::chrono::seconds(1)};
    if (queued_[request.classId] < served.queueLimit) {
      admission.outcome = AdmissionOutcome::Admitted;
      ++queued_[request.classId];
    } else if (served.overload == OverloadAction::Relegate && heldBack_[request.classId] < served.relegatedLimit) {
      admission.outcome = AdmissionOutcome::Relegated;
      ++heldBack_[request.classId];
    } else {
      admission.outcome = AdmissionOutcome::Rejected;
    }
    if (admission.accepted()) {
      admission.id = nextId_++;
      engine::Request engineRequest;
      engineRequest.id = admission.id;
      engineRequest.classId = request.classId;
      engineRequest.arrival = clock_.now();
      engineRequest.promptTokens = request.promptTokens;
      engineRequest.outputTokens = request.maxTokens;
      inbox_.push_back({engineRequest, std::move(listener), admission.outcome == AdmissionOutcome::Relegated,
                        request.promptTokenIds, request.sampling, request.stop, request.hints});
    }
  }
  if (!admission.accepted()) {
    admission.retryAfter = retryAfter(request.classId);
    std::lock_guard lock(statsMutex_);
    ++stats_.classes[request.classId].rejected;
    return admission;
  }
  {
    std::lock_guard lock(statsMutex_);
    ClassServingStats& stats = stats_.classes[request.classId];
    ++stats.admitted;
    ++stats.queued;
    if (admission.outcome == AdmissionOutcome::Relegated) ++stats.relegatedOverload;
  }
  wake_.notify_one();
  return admission;
}

void ServingHost::cancel(engine::RequestId id) {
  {
    std::lock_guard lock(mutex_);
    cancels_.push_back(id);
  }
  wake_.notify_one();
}

void ServingHost::takeArrivals(std::vector<Pending>& arrivals, engine::TimePoint now) {
  for (Pending& pending : arrivals) {
    if (pending.relegated) {
      relegated_.push_back(std::move(pending));
      continue;
    }
    const engine::RequestId id = pending.request.id;
    observer_->add(id, pending.listener, pending.request.classId, std::move(pending.stop));
    try {
      if (pending.promptTokenIds.empty()) {
        instance_->enqueue(pending.request, now, pending.hints);
      } else {
        instance_->enqueue(pending.request, now, std::move(pending.promptTokenIds), pending.sampling, pending.hints);
      }
    } catch (const std::exception&) {
      observer_->remove(id);
      {
        std::lock_guard lock(mutex_);
        --queued_[pending.request.classId];
      }
      {
        std::lock_guard lock(statsMutex_);
        --stats_.classes[pending.request.classId].queued;
      }
      if (pending.listener) pending.listener->onFinished({pending.request.promptTokens, 0, FinishReason::Failed, {}});
    }
  }
  arrivals.clear();
}

void ServingHost::feedRelegated(engine::TimePoint now) {
  while (!relegated_.empty()) {
    const engine::SchedulerLoad load = instance_->scheduler().load();
    if (load.waiting > 0 || load.relegated > 0) return;
    Pending pending = std::move(relegated_.front());
    relegated_.pop_front();
    {
      std::lock_guard lock(mutex_);
      --heldBack_[pending.request.classId];
      ++queued_[pending.request.classId];
    }
    pending.relegated = false;
    std::vector<Pending> one;
    one.push_back(std::move(pending));
    takeArrivals(one, now);
  }
}

void ServingHost::applyCancels(std::vector<engine::RequestId>& cancels) {
  for (engine::RequestId id : cancels) {
    const auto held = std::find_if(relegated_.begin(), relegated_.end(),
                                   [id](const Pending& pending) { return pending.request.id == id; });
    std::shared_ptr<RequestListener> listener;
    FinishedRequest finished;
    if (held != relegated_.end()) {
      listener = held->listener;
      finished.promptTokens = held->request.promptTokens;
      const engine::ClassId c = held->request.classId;
      relegated_.erase(held);
      {
        std::lock_guard lock(mutex_);
        --heldBack_[c];
      }
      std::lock_guard lock(statsMutex_);
      --stats_.classes[c].queued;
      ++stats_.classes[c].cancelled;
    } else {
      Observer::Entry entry = observer_->remove(id);
      listener = std::move(entry.listener);
      if (listener) {
        std::lock_guard lock(statsMutex_);
        ++stats_.classes[entry.classId].cancelled;
      }
    }
    if (listener) {
      finished.reason = FinishReason::Cancelled;
      listener->onFinished(finished);
    }
  }
  cancels.clear();
}

void ServingHost::applyStops(engine::TimePoint now) {
  for (const engine::RequestId id : stops_) instance_->finishEarly(id, now);
  stops_.clear();
}

void ServingHost::publish(engine::TimePoint now) {
  metrics_->advanceTo(now);
  auto snapshot = std::make_shared<const engine::Snapshot>(metrics_->snapshot(now));
  const engine::InstanceStatus status = instance_->status();
  {
    std::lock_guard lock(publishedMutex_);
    published_ = std::move(snapshot);
    publishedStatus_ = status;
  }
  {
    std::lock_guard lock(statsMutex_);
    stats_.iterations = status.iterations;
    stats_.busyS = engine::toSeconds(status.busyTime);
    stats_.uptimeS = engine::toSeconds(now);
  }
  lastPublish_ = now;
  dirty_ = false;
}

void ServingHost::failAll(FinishReason reason) {
  std::vector<std::shared_ptr<RequestListener>> listeners;
  for (auto& [id, entry] : observer_->listeners()) listeners.push_back(std::move(entry.listener));
  observer_->listeners().clear();
  for (Pending& pending : relegated_) listeners.push_back(std::move(pending.listener));
  relegated_.clear();
  std::vector<Pending> inbox;
  {
    std::lock_guard lock(mutex_);
    inbox.swap(inbox_);
  }
  for (Pending& pending : inbox) listeners.push_back(std::move(pending.listener));
  for (const auto& listener : listeners) {
    if (listener) listener->onFinished({0, 0, reason, {}});
  }
}

void ServingHost::run() {
  std::vector<Pending> arrivals;
  std::vector<engine::RequestId> cancels;
  std::optional<std::vector<engine::QosClass>> newClasses;
  bool idle = false;
  while (true) {
    {
      std::unique_lock lock(mutex_);
      const auto hasInput = [&] { return stopping_ || !inbox_.empty() || !cancels_.empty() || newClasses_.has_value(); };
      if (idle && !hasInput()) {
        // Nothing to run: sleep until an arrival, waking now and then to close metric windows.
        wake_.wait_for(lock, snapshotInterval_, hasInput);
      }
      if (stopping_) break;
      arrivals.swap(inbox_);
      cancels.swap(cancels_);
      newClasses.swap(newClasses_);
    }
    engine::TimePoint now = clock_.now();
    if (newClasses) {
      instance_->scheduler().setClasses(*newClasses);
      metrics_->setClasses(*newClasses);
      newClasses.reset();
      dirty_ = true;
    }
    if (!arrivals.empty()) dirty_ = true;
    takeArrivals(arrivals, now);
    applyCancels(cancels);
    feedRelegated(now);
    const auto steadyStart = std::chrono::steady_clock::now();
    const std::optional<engine::Duration> duration = instance_->startIteration(now);
    if (duration) {
      std::this_thread::sleep_until(steadyStart + *duration);
      now = clock_.now();
      instance_->finishIteration(now);
      applyStops(now);
      idle = false;
    } else {
      idle = true;
    }
    if ((idle && dirty_) || now - lastPublish_ >= snapshotInterval_) publish(now);
  }
  failAll(FinishReason::Cancelled);
}

std::shared_ptr<const engine::Snapshot> ServingHost::snapshot() const {
  std::lock_guard lock(publishedMutex_);
  return published_;
}

engine::InstanceStatus ServingHost::status() const {
  std::lock_guard lock(publishedMutex_);
  return publishedStatus_;
}

ServingStats ServingHost::stats() const {
  std::lock_guard lock(statsMutex_);
  return stats_;
}

std::vector<ServedClass> ServingHost::classes() const {
  std::lock_guard lock(mutex_);
  return classes_;
}

engine::SchedulerConfig ServingHost::schedulerConfig() const {
  std::lock_guard lock(mutex_);
  return schedulerConfig_;
}

void ServingHost::setSchedulerConfig(const engine::SchedulerConfig& config) {
  {
    std::lock_guard lock(mutex_);
    instance_->postSchedulerConfig(config);
    schedulerConfig_ = config;
  }
  wake_.notify_one();
}

void ServingHost::setClasses(std::vector<ServedClass> classes) {
  std::vector<engine::QosClass> qos;
  {
    std::lock_guard lock(mutex_);
    if (classes.size() != classes_.size()) {
      throw std::invalid_argument("expected " + std::to_string(classes_.size()) + " classes, got " +
                                  std::to_string(classes.size()));
    }
    for (std::size_t c = 0; c < classes.size(); ++c) {
      if (classes[c].qos.name != classes_[c].qos.name) {
        throw std::invalid_argument("class " + std::to_string(c) + " must keep its name \"" + classes_[c].qos.name + "\"");
      }
    }
    classes_ = std::move(classes);
    for (const ServedClass& served : classes_) qos.push_back(served.qos);
    newClasses_ = qos;
  }
  {
    std::lock_guard lock(statsMutex_);
    for (std::size_t c = 0; c < qos.size(); ++c) {
      // Bucket bounds follow a changed SLO; that class's histograms then restart.
      if (stats_.classes[c].ttft.boundsS() == BucketHistogram(histogramBoundsS(qos[c].slo)).boundsS()) continue;
      ClassServingStats fresh = freshStats(qos[c]);
      ClassServingStats& stats = stats_.classes[c];
      stats.queue = fresh.queue;
      stats.ttft = fresh.ttft;
      stats.tbt = fresh.tbt;
      stats.e2e = fresh.e2e;
    }
  }
  wake_.notify_one();
}

}  // namespace headroom::serve
