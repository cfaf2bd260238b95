// Growing and shrinking a pool while it serves: the router, the pool's drain, the simulation and the
// threaded runner.
#include <QtTest>

#include <chrono>
#include <map>
#include <thread>

#include "engine/exec/modeled/constant_time_model.h"
#include "engine/instance/instance.h"
#include "engine/sim/replay_runner.h"
#include "engine/sim/simulation.h"
#include "support/test_models.h"
#include "support/wait_for.h"
#include "support/test_scenarios.h"

using namespace headroom::engine;
using namespace std::chrono_literals;

namespace {

Scenario busyScenario(std::int32_t instances, RouterKind router, double ratePerS, double durationS) {
  Scenario scenario = headroom::test::oneClassScenario({.name = "resize", .seed = 5, .durationS = durationS,
                                                        .ratePerS = ratePerS, .iterationS = 0.05, .instances = instances});
  scenario.pool.router = router;
  scenario.scheduler.policy = OrderingPolicy::Fcfs;
  scenario.scheduler.chunking.mode = ChunkingMode::Fixed;
  scenario.scheduler.chunking.fixedTokens = 64;
  scenario.scheduler.relegation = Relegation::Off;
  ClassSpec& spec = scenario.classes.front();  // a batch class instead of the chat one
  spec.qos.name = "batch";
  spec.qos.slo.ttft.reset();
  spec.qos.slo.ttlt = std::chrono::seconds(600);
  spec.promptTokens.value = 256;
  spec.outputTokens.value = 8;
  return scenario;
}

std::int64_t queued(const InstanceStatus& status) { return status.load.waiting + status.load.relegated; }

std::vector<QosClass> oneClass() {
  QosClass cls;
  cls.name = "c";
  return {cls};
}

// Runs every batch in 10 ms, samples token 7 for each entry and records what it is told.
class RecordingExecutor final : public Executor {
 public:
  RecordingExecutor() : model_(std::chrono::milliseconds(10)) {}
  IterationResult execute(const Batch& batch) override {
    return {model_.predict(batch.shape), std::vector<std::int32_t>(batch.entries.size(), 7)};
  }
  const IterationTimeModel& timeModel() const override { return model_; }
  void admit(RequestId id, std::vector<std::int32_t> promptTokens, SamplingParams) override {
    admitted[id] = std::move(promptTokens);
  }
  void release(RequestId id) override { released.push_back(id); }

  std::map<RequestId, std::vector<std::int32_t>> admitted;
  std::vector<RequestId> released;

 private:
  ConstantTimeModel model_;
};

using headroom::test::waitFor;

}  // namespace

class TestPoolResize : public QObject {
  Q_OBJECT

