// FCFS gives every class about the same queue time; `priority` separates them by rank, as in the
// multi-QoS seed's tables (users at 15, 18 and 9 requests per minute on a nearly saturated instance).
#include <QtTest>

#include "engine/sim/simulation.h"

using namespace headroom::engine;

namespace {

Scenario seedUsers(OrderingPolicy policy) {
  Scenario scenario;
  scenario.name = "seed-users";
  scenario.seed = 5;
  scenario.durationS = 25000 / 0.7;  // ~25k requests
  scenario.executor.kind = ExecutorKind::Constant;
  scenario.executor.iteration = durationFromSeconds(0.93 / 0.7);  // utilisation 0.93
  scenario.scheduler.policy = policy;
  scenario.scheduler.chunking = {ChunkingMode::None, 0};
  scenario.scheduler.relegation = Relegation::Off;
  scenario.scheduler.maxBatchSize = 1;
  const char* names[] = {"alan", "noel", "hari"};
  const double ratesPerMin[] = {15, 18, 9};
  const double boundsS[] = {204, 301, 352};
  for (int c = 0; c < 3; ++c) {
    ClassSpec spec;
    spec.qos.name = names[c];
    spec.qos.rank = c;
    spec.qos.slo.ttlt = durationFromSeconds(boundsS[c]);
    spec.qos.slo.percentile = 95;
    spec.arrival.kind = ArrivalKind::Poisson;
    spec.arrival.ratePerS = ratesPerMin[c] / 60.0;
    spec.promptTokens.value = 32;
    spec.outputTokens.value = 1;
    scenario.classes.push_back(spec);
  }
  return scenario;
}

}  // namespace

class TestClassSeparation : public QObject {
  Q_OBJECT

 private slots:
  void fcfsTreatsClassesAlike() {
    const ReplayOutcome outcome = replay(seedUsers(OrderingPolicy::Fcfs), ReplayOptions{});
    const auto& classes = outcome.snapshot->classes;
    const double reference = classes[1].queue.meanS;
    QVERIFY(reference > 1.0);
    for (const ClassSnapshot& cls : classes) {
      QVERIFY2(std::abs(cls.queue.meanS - reference) / reference < 0.1,
               qPrintable(QString("%1: mean queue %2 s vs %3 s").arg(cls.name.c_str()).arg(cls.queue.meanS).arg(reference)));
    }
  }

  void priorityOrdersClassesByRank() {
    const ReplayOutcome outcome = replay(seedUsers(OrderingPolicy::Priority), ReplayOptions{});
    const auto& classes = outcome.snapshot->classes;
    QVERIFY(classes[0].queue.p95S < classes[1].queue.p95S);
    QVERIFY(classes[1].queue.p95S < classes[2].queue.p95S);
    QVERIFY(classes[2].queue.meanS > 3.0 * classes[0].queue.meanS);
    // The top class fares better than under FCFS, the bottom one worse.
    const ReplayOutcome fcfs = replay(seedUsers(OrderingPolicy::Fcfs), ReplayOptions{});
    QVERIFY(classes[0].queue.meanS < fcfs.snapshot->classes[0].queue.meanS);
    QVERIFY(classes[2].queue.meanS > fcfs.snapshot->classes[2].queue.meanS);
  }
};

QTEST_GUILESS_MAIN(TestClassSeparation)
#include "tst_class_separation.moc"
