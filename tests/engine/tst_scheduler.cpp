#include <QtTest>

#include <algorithm>
#include <map>
#include <random>

#include "engine/exec/batch.h"
#include "engine/kv/block_manager.h"
#include "engine/sched/scheduler.h"
#include "support/test_models.h"

using namespace headroom::engine;
using headroom::test::LinearTimeModel;
using headroom::test::RecordingObserver;

Q_DECLARE_METATYPE(OrderingPolicy)
Q_DECLARE_METATYPE(std::vector<RequestId>)

namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;

QosClass interactiveClass(const char* name, int rank, Duration ttft, Duration tbt,
                          Importance importance = Importance::Normal) {
  QosClass qos{name, rank, importance, {}};
  qos.slo.ttft = ttft;
  qos.slo.tbt = tbt;
  return qos;
}

QosClass ttltClass(const char* name, int rank, Duration ttlt, Importance importance = Importance::Normal) {
  QosClass qos{name, rank, importance, {}};
  qos.slo.ttlt = ttlt;
  return qos;
}

Request makeRequest(RequestId id, ClassId classId, double arrivalS, std::int32_t prompt, std::int32_t output) {
  return Request{id, classId, timeFromSeconds(arrivalS), prompt, output};
}

// Drives a scheduler until it has nothing left, advancing time by the model's prediction.
TimePoint runToEnd(Scheduler& scheduler, const IterationTimeModel& model, TimePoint now, int maxIterations = 100000) {
  Batch batch;
  for (int i = 0; i < maxIterations && scheduler.hasWork(); ++i) {
    scheduler.schedule(now, batch);
    if (batch.empty()) break;
    now += model.predict(batch.shape);
    scheduler.complete(batch, now);
  }
  return now;
}

// Keeps what the scheduler judged of each finished request's TBT.
class PaceObserver final : public RequestObserver {
 public:
  Duration pace{};
  bool missed = false;
  void onArrival(const Request&, TimePoint) override {}
  void onFirstScheduled(const RequestState&, TimePoint) override {}
  void onToken(const RequestState&, TimePoint, Duration) override {}
  void onRelegated(const RequestState&, TimePoint) override {}
  void onPreempted(const RequestState&, TimePoint) override {}
  void onFinished(const RequestState& state, TimePoint) override {
    pace = state.worstTokenPace;
    missed = state.tbtDeadlineMissed;
  }
};

}  // namespace

class TestScheduler : public QObject {
  Q_OBJECT

