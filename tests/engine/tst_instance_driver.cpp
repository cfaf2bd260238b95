// InstanceDriver: the wall-clock loop around one Instance. Arrivals reach the instance only between
// iterations, a drain finishes held work while a stop does not, an exception on the loop thread is
// reported to the owner instead of ending the process, and an idle loop still publishes.
#include <QtTest>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>
#include <vector>

#include "engine/core/clock.h"
#include "engine/exec/batch.h"
#include "engine/host/instance_driver.h"
#include "engine/instance/instance.h"
#include "engine/kv/block_manager.h"
#include "support/test_models.h"

using namespace headroom::engine;
using headroom::test::LinearTimeModel;
using headroom::test::RecordingObserver;

namespace {

using std::chrono::milliseconds;

// Computes nothing: each iteration costs `iteration`; the `failAt`-th execute() (1-based) throws, and
// so does every batch that holds request `poison` (a request the executor cannot run).
class StepExecutor final : public Executor {
 public:
  explicit StepExecutor(Duration iteration, std::int64_t failAt = 0, RequestId poison = 0)
      : model_(iteration, Duration{0}), failAt_(failAt), poison_(poison) {}
  IterationResult execute(const Batch& batch) override {
    if (++calls_ == failAt_) throw std::runtime_error("executor lost its device");
    for (const BatchEntry& entry : batch.entries) {
      if (entry.requestId == poison_) throw std::invalid_argument("request cannot be run");
    }
    return {model_.predict(batch.shape), {}};
  }
  const IterationTimeModel& timeModel() const override { return model_; }

 private:
  LinearTimeModel model_;
  std::int64_t failAt_;
  RequestId poison_;
  std::int64_t calls_ = 0;
};

QosClass bulkClass() {
  QosClass qos{"bulk", 0, Importance::Normal, {}};
  qos.slo.ttlt = std::chrono::seconds(600);
  return qos;
}

SchedulerConfig plainScheduler() {
  SchedulerConfig config;
  config.relegation = Relegation::Off;
  return config;
}

// The owner side: an inbox filled from the test thread, and what the loop reported.
class Owner final : public InstanceDriver::Hooks {
 public:
  // `keepServing`: a failed iteration is noted and the loop goes on (else the default ends it).
  Owner(Duration iteration, std::int64_t failAt = 0, RequestId poison = 0, bool keepServing = false,
        std::int64_t kvBlocks = BlockManager::kUnbounded)
      : keepServing_(keepServing),
        instance_(0, {bulkClass()}, plainScheduler(), std::make_unique<StepExecutor>(iteration, failAt, poison),
                  kvBlocks, observer_) {}

  Instance& instance() { return instance_; }
  // Read only after the driver has joined.
  const RecordingObserver& observer() const { return observer_; }

  void submit(InstanceDriver& driver, RequestId id, std::int32_t outputTokens, const WallClock& clock) {
    {
      const std::lock_guard lock(mutex_);
      inbox_.push_back(Request{id, 0, clock.now(), 4, outputTokens});
    }
    driver.wake();
  }

  void beforeIteration(TimePoint now) override {
    if (instance_.busy()) enqueuedWhileBusy_ = true;
    std::vector<Request> arrivals;
    {
      const std::lock_guard lock(mutex_);
      arrivals.swap(inbox_);
    }
    for (const Request& request : arrivals) instance_.enqueue(request, now);
  }
  void afterIteration(TimePoint end) override {
    if (end < lastEnd_) timeWentBack_ = true;
    lastEnd_ = end;
  }
  void publish(TimePoint /*now*/) override { publishes_.fetch_add(1); }
  void onIterationFailed(TimePoint now, const IterationFailed& failure) override {
    if (!keepServing_) InstanceDriver::Hooks::onIterationFailed(now, failure);
    failedRequests_.insert(failedRequests_.end(), failure.requests().begin(), failure.requests().end());
    failureMessage_ = failure.what();
    failedIterations_.fetch_add(1);
  }
  int failedIterations() const { return failedIterations_.load(); }
  // Read only after the driver has joined.
  const std::vector<RequestId>& failedRequests() const { return failedRequests_; }
  const std::string& failureMessage() const { return failureMessage_; }
  void onStopped(TimePoint /*now*/, std::exception_ptr failure) override {
    stoppedCalls_.fetch_add(1);
    reportedFailure_ = failure;
  }

