// Changing a running instance's scheduler policy: Scheduler::setConfig re-orders waiting work,
// Instance::postSchedulerConfig hands a config over from another thread and applies it between
// iterations, and finishEarly ends a decoding request with the tokens it has.
#include <QtTest>

#include <atomic>
#include <thread>

#include "engine/exec/batch.h"
#include "engine/instance/instance.h"
#include "engine/kv/block_manager.h"
#include "engine/sched/scheduler.h"
#include "support/test_models.h"

using namespace headroom::engine;
using headroom::test::LinearTimeModel;
using headroom::test::RecordingObserver;

namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;

// Computes nothing; each iteration costs what the linear model says.
class LinearExecutor final : public Executor {
 public:
  LinearExecutor() : model_(milliseconds(10), Duration{10}) {}
  IterationResult execute(const Batch& batch) override { return {model_.predict(batch.shape), {}}; }
  const IterationTimeModel& timeModel() const override { return model_; }

 private:
  LinearTimeModel model_;
};

QosClass ttltClass(const char* name, int rank, Duration ttlt) {
  QosClass qos{name, rank, Importance::Normal, {}};
  qos.slo.ttlt = ttlt;
  return qos;
}

SchedulerConfig onePromptPerIteration(OrderingPolicy policy) {
  SchedulerConfig config;
  config.policy = policy;
  config.chunking = {ChunkingMode::None, 0};
  config.maxBatchTokens = 1;
  config.relegation = Relegation::Off;
  return config;
}

void enqueueFive(Scheduler& scheduler) {
  // Prompt lengths 300, 100, 50, 10, 20 in arrival order.
  const std::int32_t prompts[] = {300, 100, 50, 10, 20};
  for (RequestId id = 0; id < 5; ++id) {
    scheduler.enqueue(Request{id, 0, timeFromSeconds(0.1 * static_cast<double>(id)), prompts[id], 1},
                      timeFromSeconds(0.5));
  }
}

}  // namespace

class TestLiveSchedulerConfig : public QObject {
  Q_OBJECT

 private slots:
  // FCFS for one iteration, then SRPF: the rest run shortest first.
  void setConfigReordersWaitingWork() {
    LinearTimeModel model(milliseconds(10), Duration{10});
    RecordingObserver observer;
    Scheduler scheduler({ttltClass("bulk", 0, seconds(100))}, onePromptPerIteration(OrderingPolicy::Fcfs),
                        BlockManager(BlockManager::kUnbounded, 16), model, observer);
    enqueueFive(scheduler);
    Batch batch;
    TimePoint now = timeFromSeconds(1.0);
    scheduler.schedule(now, batch);
    now += model.predict(batch.shape);
    scheduler.complete(batch, now);
    scheduler.setConfig(onePromptPerIteration(OrderingPolicy::Srpf));
    QVERIFY(scheduler.config().policy == OrderingPolicy::Srpf);
    while (scheduler.hasWork()) {
      scheduler.schedule(now, batch);
      now += model.predict(batch.shape);
      scheduler.complete(batch, now);
    }
    QCOMPARE(observer.firstScheduled, (std::vector<RequestId>{0, 3, 4, 2, 1}));
  }

  void chunkingChangeTakesEffect() {
    LinearTimeModel model(milliseconds(10), Duration{10});
    RecordingObserver observer;
    SchedulerConfig config;
    config.policy = OrderingPolicy::Fcfs;
    config.chunking = {ChunkingMode::Fixed, 256};
    config.relegation = Relegation::Off;
    Scheduler scheduler({ttltClass("bulk", 0, seconds(100))}, config, BlockManager(BlockManager::kUnbounded, 16), model,
                        observer);
    scheduler.enqueue(Request{1, 0, kTimeZero, 2000, 1}, kTimeZero);
    Batch batch;
    scheduler.schedule(kTimeZero, batch);
    QCOMPARE(batch.shape.prefillTokens, 256);
    scheduler.complete(batch, timeFromSeconds(0.1));
    config.chunking = {ChunkingMode::Fixed, 64};
    scheduler.setConfig(config);
    scheduler.schedule(timeFromSeconds(0.1), batch);
    QCOMPARE(batch.shape.prefillTokens, 64);
  }

