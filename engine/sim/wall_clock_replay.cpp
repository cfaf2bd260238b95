#include "engine/sim/wall_clock_replay.h"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <exception>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "engine/core/clock.h"
#include "engine/exec/executor_factory.h"
#include "engine/instance/instance.h"
#include "engine/metrics/metrics_collector.h"
#include "engine/pool/router.h"
#include "engine/workload/workload.h"

namespace headroom::engine {

namespace {

// Serialises the instances' events into one collector.
class LockedObserver final : public RequestObserver {
 public:
  explicit LockedObserver(MetricsCollector& metrics) : metrics_(metrics) {}
  void onArrival(const Request& request, TimePoint now) override {
    const std::lock_guard lock(mutex_);
    metrics_.onArrival(request, now);
  }
  void onFirstScheduled(const RequestState& state, TimePoint now) override {
    const std::lock_guard lock(mutex_);
    metrics_.onFirstScheduled(state, now);
  }
  void onToken(const RequestState& state, TimePoint now, Duration gap) override {
    const std::lock_guard lock(mutex_);
    metrics_.onToken(state, now, gap);
  }
  void onRelegated(const RequestState& state, TimePoint now) override {
    const std::lock_guard lock(mutex_);
    metrics_.onRelegated(state, now);
  }
  void onPreempted(const RequestState& state, TimePoint now) override {
    const std::lock_guard lock(mutex_);
    metrics_.onPreempted(state, now);
  }
  void onFinished(const RequestState& state, TimePoint now) override {
    const std::lock_guard lock(mutex_);
    metrics_.onFinished(state, now);
  }
  void advanceTo(TimePoint now) {
    const std::lock_guard lock(mutex_);
    metrics_.advanceTo(now);
  }
  std::shared_ptr<const Snapshot> snapshot(TimePoint now) {
    const std::lock_guard lock(mutex_);
    return std::make_shared<const Snapshot>(metrics_.snapshot(now));
  }

 private:
  std::mutex mutex_;
  MetricsCollector& metrics_;
};

// One instance, its inbox of routed arrivals and the thread that drives it.
class InstanceWorker {
 public:
  InstanceWorker(std::unique_ptr<Instance> instance, const WallClock& clock)
      : instance_(std::move(instance)), clock_(clock) {}

  void start() { thread_ = std::thread([this] { run(); }); }
  void join() {
    if (thread_.joinable()) thread_.join();
  }
  void submit(const Request& request) {
    {
      const std::lock_guard lock(mutex_);
      inbox_.push_back(request);
      outstandingTokens_ += std::int64_t{request.promptTokens} + request.outputTokens;
    }
    wake_.notify_one();
  }
  // No more arrivals: finish what is held (drain) or stop after the current iteration.
  void close(bool drain) {
    {
      const std::lock_guard lock(mutex_);
      closed_ = true;
      drain_ = drain;
    }
    wake_.notify_one();
  }
  std::int64_t outstandingTokens() const { return outstandingTokens_.load(std::memory_order_relaxed); }
  std::int64_t iterations() const { return iterations_.load(std::memory_order_relaxed); }
  std::exception_ptr error() const { return error_; }

 private:
  void run() {
    try {
      std::vector<Request> arrivals;
      while (true) {
        {
          std::unique_lock lock(mutex_);
          wake_.wait(lock, [&] { return !inbox_.empty() || closed_ || instance_->hasWork(); });
          arrivals.swap(inbox_);
          if (closed_ && (!drain_ || (arrivals.empty() && !instance_->hasWork()))) return;
        }
        for (const Request& request : arrivals) instance_->enqueue(request, clock_.now());
        arrivals.clear();
        const TimePoint start = clock_.now();
        if (const auto duration = instance_->startIteration(start)) {
          // A computing executor has already taken its time; a modeled one waits out its prediction.
          const TimePoint due = start + *duration;
          while (clock_.now() < due) std::this_thread::sleep_for(due - clock_.now());
          instance_->finishIteration(std::max(due, clock_.now()));
          iterations_.fetch_add(1, std::memory_order_relaxed);
        } else if (instance_->hasWork()) {
          std::this_thread::sleep_for(std::chrono::milliseconds(1));  // nothing fits yet; do not spin
        }
        outstandingTokens_.store(instance_->outstandingTokens(), std::memory_order_relaxed);
      }
    } catch (...) {
      error_ = std::current_exception();
    }
  }

