// Per-request hints only tighten a request's own deadlines and only lower its own importance.
#include <QtTest>

#include <algorithm>

#include "engine/exec/batch.h"
#include "engine/kv/block_manager.h"
#include "engine/sched/request_hints.h"
#include "engine/sched/scheduler.h"
#include "support/test_models.h"

using namespace headroom::engine;
using headroom::test::LinearTimeModel;
using headroom::test::RecordingObserver;

Q_DECLARE_METATYPE(Importance)
Q_DECLARE_METATYPE(OrderingPolicy)
Q_DECLARE_METATYPE(std::vector<RequestId>)

namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;

QosClass makeClass(const char* name, Importance importance, std::optional<Duration> ttft, std::optional<Duration> ttlt) {
  QosClass qos{name, 0, importance, {}};
  qos.slo.ttft = ttft;
  qos.slo.ttlt = ttlt;
  return qos;
}

void runToEnd(Scheduler& scheduler, const IterationTimeModel& model, TimePoint now) {
  Batch batch;
  for (int i = 0; i < 100000 && scheduler.hasWork(); ++i) {
    scheduler.schedule(now, batch);
    if (batch.empty()) break;
    now += model.predict(batch.shape);
    scheduler.complete(batch, now);
  }
}

}  // namespace

class TestRequestHints : public QObject {
  Q_OBJECT

 private slots:
  void importanceOnlyGoesDown_data() {
    QTest::addColumn<Importance>("own");
    QTest::addColumn<int>("hint");  // -1 = none
    QTest::addColumn<Importance>("expected");
    QTest::newRow("none keeps high") << Importance::High << -1 << Importance::High;
    QTest::newRow("high lowered to low") << Importance::High << int(Importance::Low) << Importance::Low;
    QTest::newRow("normal lowered to low") << Importance::Normal << int(Importance::Low) << Importance::Low;
    QTest::newRow("normal cannot rise to high") << Importance::Normal << int(Importance::High) << Importance::Normal;
    QTest::newRow("low cannot rise to normal") << Importance::Low << int(Importance::Normal) << Importance::Low;
    QTest::newRow("same stays") << Importance::Normal << int(Importance::Normal) << Importance::Normal;
  }

  void importanceOnlyGoesDown() {
    QFETCH(Importance, own);
    QFETCH(int, hint);
    QFETCH(Importance, expected);
    RequestHints hints;
    if (hint >= 0) hints.importance = static_cast<Importance>(hint);
    QCOMPARE(static_cast<int>(effectiveImportance(own, hints)), static_cast<int>(expected));
  }

  // Under EDF one whole prompt per iteration: r0 arrives first, r1 later with a deadline hint. A hint
  // tighter than the class moves r1 ahead; one looser than the class changes nothing.
  void deadlineOnlyTightens_data() {
    QTest::addColumn<bool>("interactive");
    QTest::addColumn<int>("deadlineMs");  // 0 = no hint
    QTest::addColumn<std::vector<RequestId>>("expected");
    QTest::newRow("ttlt class, no hint") << false << 0 << std::vector<RequestId>{0, 1};
    QTest::newRow("ttlt class, tighter") << false << 2000 << std::vector<RequestId>{1, 0};
    QTest::newRow("ttlt class, looser") << false << 500000 << std::vector<RequestId>{0, 1};
    QTest::newRow("ttft class, no hint") << true << 0 << std::vector<RequestId>{0, 1};
    QTest::newRow("ttft class, tighter") << true << 3000 << std::vector<RequestId>{1, 0};
    QTest::newRow("ttft class, looser") << true << 60000 << std::vector<RequestId>{0, 1};
  }

  void deadlineOnlyTightens() {
    QFETCH(bool, interactive);
    QFETCH(int, deadlineMs);
    QFETCH(std::vector<RequestId>, expected);
    const QosClass qos = interactive ? makeClass("chat", Importance::Normal, seconds(5), std::nullopt)
                                     : makeClass("bulk", Importance::Normal, std::nullopt, seconds(100));
    SchedulerConfig config;
    config.policy = OrderingPolicy::Edf;
    config.chunking = {ChunkingMode::None, 0};
    config.maxBatchTokens = 1;
    config.relegation = Relegation::Off;
    LinearTimeModel model(milliseconds(10), Duration{10});
    RecordingObserver observer;
    Scheduler scheduler({qos}, config, BlockManager(BlockManager::kUnbounded, 16), model, observer);
    scheduler.enqueue(Request{0, 0, timeFromSeconds(0.0), 100, 1}, timeFromSeconds(0.0));
    RequestHints hints;
    if (deadlineMs > 0) hints.deadline = milliseconds(deadlineMs);
    scheduler.enqueue(Request{1, 0, timeFromSeconds(0.5), 100, 1}, timeFromSeconds(0.5), hints);
    runToEnd(scheduler, model, timeFromSeconds(1.0));
    QCOMPARE(observer.firstScheduled, expected);
    QCOMPARE(observer.finished.size(), std::size_t{2});
  }

  // Two classes, one whole prompt per iteration. A batch request hinted tighter than interactive's TTFT
  // is ordered among batch requests (ahead of the older unhinted one), never ahead of an interactive
  // request: a hint orders within the class, the class keeps its place.
  void deadlineNeverJumpsAnotherClass_data() {
    QTest::addColumn<OrderingPolicy>("policy");
    QTest::newRow("edf") << OrderingPolicy::Edf;
    QTest::newRow("hybrid") << OrderingPolicy::Hybrid;
  }

