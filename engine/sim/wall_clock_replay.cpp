#include "engine/sim/wall_clock_replay.h"

#include <algorithm>
#include <atomic>
#include <exception>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "engine/core/clock.h"
#include "engine/host/instance_driver.h"
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
  void onCancelled(const RequestState& state, TimePoint now) override {
    const std::lock_guard lock(mutex_);
    metrics_.onCancelled(state, now);
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

// One instance of the replay: its inbox of routed arrivals and the driver that runs it.
class RoutedInstance final : public InstanceDriver::Hooks {
 public:
  RoutedInstance(std::unique_ptr<Instance> instance, const WallClock& clock)
      : instance_(std::move(instance)), driver_(*instance_, clock, *this) {}

  InstanceDriver& driver() { return driver_; }
  // Main thread: hands an arrival to the instance, which takes it between two iterations.
  void submit(const Request& request) {
    {
      const std::lock_guard lock(mutex_);
      inbox_.push_back(request);
    }
    outstandingTokens_.fetch_add(std::int64_t{request.promptTokens} + request.outputTokens, std::memory_order_relaxed);
    driver_.wake();
  }
  std::int64_t outstandingTokens() const { return outstandingTokens_.load(std::memory_order_relaxed); }
  bool failed() const { return driver_.failure() != nullptr; }

  // Loop thread.
  void beforeIteration(TimePoint now) override {
    {
      const std::lock_guard lock(mutex_);
      arrivals_.swap(inbox_);
    }
    for (const Request& request : arrivals_) instance_->enqueue(request, now);
    arrivals_.clear();
  }
  void afterIteration(TimePoint /*end*/) override {
    outstandingTokens_.store(instance_->outstandingTokens(), std::memory_order_relaxed);
  }

 private:
  std::unique_ptr<Instance> instance_;
  std::mutex mutex_;
  std::vector<Request> inbox_;     // guarded by mutex_
  std::vector<Request> arrivals_;  // loop thread
  std::atomic<std::int64_t> outstandingTokens_{0};
  InstanceDriver driver_;  // last: stops before the rest goes
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
  std::vector<std::unique_ptr<RoutedInstance>> workers;
  for (std::int32_t i = 0; i < scenario.pool.instances; ++i) {
    workers.push_back(std::make_unique<RoutedInstance>(
        std::make_unique<Instance>(i, classes, scenario.scheduler, makeExecutor(scenario.executor), kvBlocks, observer),
        clock));
  }
  clock.restart();
  for (auto& worker : workers) worker->driver().start();

  std::vector<std::int64_t> loads(workers.size(), 0);
  const auto failed = [&] {
    return std::any_of(workers.begin(), workers.end(), [](const auto& worker) { return worker->failed(); });
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
  for (auto& worker : workers) worker->driver().stop(options.drain ? DriverStop::Drain : DriverStop::Now);
  ReplayOutcome outcome;
  for (auto& worker : workers) {
    worker->driver().join();
    outcome.iterations += worker->driver().iterations();
  }
  for (auto& worker : workers) {
    if (const std::exception_ptr failure = worker->driver().failure()) std::rethrow_exception(failure);
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