 private slots:
  // TTFT 1 s, TBT 100 ms: token 2 is due at 1.1 s, token 3 at 1.2 s. The judged pace of a request passes
  // the TBT bound exactly when one of its tokens missed its deadline, to the microsecond.
  void worstTokenPaceMatchesTheDeadlines_data() {
    QTest::addColumn<qint64>("token2Us");
    QTest::addColumn<qint64>("token3Us");
    QTest::addColumn<qint64>("paceUs");
    QTest::addColumn<bool>("missed");
    QTest::newRow("ahead") << qint64(600'000) << qint64(700'000) << qint64(0) << false;
    QTest::newRow("gaps over the bound, on time") << qint64(900'000) << qint64(1'150'000) << qint64(75'000) << false;
    QTest::newRow("token 2 at its deadline") << qint64(1'100'000) << qint64(1'150'000) << qint64(100'000) << false;
    QTest::newRow("token 2 1 us late") << qint64(1'100'001) << qint64(1'150'000) << qint64(100'001) << true;
    QTest::newRow("token 3 1 us late") << qint64(1'100'000) << qint64(1'200'001) << qint64(100'001) << true;
  }

  // What a dashboard reads of spare capacity: the most tokens one iteration may hold, and the prompt
  // tokens still to compute.
  void tokenBudgetAndPendingPrefill() {
    const std::vector<QosClass> classes = {ttltClass("batch", 0, seconds(100))};
    LinearTimeModel model(milliseconds(10), Duration{10});
    RecordingObserver observer;
    const auto budgetOf = [&](ChunkingConfig chunking, std::int32_t maxBatchTokens) {
      SchedulerConfig config;
      config.chunking = chunking;
      config.maxBatchTokens = maxBatchTokens;
      return Scheduler(classes, config, BlockManager(BlockManager::kUnbounded, 16), model, observer).tokenBudget();
    };
    QCOMPARE(budgetOf({ChunkingMode::Fixed, 256}, 8192), 256);
    QCOMPARE(budgetOf({ChunkingMode::Fixed, 256}, 100), 100);
    QCOMPARE(budgetOf({ChunkingMode::Dynamic, 0}, 8192), 2560);
    QCOMPARE(budgetOf({ChunkingMode::Dynamic, 0}, 1000), 1000);
    QCOMPARE(budgetOf({ChunkingMode::None, 0}, 8192), 8192);

    SchedulerConfig config;
    config.policy = OrderingPolicy::Fcfs;
    config.chunking = {ChunkingMode::Fixed, 256};
    config.relegation = Relegation::Off;
    Scheduler scheduler(classes, config, BlockManager(BlockManager::kUnbounded, 16), model, observer);
    QCOMPARE(scheduler.pendingPrefillTokens(), 0);
    scheduler.enqueue(makeRequest(0, 0, 0.0, 300, 5), kTimeZero);
    scheduler.enqueue(makeRequest(1, 0, 0.0, 500, 5), kTimeZero);
    QCOMPARE(scheduler.pendingPrefillTokens(), 800);
    Batch batch;
    scheduler.schedule(kTimeZero, batch);
    scheduler.complete(batch, timeFromSeconds(0.1));
    QCOMPARE(scheduler.pendingPrefillTokens(), 800 - 256);
  }

  void worstTokenPaceMatchesTheDeadlines() {
    QFETCH(qint64, token2Us);
    QFETCH(qint64, token3Us);
    QFETCH(qint64, paceUs);
    QFETCH(bool, missed);
    const std::vector<QosClass> classes = {interactiveClass("chat", 0, seconds(1), milliseconds(100))};
    SchedulerConfig config;
    config.relegation = Relegation::Off;
    LinearTimeModel model(milliseconds(10), Duration{10});
    PaceObserver observer;
    Scheduler scheduler(classes, config, BlockManager(BlockManager::kUnbounded, 16), model, observer);
    scheduler.enqueue(makeRequest(0, 0, 0.0, 8, 3), kTimeZero);
    Batch batch;
    TimePoint now = kTimeZero;
    for (const qint64 endUs : {qint64(500'000), token2Us, token3Us}) {
      scheduler.schedule(now, batch);
      QVERIFY(!batch.empty());
      now = TimePoint{Duration{endUs}};
      scheduler.complete(batch, now);
    }
    QVERIFY(!scheduler.hasWork());
    QCOMPARE(observer.pace.count(), paceUs);
    QCOMPARE(observer.missed, missed);
    QCOMPARE(observer.pace > milliseconds(100), missed);
  }

  // Each policy's order on one hand-built queue: five requests wait, one prefill per iteration.
  void policyOrder_data() {
    QTest::addColumn<OrderingPolicy>("policy");
    QTest::addColumn<std::vector<RequestId>>("expected");
    QTest::newRow("fcfs") << OrderingPolicy::Fcfs << std::vector<RequestId>{0, 1, 2, 3, 4};
    QTest::newRow("priority") << OrderingPolicy::Priority << std::vector<RequestId>{2, 3, 1, 4, 0};
    QTest::newRow("edf") << OrderingPolicy::Edf << std::vector<RequestId>{2, 3, 0, 1, 4};
    QTest::newRow("srpf") << OrderingPolicy::Srpf << std::vector<RequestId>{3, 4, 2, 0, 1};
    // hybrid keys: r3 1.38 s, r2 1.6 s, r0 5.808 s, r4 10.568 s, r1 12.508 s
    QTest::newRow("hybrid") << OrderingPolicy::Hybrid << std::vector<RequestId>{3, 2, 0, 4, 1};
  }

  void policyOrder() {
    QFETCH(OrderingPolicy, policy);
    QFETCH(std::vector<RequestId>, expected);
    const std::vector<QosClass> classes = {interactiveClass("a", 0, seconds(1), milliseconds(100)),
                                           ttltClass("b", 1, seconds(10)), ttltClass("c", 2, seconds(5))};
    SchedulerConfig config;
    config.policy = policy;
    config.alphaSPerToken = 0.008;
    config.chunking = {ChunkingMode::None, 0};
    config.maxBatchTokens = 1;  // one whole prompt per iteration
    config.relegation = Relegation::Off;
    LinearTimeModel model(milliseconds(10), Duration{10});
    RecordingObserver observer;
    Scheduler scheduler(classes, config, BlockManager(BlockManager::kUnbounded, 16), model, observer);
    scheduler.enqueue(makeRequest(0, 2, 0.0, 100, 1), timeFromSeconds(0.0));
    scheduler.enqueue(makeRequest(1, 1, 0.1, 300, 1), timeFromSeconds(0.1));
    scheduler.enqueue(makeRequest(2, 0, 0.2, 50, 1), timeFromSeconds(0.2));
    scheduler.enqueue(makeRequest(3, 0, 0.3, 10, 1), timeFromSeconds(0.3));
    scheduler.enqueue(makeRequest(4, 1, 0.4, 20, 1), timeFromSeconds(0.4));
    runToEnd(scheduler, model, timeFromSeconds(1.0));
    QCOMPARE(observer.firstScheduled, expected);
    QCOMPARE(observer.finished.size(), expected.size());
    QVERIFY(!scheduler.hasWork());
  }

  void fixedChunkBudgetCountsDecodes() {
    const std::vector<QosClass> classes = {ttltClass("batch", 0, seconds(100))};
    SchedulerConfig config;
    config.policy = OrderingPolicy::Fcfs;
    config.chunking = {ChunkingMode::Fixed, 256};
    config.relegation = Relegation::Off;
    LinearTimeModel model(milliseconds(10), Duration{10});
    RecordingObserver observer;
    Scheduler scheduler(classes, config, BlockManager(BlockManager::kUnbounded, 16), model, observer);
    for (RequestId id = 0; id < 3; ++id) scheduler.enqueue(makeRequest(id, 0, 0.0, 8, 50), kTimeZero);
    Batch batch;
    scheduler.schedule(kTimeZero, batch);  // three 8-token prompts in one iteration
    QCOMPARE(batch.shape.prefillTokens, 24);
    scheduler.complete(batch, timeFromSeconds(0.1));
    scheduler.enqueue(makeRequest(3, 0, 0.1, 5000, 10), timeFromSeconds(0.1));
    scheduler.schedule(timeFromSeconds(0.1), batch);
    QCOMPARE(batch.shape.decodeTokens, 3);
    QCOMPARE(batch.shape.prefillTokens, 253);
    QCOMPARE(batch.shape.batchTokens(), 256);
  }

  void noChunkingPrefillsWholePrompt() {
    const std::vector<QosClass> classes = {ttltClass("batch", 0, seconds(100))};
    SchedulerConfig config;
    config.policy = OrderingPolicy::Fcfs;
    config.chunking = {ChunkingMode::None, 0};
    config.maxBatchTokens = 1024;
    LinearTimeModel model(milliseconds(10), Duration{10});
    RecordingObserver observer;
    Scheduler scheduler(classes, config, BlockManager(BlockManager::kUnbounded, 16), model, observer);
    scheduler.enqueue(makeRequest(0, 0, 0.0, 3000, 4), kTimeZero);
    scheduler.enqueue(makeRequest(1, 0, 0.0, 100, 4), kTimeZero);
    Batch batch;
    scheduler.schedule(kTimeZero, batch);
    // The first prompt goes whole even past the token cap; the next does not fit beside it.
    QCOMPARE(batch.entries.size(), std::size_t{1});
    QCOMPARE(batch.shape.prefillTokens, 3000);
  }

  // Dynamic chunking: the largest candidate whose predicted time x 1.2 fits the tightest TBT slack.
  void dynamicChunkFitsSlack_data() {
    QTest::addColumn<int>("ttftMs");
    QTest::addColumn<int>("expectedChunk");
    // Model 10 ms + 50 us/token. First token at 10.8 ms; token 2 is due at ttft + 50 ms.
    //  ttft 20 ms: slack 59.2 ms -> (10 + 0.05 (c + 1)) x 1.2 <= 59.2 -> c <= 785 -> 768
    //  ttft 500 ms: slack 539 ms -> 2560 fits (166 ms)
    //  ttft 5 ms: slack 44.2 ms -> c <= 535 -> 512
    //  ttft 1 ms: slack 40.2 ms -> 453 -> 256
    QTest::newRow("tight") << 20 << 768;
    QTest::newRow("loose") << 500 << 2560;
    QTest::newRow("tighter") << 5 << 512;
    QTest::newRow("tightest") << 1 << 256;
  }

  void dynamicChunkFitsSlack() {
    QFETCH(int, ttftMs);
    QFETCH(int, expectedChunk);
    const std::vector<QosClass> classes = {interactiveClass("chat", 0, milliseconds(ttftMs), milliseconds(50)),
                                           ttltClass("batch", 1, seconds(1000))};
    SchedulerConfig config;
    config.policy = OrderingPolicy::Fcfs;
    config.chunking = {ChunkingMode::Dynamic, 0};
    config.relegation = Relegation::Off;
    LinearTimeModel model(milliseconds(10), Duration{50});
    RecordingObserver observer;
    Scheduler scheduler(classes, config, BlockManager(BlockManager::kUnbounded, 16), model, observer);
    scheduler.enqueue(makeRequest(0, 0, 0.0, 15, 100), kTimeZero);
    Batch batch;
    scheduler.schedule(kTimeZero, batch);
    QCOMPARE(batch.shape.prefillTokens, 15);
    const TimePoint firstToken = kTimeZero + model.predict(batch.shape);
    QCOMPARE(firstToken, timeFromSeconds(0.01075));
    scheduler.complete(batch, firstToken);
    scheduler.enqueue(makeRequest(1, 1, toSeconds(firstToken), 10000, 10), firstToken);
    scheduler.schedule(firstToken, batch);
    QCOMPARE(batch.shape.decodeTokens, 1);
    QCOMPARE(batch.shape.prefillTokens, expectedChunk);
  }

  void dynamicChunkFloorWhenSlackIsGone() {
    const std::vector<QosClass> classes = {interactiveClass("chat", 0, milliseconds(1), milliseconds(1)),
                                           ttltClass("batch", 1, seconds(1000))};
    SchedulerConfig config;
    config.chunking = {ChunkingMode::Dynamic, 0};
    config.relegation = Relegation::Off;
    LinearTimeModel model(milliseconds(10), Duration{50});
    RecordingObserver observer;
    Scheduler scheduler(classes, config, BlockManager(BlockManager::kUnbounded, 16), model, observer);
    scheduler.enqueue(makeRequest(0, 0, 0.0, 15, 100), kTimeZero);
    Batch batch;
    scheduler.schedule(kTimeZero, batch);
    const TimePoint now = kTimeZero + model.predict(batch.shape);
    scheduler.complete(batch, now);
    scheduler.enqueue(makeRequest(1, 1, toSeconds(now), 10000, 10), now);
    scheduler.schedule(now, batch);
    QCOMPARE(batch.shape.prefillTokens, config.dynamicFloorTokens);
  }

  // Requests that can no longer meet their deadline move behind everything else, and still finish.
  void relegationDemotesLateRequests() {
    const std::vector<QosClass> classes = {interactiveClass("chat", 0, milliseconds(300), seconds(1))};
    SchedulerConfig config;
    config.policy = OrderingPolicy::Edf;
    config.chunking = {ChunkingMode::Fixed, 1024};
    config.relegation = Relegation::On;
    LinearTimeModel model(milliseconds(10), Duration{100});  // a 1000-token prompt takes ~110 ms
    RecordingObserver observer;
    Scheduler scheduler(classes, config, BlockManager(BlockManager::kUnbounded, 16), model, observer);
    for (RequestId id = 0; id < 10; ++id) scheduler.enqueue(makeRequest(id, 0, 0.0, 1000, 2), kTimeZero);
    runToEnd(scheduler, model, kTimeZero);
    QVERIFY(!observer.relegated.empty());
    QVERIFY(observer.relegated.size() < 10);
    QCOMPARE(observer.finished.size(), std::size_t{10});  // counted, never dropped
    // Every relegated request is started after every request that was not relegated.
    std::map<RequestId, std::size_t> startOrder;
    for (std::size_t i = 0; i < observer.firstScheduled.size(); ++i) startOrder[observer.firstScheduled[i]] = i;
    std::size_t lastKept = 0;
    std::size_t firstRelegated = observer.firstScheduled.size();
    for (RequestId id = 0; id < 10; ++id) {
      const bool relegated = std::count(observer.relegated.begin(), observer.relegated.end(), id) > 0;
      if (relegated) {
        firstRelegated = std::min(firstRelegated, startOrder[id]);
      } else {
        lastKept = std::max(lastKept, startOrder[id]);
      }
    }
    QVERIFY(lastKept < firstRelegated);
  }

  void relegationOffKeepsOrder() {
    const std::vector<QosClass> classes = {interactiveClass("chat", 0, milliseconds(300), seconds(1))};
    SchedulerConfig config;
    config.policy = OrderingPolicy::Edf;
    config.chunking = {ChunkingMode::Fixed, 1024};
    config.relegation = Relegation::Off;
    LinearTimeModel model(milliseconds(10), Duration{100});
    RecordingObserver observer;
    Scheduler scheduler(classes, config, BlockManager(BlockManager::kUnbounded, 16), model, observer);
    for (RequestId id = 0; id < 10; ++id) scheduler.enqueue(makeRequest(id, 0, 0.0, 1000, 2), kTimeZero);
    runToEnd(scheduler, model, kTimeZero);
    QVERIFY(observer.relegated.empty());
    QCOMPARE(observer.firstScheduled, (std::vector<RequestId>{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}));
  }

  // Important requests are relegated only when no less important request is waiting.
  void relegationIsImportanceAware() {
    const std::vector<QosClass> classes = {
        interactiveClass("vip", 0, milliseconds(100), seconds(1), Importance::High),
        interactiveClass("free", 1, seconds(30), seconds(1), Importance::Low)};
    SchedulerConfig config;
    config.policy = OrderingPolicy::Edf;
    config.chunking = {ChunkingMode::Fixed, 2048};
    config.relegation = Relegation::On;
    LinearTimeModel model(milliseconds(10), Duration{100});  // a 2000-token prompt takes ~210 ms
    {
      RecordingObserver observer;
      Scheduler scheduler(classes, config, BlockManager(BlockManager::kUnbounded, 16), model, observer);
      for (RequestId id = 0; id < 4; ++id) scheduler.enqueue(makeRequest(id, 0, 0.0, 2000, 2), kTimeZero);
      for (RequestId id = 4; id < 8; ++id) scheduler.enqueue(makeRequest(id, 1, 0.0, 100, 2), kTimeZero);
      runToEnd(scheduler, model, kTimeZero);
      QVERIFY(observer.relegated.empty());  // the low-importance requests were still waiting
      QCOMPARE(observer.finished.size(), std::size_t{8});
    }
    {
      RecordingObserver observer;
      Scheduler scheduler(classes, config, BlockManager(BlockManager::kUnbounded, 16), model, observer);
      for (RequestId id = 0; id < 4; ++id) scheduler.enqueue(makeRequest(id, 0, 0.0, 2000, 2), kTimeZero);
      runToEnd(scheduler, model, kTimeZero);
      QVERIFY(!observer.relegated.empty());  // nothing less important to give way
    }
  }

  // When KV blocks run out, the lowest-priority running request is preempted and recomputed later.
  void kvExhaustionPreemptsLowestPriority() {
    const std::vector<QosClass> classes = {ttltClass("batch", 0, seconds(1000))};
    SchedulerConfig config;
    config.policy = OrderingPolicy::Fcfs;
    config.chunking = {ChunkingMode::Fixed, 512};
    config.relegation = Relegation::Off;
    LinearTimeModel model(milliseconds(10), Duration{10});
    RecordingObserver observer;
    // 30 blocks of 16 tokens; each request peaks at 64 + 200 = 264 tokens = 17 blocks.
    Scheduler scheduler(classes, config, BlockManager(30, 16), model, observer);
    for (RequestId id = 0; id < 3; ++id) scheduler.enqueue(makeRequest(id, 0, 0.001 * id, 64, 200), kTimeZero);
    runToEnd(scheduler, model, kTimeZero);
    QVERIFY(!observer.preempted.empty());
    QVERIFY(std::find(observer.preempted.begin(), observer.preempted.end(), RequestId{0}) == observer.preempted.end());
    QCOMPARE(observer.finished.size(), std::size_t{3});
    for (const auto& done : observer.finished) QCOMPARE(done.generated, 200);
    QCOMPARE(observer.tokens, std::int64_t{600});  // every token exactly once, preemption or not
    QCOMPARE(scheduler.blocks().freeBlocks(), std::int64_t{30});
  }

  void requestTooLargeForKvIsRejected() {
    const std::vector<QosClass> classes = {ttltClass("batch", 0, seconds(1000))};
    LinearTimeModel model(milliseconds(10), Duration{10});
    RecordingObserver observer;
    Scheduler scheduler(classes, SchedulerConfig{}, BlockManager(10, 16), model, observer);
    QVERIFY_THROWS_EXCEPTION(std::runtime_error, scheduler.enqueue(makeRequest(0, 0, 0.0, 1000, 10), kTimeZero));
  }

  // An urgent arrival overtakes a partial prefill whose deadline can absorb the delay.
  void selectivePreemptionOfPrefills_data() {
    QTest::addColumn<bool>("selective");
    QTest::addColumn<RequestId>("firstInBatch");
    QTest::newRow("on") << true << RequestId{1};
    QTest::newRow("off") << false << RequestId{0};
  }

  void selectivePreemptionOfPrefills() {
    QFETCH(bool, selective);
    QFETCH(RequestId, firstInBatch);
    const std::vector<QosClass> classes = {interactiveClass("chat", 0, milliseconds(500), milliseconds(100)),
                                           ttltClass("batch", 1, seconds(1000))};
    SchedulerConfig config;
    config.policy = OrderingPolicy::Hybrid;
    config.chunking = {ChunkingMode::Fixed, 256};
    config.selectivePreemption = selective;
    LinearTimeModel model(milliseconds(10), Duration{10});
    RecordingObserver observer;
    Scheduler scheduler(classes, config, BlockManager(BlockManager::kUnbounded, 16), model, observer);
    scheduler.enqueue(makeRequest(0, 1, 0.0, 4000, 10), kTimeZero);
    Batch batch;
    scheduler.schedule(kTimeZero, batch);
    QCOMPARE(batch.entries.front().requestId, RequestId{0});
    const TimePoint now = kTimeZero + model.predict(batch.shape);
    scheduler.complete(batch, now);
    scheduler.enqueue(makeRequest(1, 0, toSeconds(now), 100, 10), now);
    scheduler.schedule(now, batch);
    QCOMPARE(batch.entries.front().requestId, firstInBatch);
    QCOMPARE(batch.shape.prefillTokens, 256);
  }

  // A client that leaves: its request is removed wherever it is, its KV blocks come back at once, its
  // remaining work leaves the load, and it is reported cancelled, never finished.
  void cancelRemovesRequestAndFreesKv() {
    const std::vector<QosClass> classes = {ttltClass("batch", 0, seconds(100))};
    SchedulerConfig config;
    config.policy = OrderingPolicy::Fcfs;
    config.chunking = {ChunkingMode::Fixed, 64};
    config.relegation = Relegation::Off;
    config.maxBatchSize = 2;
    LinearTimeModel model(milliseconds(10), Duration{10});
    RecordingObserver observer;
    Scheduler scheduler(classes, config, BlockManager(1000, 16), model, observer);
    scheduler.enqueue(makeRequest(0, 0, 0.0, 64, 200), kTimeZero);   // decodes
    scheduler.enqueue(makeRequest(1, 0, 0.0, 640, 10), kTimeZero);   // prefills in 64-token chunks
    scheduler.enqueue(makeRequest(2, 0, 0.0, 32, 10), kTimeZero);    // waits (batch size 2)
    Batch batch;
    TimePoint now = kTimeZero;
    for (int i = 0; i < 4; ++i) {
      scheduler.schedule(now, batch);
      now += milliseconds(10);
      scheduler.complete(batch, now);
    }
    SchedulerLoad load = scheduler.load();
    QCOMPARE(load.decoding, 1);
    QCOMPARE(load.prefilling, 1);
    QCOMPARE(load.waiting, 1);
    const std::int64_t usedBefore = scheduler.blocks().usedBlocks();
    const std::int64_t outstandingBefore = load.outstandingTokens;
    QVERIFY(observer.tokens >= 4);

    // The decoding request: its blocks (64 prompt + generated tokens) are released now.
    QVERIFY(scheduler.cancel(0, now));
    QCOMPARE(observer.cancelled.size(), std::size_t{1});
    QCOMPARE(observer.cancelled[0].id, RequestId{0});
    QCOMPARE(observer.cancelled[0].generated, 4);
    QVERIFY(observer.finished.empty());
    QVERIFY(scheduler.blocks().usedBlocks() < usedBefore);
    QCOMPARE(scheduler.load().outstandingTokens, outstandingBefore - (200 - 4));

    // The prefilling one, then the waiting one: nothing of theirs stays held.
    QVERIFY(scheduler.cancel(1, now));
    QVERIFY(scheduler.cancel(2, now));
    QCOMPARE(scheduler.blocks().usedBlocks(), std::int64_t{0});
    QCOMPARE(scheduler.load().outstandingTokens, std::int64_t{0});
    QVERIFY(!scheduler.hasWork());
    QVERIFY(!scheduler.cancel(2, now));  // already gone
    QVERIFY(!scheduler.cancel(99, now));
    scheduler.schedule(now, batch);
    QVERIFY(batch.empty());
    QCOMPARE(observer.cancelled.size(), std::size_t{3});
    QVERIFY(observer.finished.empty());

    // The slots are reused cleanly: a new request runs to its end.
    scheduler.enqueue(makeRequest(3, 0, 1.0, 16, 3), now);
    runToEnd(scheduler, model, now);
    QCOMPARE(observer.finished.size(), std::size_t{1});
    QCOMPARE(observer.finished[0].id, RequestId{3});
    QCOMPARE(scheduler.blocks().usedBlocks(), std::int64_t{0});
  }

  // A cancelled relegated request leaves the relegated queue.
  void cancelRelegated() {
    const std::vector<QosClass> classes = {ttltClass("batch", 0, seconds(100))};
    SchedulerConfig config;
    config.policy = OrderingPolicy::Fcfs;
    config.relegation = Relegation::Off;
    LinearTimeModel model(milliseconds(10), Duration{10});
    RecordingObserver observer;
    Scheduler scheduler(classes, config, BlockManager(BlockManager::kUnbounded, 16), model, observer);
    scheduler.adopt({makeRequest(5, 0, 0.0, 10, 5), true, {}}, kTimeZero);
    QCOMPARE(scheduler.load().relegated, 1);
    QVERIFY(scheduler.cancel(5, kTimeZero));
    QCOMPARE(scheduler.load().relegated, 0);
    QVERIFY(!scheduler.hasWork());
  }

  // The running total of pending prefill tokens stays the sum over the requests held through arrivals,
  // chunked prefill, KV preemption and recompute, relegation, cancels, early finishes, unstarted
  // requests taken away and a dropped batch.
  void pendingPrefillTotalFollowsEveryPath() {
    const std::vector<QosClass> classes = {interactiveClass("chat", 0, milliseconds(200), milliseconds(50)),
                                           ttltClass("batch", 1, seconds(30))};
    SchedulerConfig config;
    config.policy = OrderingPolicy::Priority;
    config.chunking = {ChunkingMode::Fixed, 96};
    config.relegation = Relegation::On;
    LinearTimeModel model(milliseconds(10), Duration{20});
    RecordingObserver observer;
    // 40 blocks of 16 tokens: a few requests fill the cache and force preemption.
    Scheduler scheduler(classes, config, BlockManager(40, 16), model, observer);
    std::mt19937_64 rng(3);
    std::uniform_int_distribution<std::int32_t> prompt(16, 300);
    std::uniform_int_distribution<std::int32_t> output(1, 200);
    std::uniform_int_distribution<int> dice(0, 99);
    TimePoint now = kTimeZero;
    RequestId next = 0;
    Batch batch;
    int preempted = 0;
    for (int step = 0; step < 3000; ++step) {
      const int roll = dice(rng);
      if (roll < 30) {
        scheduler.enqueue(makeRequest(next++, static_cast<ClassId>(roll % 2), toSeconds(now), prompt(rng), output(rng)), now);
      } else if (roll < 33 && next > 0) {
        scheduler.cancel(static_cast<RequestId>(rng() % next), now);
      } else if (roll < 35 && next > 0) {
        scheduler.finishEarly(static_cast<RequestId>(rng() % next), now);
      } else if (roll == 35) {
        for (const UnstartedRequest& taken : scheduler.takeUnstarted()) scheduler.adopt(taken, now);
      } else {
        scheduler.schedule(now, batch);
        if (!batch.empty()) {
          now += model.predict(batch.shape);
          if (roll == 36) {
            scheduler.dropBatch(batch);
          } else {
            scheduler.complete(batch, now);
          }
        } else {
          now += milliseconds(5);
        }
      }
      preempted = static_cast<int>(observer.preempted.size());
      QCOMPARE(scheduler.pendingPrefillTokens(), scheduler.pendingPrefillTokensCounted());
    }
    qInfo("requests %lld, preemptions %d, pending prefill at the end %lld", static_cast<long long>(next), preempted,
          static_cast<long long>(scheduler.pendingPrefillTokens()));
    QVERIFY(preempted > 0);
    runToEnd(scheduler, model, now);
    QCOMPARE(scheduler.pendingPrefillTokens(), std::int64_t{0});
  }
};

QTEST_GUILESS_MAIN(TestScheduler)
#include "tst_scheduler.moc"
