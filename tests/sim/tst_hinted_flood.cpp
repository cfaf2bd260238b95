// A tenant allowed only `batch` floods the instance with requests that carry a tight deadline hint.
// The hint may order its requests among the batch class, never ahead of `interactive`: interactive
// TTFT must be what it is under the same flood without hints. One instance on a virtual clock,
// Poisson arrivals from a fixed seed: deterministic.
#include <QtTest>

#include <algorithm>
#include <vector>

#include "engine/exec/batch.h"
#include "engine/kv/block_manager.h"
#include "engine/sched/scheduler.h"
#include "engine/workload/random.h"
#include "support/test_models.h"

using namespace headroom::engine;
using headroom::test::LinearTimeModel;

Q_DECLARE_METATYPE(OrderingPolicy)

namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;

constexpr ClassId kInteractive = 0;
constexpr ClassId kBatch = 1;

// Time to first token of every finished request, by class.
class TtftObserver final : public RequestObserver {
 public:
  std::vector<double> ttftS[2];
  std::int64_t finished[2] = {0, 0};

  void onArrival(const Request&, TimePoint) override {}
  void onFirstScheduled(const RequestState&, TimePoint) override {}
  void onToken(const RequestState& state, TimePoint now, Duration) override {
    if (state.generatedTokens == 1) ttftS[state.request.classId].push_back(toSeconds(now - state.request.arrival));
  }
  void onRelegated(const RequestState&, TimePoint) override {}
  void onPreempted(const RequestState&, TimePoint) override {}
  void onFinished(const RequestState& state, TimePoint) override { ++finished[state.request.classId]; }
};

double percentile(std::vector<double> values, double p) {
  if (values.empty()) return 0.0;
  std::sort(values.begin(), values.end());
  const auto index = static_cast<std::size_t>(p / 100.0 * static_cast<double>(values.size() - 1));
  return values[index];
}

struct FloodOutcome {
  double interactiveP50S = 0.0;
  double interactiveP90S = 0.0;
  std::size_t interactiveFirstTokens = 0;
  std::int64_t batchFinished = 0;
  std::int64_t batchArrived = 0;
};

// Interactive at a moderate rate; batch at more than the instance can serve, every batch request with
// `batchHint` when set. Arrivals stop after `windowS`; the run goes on until every request finished.
FloodOutcome flood(OrderingPolicy policy, std::optional<Duration> batchHint) {
  QosClass interactive{"interactive", 0, Importance::High, {}};
  interactive.slo.ttft = seconds(2);
  interactive.slo.tbt = milliseconds(200);
  QosClass batch{"batch", 1, Importance::Low, {}};
  batch.slo.ttlt = seconds(600);
  SchedulerConfig config;
  config.policy = policy;
  config.alphaSPerToken = 0.001;
  config.chunking = {ChunkingMode::Fixed, 512};
  config.relegation = Relegation::On;
  const LinearTimeModel model(milliseconds(5), Duration{40});  // a full 512-token chunk: ~25 ms
  TtftObserver observer;
  Scheduler scheduler({interactive, batch}, config, BlockManager(BlockManager::kUnbounded, 16), model, observer);

  Rng rng[2] = {Rng(7, kInteractive), Rng(7, kBatch)};  // one stream per class: the same arrivals in every run
  const double windowS = 120.0;
  const double ratePerS[2] = {4.0, 16.0};  // interactive ~20% of the instance, batch alone more than all of it
  const std::int32_t promptTokens[2] = {1000, 1200};
  const std::int32_t outputTokens[2] = {20, 40};
  double nextS[2] = {rng[0].exponential() / ratePerS[0], rng[1].exponential() / ratePerS[1]};
  RequestId nextId = 0;
  std::int64_t batchArrived = 0;
  RequestHints hinted;
  hinted.deadline = batchHint;

  TimePoint now = kTimeZero;
  Batch work;
  while (true) {
    for (ClassId cls : {kInteractive, kBatch}) {
      while (timeFromSeconds(nextS[cls]) <= now && nextS[cls] < windowS) {
        const Request request{nextId++, cls, timeFromSeconds(nextS[cls]), promptTokens[cls], outputTokens[cls]};
        scheduler.enqueue(request, request.arrival, cls == kBatch ? hinted : RequestHints{});
        if (cls == kBatch) ++batchArrived;
        nextS[cls] += rng[cls].exponential() / ratePerS[cls];
      }
    }
    scheduler.schedule(now, work);
    if (work.empty()) {
      const double next = std::min(nextS[0], nextS[1]);
      if (next >= windowS) break;
      now = std::max(now, timeFromSeconds(next));
      continue;
    }
    now += model.predict(work.shape);
    scheduler.complete(work, now);
  }
  FloodOutcome outcome;
  outcome.batchArrived = batchArrived;
  outcome.interactiveP50S = percentile(observer.ttftS[kInteractive], 50);
  outcome.interactiveP90S = percentile(observer.ttftS[kInteractive], 90);
  outcome.interactiveFirstTokens = observer.ttftS[kInteractive].size();
  outcome.batchFinished = observer.finished[kBatch];
  return outcome;
}

}  // namespace

class TestHintedFlood : public QObject {
  Q_OBJECT

 private slots:
  void interactiveUnchangedByHintedBatchFlood_data() {
    QTest::addColumn<OrderingPolicy>("policy");
    QTest::newRow("edf") << OrderingPolicy::Edf;
    QTest::newRow("hybrid") << OrderingPolicy::Hybrid;
  }

  void interactiveUnchangedByHintedBatchFlood() {
    QFETCH(OrderingPolicy, policy);
    const FloodOutcome plain = flood(policy, std::nullopt);
    const FloodOutcome hinted = flood(policy, milliseconds(1500));
    qInfo("interactive TTFT p50 %.3f s / p90 %.3f s without hints, %.3f s / %.3f s with hinted batch",
          plain.interactiveP50S, plain.interactiveP90S, hinted.interactiveP50S, hinted.interactiveP90S);
    // Every request is served in the end, and interactive meets its 2 s SLO without hints.
    QCOMPARE(plain.batchFinished, plain.batchArrived);
    QCOMPARE(hinted.batchFinished, hinted.batchArrived);
    QVERIFY2(plain.interactiveP90S < 2.0, qPrintable(QString("p90 %1 s without hints").arg(plain.interactiveP90S)));
    QCOMPARE(hinted.interactiveFirstTokens, plain.interactiveFirstTokens);
    // Within noise: hints reorder batch requests among themselves, which shifts iteration boundaries a little.
    const double tolerance = 0.1 * plain.interactiveP50S + 0.02;
    QVERIFY2(std::abs(hinted.interactiveP50S - plain.interactiveP50S) <= tolerance,
             qPrintable(QString("interactive TTFT p50 %1 s with hinted batch vs %2 s without")
                            .arg(hinted.interactiveP50S)
                            .arg(plain.interactiveP50S)));
    QVERIFY2(hinted.interactiveP90S <= plain.interactiveP90S * 1.1 + 0.02,
             qPrintable(QString("interactive TTFT p90 %1 s with hinted batch vs %2 s without")
                            .arg(hinted.interactiveP90S)
                            .arg(plain.interactiveP90S)));
  }
};

QTEST_GUILESS_MAIN(TestHintedFlood)
#include "tst_hinted_flood.moc"
