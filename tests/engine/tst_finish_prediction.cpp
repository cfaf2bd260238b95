#include <QtTest>

#include <chrono>
#include <cmath>
#include <limits>
#include <memory>
#include <optional>

#include "engine/exec/executor_factory.h"
#include "engine/instance/instance.h"
#include "engine/pool/finish_prediction.h"
#include "support/test_models.h"

using namespace headroom::engine;
using headroom::test::LinearTimeModel;
using headroom::test::RecordingObserver;
using namespace std::chrono_literals;

Q_DECLARE_METATYPE(std::optional<Duration>)

namespace {

// 1 ms per iteration plus 10 us per batch token: a chunk of c tokens beside d decodes costs
// 1000 + 10 (c + d) us.
LinearTimeModel linearModel() { return LinearTimeModel(1ms, 10us); }

InstanceStatus idleStatus(std::int32_t tokenBudget) {
  InstanceStatus status;
  status.tokenBudget = tokenBudget;
  return status;
}

Request requestOf(std::int32_t promptTokens, std::int32_t outputTokens) {
  return Request{1, 0, kTimeZero, promptTokens, outputTokens};
}

PredictedFinish finishOf(Duration firstToken, Duration lastToken, Duration decodeStep) {
  return PredictedFinish{firstToken, lastToken, decodeStep};
}

}  // namespace

class TestFinishPrediction : public QObject {
  Q_OBJECT

 private slots:
  // An idle instance: the prompt in chunks of the token budget (256, 256, 88), then 9 decode steps
  // alone in the batch.
  void idleInstanceIsOwnPrefillThenDecodes() {
    const LinearTimeModel model = linearModel();
    const PredictedFinish predicted = predictFinish(idleStatus(256), model, requestOf(600, 10));
    const Duration prefill = 2 * (1000us + 2560us) + (1000us + 880us);
    QCOMPARE(predicted.firstToken.count(), prefill.count());
    QCOMPARE(predicted.decodeStep.count(), (1000us + 10us).count());
    QCOMPARE(predicted.lastToken.count(), (prefill + 9 * (1000us + 10us)).count());
  }

  // Without a token budget the whole prompt runs in one iteration; one output token has no decode step.
  void noBudgetRunsTheWholePrompt() {
    const LinearTimeModel model = linearModel();
    const PredictedFinish predicted = predictFinish(idleStatus(0), model, requestOf(600, 1));
    QCOMPARE(predicted.firstToken.count(), (1000us + 6000us).count());
    QCOMPARE(predicted.lastToken.count(), predicted.firstToken.count());
  }

  // Queued prompt tokens run first; running decodes ride along in every chunk and the prompts being
  // prefilled join its decode batch.
  void queuedAndRunningWorkIsCounted() {
    const LinearTimeModel model = linearModel();
    InstanceStatus status = idleStatus(256);
    status.queuedPrefillTokens = 424;  // 424 + 600 = 4 x 256
    status.load.decoding = 6;
    status.load.prefilling = 3;
    const PredictedFinish predicted = predictFinish(status, model, requestOf(600, 10));
    const Duration chunk = 1000us + 10us * (256 + 6);
    QCOMPARE(predicted.firstToken.count(), (4 * chunk).count());
    const Duration step = 1000us + 10us * (6 + 3 + 1);
    QCOMPARE(predicted.decodeStep.count(), step.count());
    QCOMPARE(predicted.lastToken.count(), (4 * chunk + 9 * step).count());
  }