 private slots:
  void routerGrowsAndShrinksWeights() {
    PoolConfig config;
    config.instances = 2;
    config.router = RouterKind::Weighted;
    config.weights = {{3.0, 1.0}};
    Router router(config, oneClass());
    router.addInstance();
    QCOMPARE(router.instances(), 3);
    QCOMPARE(router.weights()[0], (std::vector<double>{3.0, 1.0, 2.0}));  // the mean share
    router.removeInstance(0);
    QCOMPARE(router.weights()[0], (std::vector<double>{1.0, 2.0}));
    std::vector<std::int64_t> loads(2, 0);
    int second = 0;
    for (int i = 0; i < 300; ++i) second += router.route(Request{}, loads) == 1 ? 1 : 0;
    QCOMPARE(second, 200);  // 1 : 2 shares
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, router.removeInstance(5));
    router.removeInstance(1);
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, router.removeInstance(0));  // the last one stays
  }

  void roundRobinSkipsRemovedPositions() {
    PoolConfig config;
    config.instances = 3;
    Router router(config, oneClass());
    std::vector<std::int64_t> loads(3, 0);
    QCOMPARE(router.route(Request{}, loads), 0);
    QCOMPARE(router.route(Request{}, loads), 1);
    router.removeInstance(2);
    for (int i = 0; i < 10; ++i) QVERIFY(router.route(Request{}, loads) < 2);
  }

  void addedInstanceTakesNewArrivals() {
    Simulation simulation(busyScenario(1, RouterKind::RoundRobin, 10.0, 60.0), ReplayOptions{});
    simulation.runUntil(timeFromSeconds(10.0));
    const std::int32_t id = simulation.addInstance();
    QCOMPARE(id, 1);
    QCOMPARE(simulation.pool().size(), 2);
    QCOMPARE(simulation.pool().instance(1).id(), 1);
    QCOMPARE(simulation.pool().instance(1).status().iterations, std::int64_t{0});
    simulation.runUntil(timeFromSeconds(20.0));
    QVERIFY(simulation.pool().instance(1).status().iterations > 0);
    simulation.run();
    QVERIFY(simulation.finished());
    QCOMPARE(simulation.snapshot()->completed, simulation.snapshot()->arrived);
  }

  void drainMovesQueuedWorkAndRetires() {
    // Two overloaded instances build queues; draining one sends its unstarted requests to the other at
    // once, lets its running work finish, then it leaves the pool. Nothing is lost or counted twice.
    Simulation simulation(busyScenario(2, RouterKind::RoundRobin, 30.0, 30.0), ReplayOptions{});
    simulation.runUntil(timeFromSeconds(10.0));
    const auto before = simulation.pool().status();
    QCOMPARE(before.size(), std::size_t{2});
    QVERIFY(queued(before[0]) > 10);
    const std::int64_t arrivedBefore = simulation.snapshot()->arrived;
    const std::int64_t totalQueued = queued(before[0]) + queued(before[1]);

    simulation.drainInstance(0);
    const auto during = simulation.pool().status();
    QCOMPARE(simulation.pool().activeCount(), 1);
    QCOMPARE(simulation.snapshot()->arrived, arrivedBefore);  // moved requests are not new arrivals
    std::int64_t stillQueued = 0;
    for (const auto& status : during) stillQueued += queued(status);
    QVERIFY(stillQueued >= totalQueued - 1);  // the receiving instance may start one at once
    const auto& drained = during[0].id == 0 ? during[0] : during[1];
    QVERIFY(drained.draining);
    QCOMPARE(queued(drained), std::int64_t{0});
    const auto& kept = during[0].id == 0 ? during[1] : during[0];
    QVERIFY(queued(kept) >= totalQueued - 1);

    simulation.runUntil(timeFromSeconds(12.0));
    QCOMPARE(simulation.pool().size(), 1);  // its running work took one iteration chain, then it left
    QCOMPARE(simulation.pool().instance(0).id(), 1);
    QCOMPARE(simulation.pool().indexOf(0), -1);
    QCOMPARE(simulation.pool().indexOf(1), 0);

    simulation.run();
    const auto snapshot = simulation.snapshot();
    QCOMPARE(snapshot->completed, snapshot->arrived);
    QVERIFY(snapshot->arrived > arrivedBefore);
  }

  void drainRefusesTheLastAndUnknownInstances() {
    Simulation simulation(busyScenario(2, RouterKind::LeastLoaded, 5.0, 20.0), ReplayOptions{});
    simulation.runUntil(timeFromSeconds(2.0));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, simulation.drainInstance(7));
    simulation.drainInstance(1);
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, simulation.drainInstance(1));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, simulation.drainInstance(0));
    simulation.run();
    QCOMPARE(simulation.pool().size(), 1);
    QCOMPARE(simulation.snapshot()->completed, simulation.snapshot()->arrived);
  }

  void resizingKeepsAReplayDeterministic() {
    auto runOnce = [] {
      Simulation simulation(busyScenario(2, RouterKind::LeastLoaded, 25.0, 40.0), ReplayOptions{});
      simulation.runUntil(timeFromSeconds(8.0));
      simulation.addInstance();
      simulation.runUntil(timeFromSeconds(15.0));
      simulation.drainInstance(0);
      simulation.run();
      const auto snapshot = simulation.snapshot();
      return std::make_tuple(snapshot->arrived, snapshot->completed, snapshot->sloMet, simulation.iterations());
    };
    QCOMPARE(runOnce(), runOnce());
  }

  void movedRequestsTakeTheirTextAlong() {
    const std::vector<QosClass> classes = oneClass();
    SchedulerConfig config;
    headroom::test::RecordingObserver observer;
    auto fromExecutor = std::make_unique<RecordingExecutor>();
    auto toExecutor = std::make_unique<RecordingExecutor>();
    RecordingExecutor& from = *fromExecutor;
    RecordingExecutor& to = *toExecutor;
    Instance source(0, classes, config, std::move(fromExecutor), BlockManager::kUnbounded, observer);
    Instance target(1, classes, config, std::move(toExecutor), BlockManager::kUnbounded, observer);
    std::map<RequestId, std::vector<std::int32_t>> finished;
    target.setTextSink([&](RequestId id, const std::vector<std::int32_t>& generated) { finished[id] = generated; });
    for (RequestId id = 1; id <= 3; ++id) {
      Request request;
      request.id = id;
      request.promptTokens = 2;
      request.outputTokens = 3;
      source.enqueue(request, TimePoint{}, {static_cast<std::int32_t>(id), 100}, SamplingParams{});
    }
    auto moved = source.takeUnstarted();
    QCOMPARE(moved.size(), std::size_t{3});
    QVERIFY(!source.hasWork());
    QCOMPARE(from.released, (std::vector<RequestId>{1, 2, 3}));
    for (auto& request : moved) {
      QVERIFY(request.promptTokens.has_value());
      target.adopt(std::move(request), TimePoint{});
    }
    QCOMPARE(to.admitted.at(2), (std::vector<std::int32_t>{2, 100}));
    QCOMPARE(observer.arrived.size(), std::size_t{3});  // arrivals are reported once, where they arrived
    TimePoint now{};
    while (target.hasWork()) {
      const auto duration = target.startIteration(now);
      QVERIFY(duration.has_value());
      now += *duration;
      target.finishIteration(now);
    }
    QCOMPARE(finished.size(), std::size_t{3});
    QCOMPARE(finished.at(1), (std::vector<std::int32_t>{7, 7, 7}));
  }

  void runnerAddsAndRemovesWhilePlaying() {
    ReplayRunner runner(busyScenario(2, RouterKind::RoundRobin, 20.0, 300.0), ReplayOptions{});
    runner.setSpeed(20.0);
    runner.play();
    waitFor(runner, [](const RunnerView& v) { return v.simulatedS > 2.0; });
    runner.addInstance();
    auto view = waitFor(runner, [](const RunnerView& v) { return v.instances.size() == 3; });
    QCOMPARE(view->instances.size(), std::size_t{3});
    QCOMPARE(view->instances.back().id, 2);
    runner.removeInstance(0);
    runner.removeInstance(42);  // refused and ignored: the replay goes on
    view = waitFor(runner, [](const RunnerView& v) {
      return v.instances.size() == 2 && v.instances.front().id == 1 && v.state == RunnerState::Playing;
    });
    QCOMPARE(view->instances.size(), std::size_t{2});
    QCOMPARE(view->instances.front().id, 1);
    QVERIFY(view->state == RunnerState::Playing);
    runner.setSpeed(0.0);
    view = waitFor(runner, [](const RunnerView& v) { return v.state == RunnerState::Finished; }, 60s);
    QVERIFY(view->state == RunnerState::Finished);
    QCOMPARE(view->metrics->completed, view->metrics->arrived);
  }

  void runnerAppliesChangesWhilePaused() {
    ReplayRunner runner(busyScenario(1, RouterKind::RoundRobin, 5.0, 60.0), ReplayOptions{});
    runner.addInstance();
    const auto view = waitFor(runner, [](const RunnerView& v) { return v.instances.size() == 2; });
    QCOMPARE(view->instances.size(), std::size_t{2});
    QVERIFY(view->state == RunnerState::Paused);
    QCOMPARE(view->simulatedS, 0.0);
  }
};

QTEST_GUILESS_MAIN(TestPoolResize)
#include "tst_pool_resize.moc"
