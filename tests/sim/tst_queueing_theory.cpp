// The simulator against queueing theory where it applies: one `constant` instance serving one request
// at a time with Poisson arrivals is an M/D/1 queue.
#include <QtTest>

#include "engine/sim/simulation.h"

using namespace headroom::engine;

namespace {

Scenario md1Scenario(double utilisation, double serviceS, double durationS) {
  Scenario scenario;
  scenario.name = "md1";
  scenario.seed = 11;
  scenario.durationS = durationS;
  scenario.executor.kind = ExecutorKind::Constant;
  scenario.executor.iteration = durationFromSeconds(serviceS);
  scenario.scheduler.policy = OrderingPolicy::Fcfs;
  scenario.scheduler.chunking = {ChunkingMode::None, 0};
  scenario.scheduler.relegation = Relegation::Off;
  scenario.scheduler.maxBatchSize = 1;
  ClassSpec spec;
  spec.qos.name = "only";
  spec.qos.slo.ttlt = std::chrono::seconds(1000);
  spec.arrival.kind = ArrivalKind::Poisson;
  spec.arrival.ratePerS = utilisation / serviceS;
  spec.promptTokens.kind = LengthKind::Fixed;
  spec.promptTokens.value = 16;
  spec.outputTokens.kind = LengthKind::Fixed;
  spec.outputTokens.value = 1;  // the prefill samples the only token: one iteration per request
  scenario.classes.push_back(spec);
  return scenario;
}

}  // namespace

class TestQueueingTheory : public QObject {
  Q_OBJECT

 private slots:
  void md1MeanWait_data() {
    QTest::addColumn<double>("rho");
    QTest::newRow("rho 0.5") << 0.5;
    QTest::newRow("rho 0.7") << 0.7;
    QTest::newRow("rho 0.85") << 0.85;
  }

  // Pollaczek-Khinchine for deterministic service: Wq = rho D / (2 (1 - rho)).
  void md1MeanWait() {
    QFETCH(double, rho);
    const double serviceS = 0.1;
    const double durationS = 200000 * serviceS / rho;  // ~200k requests
    const ReplayOutcome outcome = replay(md1Scenario(rho, serviceS, durationS), ReplayOptions{});
    const ClassSnapshot& cls = outcome.snapshot->classes.at(0);
    const double expectedWaitS = rho * serviceS / (2.0 * (1.0 - rho));
    QVERIFY(cls.completed > 150000);
    QCOMPARE(cls.completed, cls.arrived);
    const double relativeError = std::abs(cls.queue.meanS - expectedWaitS) / expectedWaitS;
    if (relativeError > 0.05) {
      QFAIL(qPrintable(QString("mean queue %1 s, M/D/1 predicts %2 s").arg(cls.queue.meanS).arg(expectedWaitS)));
    }
    // Time in system = wait + service exactly, since service is deterministic.
    QVERIFY(std::abs(cls.ttlt.meanS - (cls.queue.meanS + serviceS)) < 1e-3);
    // Throughput equals the arrival rate for a stable queue.
    QVERIFY(std::abs(cls.completed / outcome.durationS - rho / serviceS) / (rho / serviceS) < 0.02);
  }
};

QTEST_GUILESS_MAIN(TestQueueingTheory)
#include "tst_queueing_theory.moc"