  int publishes() const { return publishes_.load(); }
  int stoppedCalls() const { return stoppedCalls_.load(); }
  std::exception_ptr reportedFailure() const { return reportedFailure_; }
  bool enqueuedWhileBusy() const { return enqueuedWhileBusy_; }
  bool timeWentBack() const { return timeWentBack_; }

 private:
  bool keepServing_;
  std::vector<RequestId> failedRequests_;
  std::string failureMessage_;
  std::atomic<int> failedIterations_{0};
  RecordingObserver observer_;
  Instance instance_;
  std::mutex mutex_;
  std::vector<Request> inbox_;
  TimePoint lastEnd_{};
  bool enqueuedWhileBusy_ = false;
  bool timeWentBack_ = false;
  std::atomic<int> publishes_{0};
  std::atomic<int> stoppedCalls_{0};
  std::exception_ptr reportedFailure_;
};

std::string messageOf(std::exception_ptr failure) {
  try {
    std::rethrow_exception(failure);
  } catch (const std::exception& error) {
    return error.what();
  }
}

}  // namespace

class TestInstanceDriver : public QObject {
  Q_OBJECT

 private slots:
  // A request submitted while an iteration runs joins the instance after that iteration, and every
  // request is served.
  void arrivalsJoinBetweenIterations() {
    WallClock clock;
    Owner owner(milliseconds(20));
    InstanceDriver driver(owner.instance(), clock, owner);
    driver.start();
    owner.submit(driver, 1, 5, clock);
    QTRY_VERIFY_WITH_TIMEOUT(driver.iterations() >= 1, 5000);
    owner.submit(driver, 2, 3, clock);
    owner.submit(driver, 3, 2, clock);
    driver.stop(DriverStop::Drain);
    driver.join();
    QVERIFY(driver.stopped());
    QVERIFY(driver.failure() == nullptr);
    QVERIFY(!owner.enqueuedWhileBusy());
    QVERIFY(!owner.timeWentBack());
    QCOMPARE(owner.observer().arrived, (std::vector<RequestId>{1, 2, 3}));
    QCOMPARE(owner.observer().finished.size(), std::size_t{3});
    std::int64_t generated = 0;
    for (const auto& finished : owner.observer().finished) generated += finished.generated;
    QCOMPARE(generated, std::int64_t{10});
    // Request 1 needs five iterations (one prefill that samples the first token, four decodes).
    QVERIFY(driver.iterations() >= 5);
    QCOMPARE(owner.stoppedCalls(), 1);
    QVERIFY(owner.reportedFailure() == nullptr);
  }

  // Drain finishes what is held; Now leaves it after the iteration in progress.
  void drainFinishesHeldWorkStopDoesNot() {
    WallClock clock;
    {
      Owner owner(milliseconds(2));
      InstanceDriver driver(owner.instance(), clock, owner);
      driver.start();
      owner.submit(driver, 1, 30, clock);
      driver.stop(DriverStop::Drain);
      driver.join();
      QCOMPARE(owner.observer().finished.size(), std::size_t{1});
      QCOMPARE(owner.observer().finished.front().generated, 30);
      QVERIFY(!owner.instance().hasWork());
    }
    {
      Owner owner(milliseconds(10));
      InstanceDriver driver(owner.instance(), clock, owner);
      driver.start();
      owner.submit(driver, 1, 100000, clock);
      QTRY_VERIFY_WITH_TIMEOUT(driver.iterations() >= 1, 5000);
      driver.stop(DriverStop::Drain);
      driver.stop(DriverStop::Now);  // Now overrides the drain
      driver.join();
      QVERIFY(owner.observer().finished.empty());
      QVERIFY(owner.instance().hasWork());
      QVERIFY(!owner.instance().busy());  // the iteration in progress was finished, not abandoned
      QCOMPARE(owner.stoppedCalls(), 1);
      QVERIFY(driver.failure() == nullptr);
    }
  }