  // More work on the instance only ever moves the prediction later, with the hardware model the
  // scheduler plans with (attention over longer contexts included).
  void moreWorkIsLaterOnARealInstance() {
    RecordingObserver observer;
    SchedulerConfig config;
    config.chunking.mode = ChunkingMode::Fixed;
    config.chunking.fixedTokens = 512;
    ExecutorSpec spec;
    spec.model = "llama-3.1-8b";
    spec.hardware = "a100-80g";
    Instance instance(0, {QosClass{"chat", 0, Importance::Normal, {}, 1.0, {}}}, config, makeExecutor(spec),
                      BlockManager::kUnbounded, observer);
    const Request probe = requestOf(1000, 100);
    const PredictedFinish idle = predictFinish(instance.status(), instance.timeModel(), probe);
    QVERIFY(idle.firstToken > Duration::zero());
    QVERIFY(idle.lastToken > idle.firstToken);
    PredictedFinish before = idle;
    for (RequestId id = 10; id < 14; ++id) {
      instance.enqueue(Request{id, 0, kTimeZero, 2000, 50}, kTimeZero);
      const PredictedFinish after = predictFinish(instance.status(), instance.timeModel(), probe);
      QVERIFY2(after.firstToken > before.firstToken, "queued prompts delay the first token");
      QVERIFY(after.lastToken > before.lastToken);
      before = after;
    }
    // Start an iteration: some of the queue turns into running work; the probe still waits behind it.
    QVERIFY(instance.startIteration(kTimeZero).has_value());
    const PredictedFinish running = predictFinish(instance.status(), instance.timeModel(), probe);
    QVERIFY(running.firstToken > idle.firstToken);
    QVERIFY(running.decodeStep > idle.decodeStep);
  }

  void slackAgainstEachBound_data() {
    QTest::addColumn<std::optional<Duration>>("ttft");
    QTest::addColumn<std::optional<Duration>>("tbt");
    QTest::addColumn<std::optional<Duration>>("ttlt");
    QTest::addColumn<double>("expected");
    // Predicted: first token at 0.5 s, last at 2.5 s, 40 ms per decode step.
    QTest::newRow("ttft met") << std::optional<Duration>(1s) << std::optional<Duration>() << std::optional<Duration>()
                              << 0.5;
    QTest::newRow("ttft missed") << std::optional<Duration>(250ms) << std::optional<Duration>()
                                 << std::optional<Duration>() << -1.0;
    QTest::newRow("ttlt met") << std::optional<Duration>() << std::optional<Duration>() << std::optional<Duration>(10s)
                              << 0.75;
    QTest::newRow("ttlt missed") << std::optional<Duration>() << std::optional<Duration>()
                                 << std::optional<Duration>(2s) << -0.25;
    QTest::newRow("tbt met") << std::optional<Duration>() << std::optional<Duration>(50ms) << std::optional<Duration>()
                             << 0.2;
    QTest::newRow("tbt missed") << std::optional<Duration>() << std::optional<Duration>(20ms)
                                << std::optional<Duration>() << -1.0;
    QTest::newRow("smallest of all") << std::optional<Duration>(1s) << std::optional<Duration>(50ms)
                                     << std::optional<Duration>(10s) << 0.2;
    QTest::newRow("one missed bound wins") << std::optional<Duration>(1s) << std::optional<Duration>(50ms)
                                           << std::optional<Duration>(2s) << -0.25;
  }

  void slackAgainstEachBound() {
    QFETCH(std::optional<Duration>, ttft);
    QFETCH(std::optional<Duration>, tbt);
    QFETCH(std::optional<Duration>, ttlt);
    QFETCH(double, expected);
    Slo slo;
    slo.ttft = ttft;
    slo.tbt = tbt;
    slo.ttlt = ttlt;
    const double slack = deadlineSlack(slo, finishOf(500ms, 2500ms, 40ms));
    QVERIFY2(std::abs(slack - expected) < 1e-12, qPrintable(QString::number(slack)));
  }

  void noBoundIsInfiniteSlack() {
    QCOMPARE(deadlineSlack(Slo{}, finishOf(5s, 50s, 1s)), std::numeric_limits<double>::infinity());
  }
};

QTEST_APPLESS_MAIN(TestFinishPrediction)
#include "tst_finish_prediction.moc"