  std::unique_ptr<Instance> instance_;
  const WallClock& clock_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::vector<Request> inbox_;
  bool closed_ = false;
  bool drain_ = true;
  std::atomic<std::int64_t> outstandingTokens_{0};
  std::atomic<std::int64_t> iterations_{0};
  std::exception_ptr error_;
  std::thread thread_;
};

}  // namespace

ReplayOutcome replayOnWallClock(const Scenario& scenario, const ReplayOptions& options,
                                const std::function<void(double)>& progress) {
  const std::vector<QosClass> classes = qosClasses(scenario);
  MetricsCollector metrics(classes, options.metricsWindow);
  LockedObserver observer(metrics);
  Workload workload(scenario, WorkloadOptions{options.rateScale, options.seed});
  const double durationS = scenario.trace ? scenario.durationS / options.rateScale : scenario.durationS;
  const TimePoint arrivalEnd = timeFromSeconds(durationS);
  const std::int64_t kvBlocks = instanceKvBlocks(scenario);
  Router router(scenario.pool, classes);

  WallClock clock;
  std::vector<std::unique_ptr<InstanceWorker>> workers;
  for (std::int32_t i = 0; i < scenario.pool.instances; ++i) {
    workers.push_back(std::make_unique<InstanceWorker>(
        std::make_unique<Instance>(i, classes, scenario.scheduler, makeExecutor(scenario.executor), kvBlocks, observer),
        clock));
  }
  clock.restart();
  for (auto& worker : workers) worker->start();

  std::vector<std::int64_t> loads(workers.size(), 0);
  const auto failed = [&] {
    return std::any_of(workers.begin(), workers.end(), [](const auto& worker) { return worker->error() != nullptr; });
  };
  constexpr auto kProgressEvery = std::chrono::milliseconds(250);
  auto lastProgress = std::chrono::steady_clock::now();
  for (auto request = workload.next(); request && !failed(); request = workload.next()) {
    if (request->arrival > arrivalEnd) break;
    while (clock.now() < request->arrival) {
      const auto wait = std::min<Duration>(request->arrival - clock.now(), kProgressEvery);
      std::this_thread::sleep_for(wait);
      if (progress && std::chrono::steady_clock::now() - lastProgress >= kProgressEvery) {
        progress(std::clamp(toSeconds(clock.now()) / std::max(durationS, 1e-9), 0.0, 1.0));
        lastProgress = std::chrono::steady_clock::now();
      }
    }
    if (router.needsLoad()) {
      for (std::size_t i = 0; i < workers.size(); ++i) loads[i] = workers[i]->outstandingTokens();
    }
    workers[static_cast<std::size_t>(router.route(*request, loads))]->submit(*request);
  }
  if (!options.drain) {
    while (clock.now() < arrivalEnd && !failed()) std::this_thread::sleep_for(std::min<Duration>(arrivalEnd - clock.now(), kProgressEvery));
  }
  for (auto& worker : workers) worker->close(options.drain);
  ReplayOutcome outcome;
  for (auto& worker : workers) {
    worker->join();
    outcome.iterations += worker->iterations();
  }
  for (auto& worker : workers) {
    if (worker->error()) std::rethrow_exception(worker->error());
  }
  if (progress) progress(1.0);
  const TimePoint end = clock.now();
  observer.advanceTo(end);
  outcome.snapshot = observer.snapshot(end);
  outcome.durationS = durationS;
  outcome.simulatedS = toSeconds(end);
  return outcome;
}

}  // namespace headroom::engine