  // The executor throws on its third batch: the loop ends, the owner hears why, the process goes on.
  void aThrowingExecutorIsReportedNotFatal() {
    WallClock clock;
    Owner owner(milliseconds(1), 3);
    InstanceDriver driver(owner.instance(), clock, owner);
    driver.start();
    owner.submit(driver, 1, 10, clock);
    driver.join();  // ends by itself
    QVERIFY(driver.stopped());
    QVERIFY(driver.failure() != nullptr);
    QCOMPARE(messageOf(driver.failure()), std::string("executor lost its device"));
    QCOMPARE(owner.stoppedCalls(), 1);
    QVERIFY(owner.reportedFailure() == driver.failure());
    QCOMPARE(driver.iterations(), std::int64_t{2});
    QVERIFY(owner.observer().finished.empty());
    driver.stop(DriverStop::Now);  // stopping a failed driver is harmless
  }

  // A request the executor cannot run fails with the batch it was in; the loop goes on, the requests
  // that come later are served, and the failed ones leave nothing behind (KV blocks, queue).
  void aFailingBatchCostsThatBatchOnly() {
    WallClock clock;
    Owner owner(milliseconds(1), 0, 2, true, 64);
    InstanceDriver driver(owner.instance(), clock, owner);
    driver.start();
    owner.submit(driver, 1, 5, clock);
    QTRY_VERIFY_WITH_TIMEOUT(driver.iterations() >= 1, 5000);
    owner.submit(driver, 2, 5, clock);  // poison: joins request 1's batch
    QTRY_VERIFY_WITH_TIMEOUT(owner.failedIterations() >= 1, 5000);
    QVERIFY(!driver.stopped());
    owner.submit(driver, 3, 4, clock);
    driver.stop(DriverStop::Drain);
    driver.join();
    QVERIFY2(driver.failure() == nullptr, "the loop must not end");
    QVERIFY(std::find(owner.failedRequests().begin(), owner.failedRequests().end(), RequestId{2}) !=
            owner.failedRequests().end());
    QCOMPARE(owner.failureMessage(), std::string("request cannot be run"));
    // Request 3 came after the failure and was served in full; nothing of the failed ones is held.
    bool servedThird = false;
    for (const auto& finished : owner.observer().finished) {
      QVERIFY(finished.id != 2);
      if (finished.id == 3) servedThird = finished.generated == 4;
    }
    QVERIFY(servedThird);
    QVERIFY(!owner.instance().hasWork());
    QCOMPARE(owner.instance().status().kvUsedFraction, 0.0);
    QCOMPARE(owner.instance().status().load.outstandingTokens, std::int64_t{0});
  }

  // With nothing to run the loop sleeps, but still publishes each interval (metric windows close).
  void idleLoopKeepsPublishing() {
    WallClock clock;
    Owner owner(milliseconds(1));
    InstanceDriver driver(owner.instance(), clock, owner, milliseconds(5));
    driver.start();
    QTRY_VERIFY_WITH_TIMEOUT(owner.publishes() >= 4, 5000);
    QCOMPARE(driver.iterations(), std::int64_t{0});
    driver.stop(DriverStop::Drain);
    driver.join();
    QVERIFY(driver.failure() == nullptr);
    QCOMPARE(owner.stoppedCalls(), 1);
  }

  void aNonPositivePublishIntervalIsRefused() {
    WallClock clock;
    Owner owner(milliseconds(1));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, InstanceDriver(owner.instance(), clock, owner, Duration{0}));
  }
};

QTEST_GUILESS_MAIN(TestInstanceDriver)
#include "tst_instance_driver.moc"