  void deadlineNeverJumpsAnotherClass() {
    QFETCH(OrderingPolicy, policy);
    QosClass chat = makeClass("interactive", Importance::Normal, seconds(2), std::nullopt);
    chat.rank = 0;
    QosClass bulk = makeClass("batch", Importance::Normal, std::nullopt, seconds(600));
    bulk.rank = 1;
    SchedulerConfig config;
    config.policy = policy;
    config.alphaSPerToken = 0.0001;
    config.chunking = {ChunkingMode::None, 0};
    config.maxBatchTokens = 1;
    config.relegation = Relegation::Off;
    LinearTimeModel model(milliseconds(10), Duration{10});
    RecordingObserver observer;
    Scheduler scheduler({chat, bulk}, config, BlockManager(BlockManager::kUnbounded, 16), model, observer);
    RequestHints tight;
    tight.deadline = milliseconds(1000);
    scheduler.enqueue(Request{0, 1, timeFromSeconds(0.0), 100, 1}, timeFromSeconds(0.0));
    scheduler.enqueue(Request{1, 0, timeFromSeconds(0.0), 100, 1}, timeFromSeconds(0.0));
    scheduler.enqueue(Request{2, 1, timeFromSeconds(0.1), 100, 1}, timeFromSeconds(0.1), tight);
    scheduler.enqueue(Request{3, 0, timeFromSeconds(0.2), 100, 1}, timeFromSeconds(0.2));
    runToEnd(scheduler, model, timeFromSeconds(0.3));
    QCOMPARE(observer.firstScheduled, (std::vector<RequestId>{1, 3, 2, 0}));
    QCOMPARE(observer.finished.size(), std::size_t{4});
  }

  // A started prefill keeps the turn its class gave it: a hinted batch request that took the older
  // batch request's turn, chunked, still yields to an interactive arrival by the class's deadlines, and
  // under KV pressure it is not kept over interactive work because of its hint.
  void startedHintedPrefillKeepsClassTurn() {
    QosClass chat = makeClass("interactive", Importance::Normal, seconds(2), std::nullopt);
    QosClass bulk = makeClass("batch", Importance::Normal, std::nullopt, seconds(600));
    bulk.rank = 1;
    SchedulerConfig config;
    config.policy = OrderingPolicy::Edf;
    config.chunking = {ChunkingMode::Fixed, 100};
    config.relegation = Relegation::Off;
    config.selectivePreemption = true;  // a started prefill competes with newcomers by key
    LinearTimeModel model(milliseconds(10), Duration{10});
    RecordingObserver observer;
    Scheduler scheduler({chat, bulk}, config, BlockManager(BlockManager::kUnbounded, 16), model, observer);
    RequestHints tight;
    tight.deadline = milliseconds(500);
    scheduler.enqueue(Request{0, 1, timeFromSeconds(0.0), 1000, 1}, timeFromSeconds(0.0), tight);
    Batch batch;
    TimePoint now = timeFromSeconds(0.0);
    scheduler.schedule(now, batch);
    QCOMPARE(batch.entries.size(), std::size_t{1});
    now += model.predict(batch.shape);
    scheduler.complete(batch, now);
    // The batch request is part-way through its prompt; an interactive request arrives.
    scheduler.enqueue(Request{1, 0, now, 100, 1}, now);
    scheduler.schedule(now, batch);
    QCOMPARE(batch.entries.size(), std::size_t{1});
    QCOMPARE(batch.entries.front().requestId, RequestId{1});
  }

  // High-importance requests that will miss their deadline: those that volunteer low importance are
  // relegated first, and the others not at all while a volunteer is still waiting.
  void loweredImportanceIsRelegatedFirst() {
    const QosClass vip = makeClass("vip", Importance::High, milliseconds(100), std::nullopt);
    SchedulerConfig config;
    config.policy = OrderingPolicy::Edf;
    config.chunking = {ChunkingMode::Fixed, 2048};
    config.relegation = Relegation::On;
    LinearTimeModel model(milliseconds(10), Duration{100});  // a 2000-token prompt takes ~210 ms
    RecordingObserver observer;
    Scheduler scheduler({vip}, config, BlockManager(BlockManager::kUnbounded, 16), model, observer);
    for (RequestId id = 0; id < 4; ++id) scheduler.enqueue(Request{id, 0, kTimeZero, 2000, 2}, kTimeZero);
    const RequestHints low{std::nullopt, Importance::Low};
    for (RequestId id = 4; id < 8; ++id) scheduler.enqueue(Request{id, 0, kTimeZero, 2000, 2}, kTimeZero, low);
    runToEnd(scheduler, model, kTimeZero);
    QVERIFY(!observer.relegated.empty());
    for (RequestId id : observer.relegated) QVERIFY2(id >= 4, qPrintable(QString("request %1 was relegated").arg(id)));
    QCOMPARE(observer.finished.size(), std::size_t{8});
  }

  // The same requests all without hints: the important ones are relegated too.
  void withoutHintsImportantOnesAreRelegated() {
    const QosClass vip = makeClass("vip", Importance::High, milliseconds(100), std::nullopt);
    SchedulerConfig config;
    config.policy = OrderingPolicy::Edf;
    config.chunking = {ChunkingMode::Fixed, 2048};
    config.relegation = Relegation::On;
    LinearTimeModel model(milliseconds(10), Duration{100});
    RecordingObserver observer;
    Scheduler scheduler({vip}, config, BlockManager(BlockManager::kUnbounded, 16), model, observer);
    for (RequestId id = 0; id < 8; ++id) scheduler.enqueue(Request{id, 0, kTimeZero, 2000, 2}, kTimeZero);
    runToEnd(scheduler, model, kTimeZero);
    QVERIFY(std::any_of(observer.relegated.begin(), observer.relegated.end(), [](RequestId id) { return id < 4; }));
  }
};

QTEST_GUILESS_MAIN(TestRequestHints)
#include "tst_request_hints.moc"