  void kvLayoutCannotChange() {
    LinearTimeModel model(milliseconds(10), Duration{10});
    RecordingObserver observer;
    Scheduler scheduler({ttltClass("bulk", 0, seconds(100))}, SchedulerConfig{}, BlockManager(100, 16), model, observer);
    SchedulerConfig other;
    other.kvBlockTokens = 32;
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, scheduler.setConfig(other));
    other = SchedulerConfig{};
    other.kvBlocksOverride = 50;
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, scheduler.setConfig(other));
  }

  // Posted from another thread while iterations run; applied at the start of the next one.
  void instanceAppliesPostedConfigBetweenIterations() {
    RecordingObserver observer;
    Instance instance(0, {ttltClass("bulk", 0, seconds(1000))}, onePromptPerIteration(OrderingPolicy::Fcfs),
                      std::make_unique<LinearExecutor>(), BlockManager::kUnbounded, observer);
    SchedulerConfig bad = onePromptPerIteration(OrderingPolicy::Srpf);
    bad.kvBlockTokens = 8;
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, instance.postSchedulerConfig(bad));

    for (RequestId id = 0; id < 200; ++id) {
      instance.enqueue(Request{id, 0, kTimeZero, static_cast<std::int32_t>(1 + (id * 37) % 500), 2}, kTimeZero);
    }
    std::atomic<bool> done{false};
    std::thread poster([&] {
      int round = 0;
      while (!done.load()) {
        instance.postSchedulerConfig(onePromptPerIteration(round++ % 2 ? OrderingPolicy::Edf : OrderingPolicy::Fcfs));
        std::this_thread::yield();
      }
    });
    TimePoint now{};
    while (instance.hasWork()) {
      const auto duration = instance.startIteration(now);
      QVERIFY(duration.has_value());
      now += *duration;
      instance.finishIteration(now);
    }
    done = true;
    poster.join();
    QCOMPARE(observer.finished.size(), std::size_t{200});

    instance.postSchedulerConfig(onePromptPerIteration(OrderingPolicy::Srpf));
    QVERIFY(instance.scheduler().config().policy != OrderingPolicy::Srpf);  // not before the next iteration
    QVERIFY(!instance.startIteration(now).has_value());  // nothing to run, but the config is taken
    QVERIFY(instance.scheduler().config().policy == OrderingPolicy::Srpf);
  }

  void finishEarlyEndsADecodingRequest() {
    RecordingObserver observer;
    SchedulerConfig config;
    config.relegation = Relegation::Off;
    Instance instance(0, {ttltClass("bulk", 0, seconds(1000))}, config, std::make_unique<LinearExecutor>(), 1000,
                      observer);
    instance.enqueue(Request{7, 0, kTimeZero, 40, 10}, kTimeZero);
    TimePoint now{};
    for (int i = 0; i < 3; ++i) {
      now += *instance.startIteration(now);
      instance.finishIteration(now);
    }
    QVERIFY(!instance.finishEarly(8, now));  // unknown id
    QVERIFY(instance.finishEarly(7, now));
    QCOMPARE(observer.finished.size(), std::size_t{1});
    QCOMPARE(observer.finished[0].generated, 3);
    QVERIFY(!instance.hasWork());
    QCOMPARE(instance.outstandingTokens(), std::int64_t{0});
    QCOMPARE(instance.scheduler().blocks().usedFraction(), 0.0);
    QVERIFY(!instance.finishEarly(7, now));
  }
};

QTEST_GUILESS_MAIN(TestLiveSchedulerConfig)
#include "tst_live_scheduler_config.moc"
