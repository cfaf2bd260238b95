// QoServe's headline on one replica (qoserve-three-tier.json: Llama-3.1-8B on a modeled A100-80G, three
// tiers): hybrid priority + dynamic chunking + eager relegation serves at least 1.5x the capacity of
// Sarathi-style FCFS with 256-token chunks, and at least 1.2x that of EDF with the same chunks.
#include <QtTest>

#include <filesystem>

#include "engine/sim/capacity_search.h"

using namespace headroom::engine;

namespace {

double capacityOf(OrderingPolicy policy, ChunkingConfig chunking, Relegation relegation) {
  Scenario scenario = loadScenario(std::filesystem::path(HEADROOM_RESOURCE_DIR_FOR_TESTS) /
                                   "scenarios/qoserve-three-tier.json");
  scenario.scheduler.policy = policy;
  scenario.scheduler.chunking = chunking;
  scenario.scheduler.relegation = relegation;
  CapacityOptions options;
  options.relativeTolerance = 0.02;
  const CapacityResult result = findCapacity(scenario, options);
  if (!result.found || result.saturated) return -1.0;
  return result.rateScale;
}

}  // namespace

class TestQoserveCapacity : public QObject {
  Q_OBJECT

 private slots:
  void hybridDynamicRelegationBeatsBaselines() {
    const double qoserve = capacityOf(OrderingPolicy::Hybrid, {ChunkingMode::Dynamic, 0}, Relegation::On);
    const double fcfs = capacityOf(OrderingPolicy::Fcfs, {ChunkingMode::Fixed, 256}, Relegation::Off);
    const double edf = capacityOf(OrderingPolicy::Edf, {ChunkingMode::Fixed, 256}, Relegation::Off);
    qInfo("capacity (x scenario rate): hybrid+dynamic+relegation %.3f, fcfs+fixed:256 %.3f, edf+fixed:256 %.3f",
          qoserve, fcfs, edf);
    QVERIFY(fcfs > 0.0 && edf > 0.0 && qoserve > 0.0);
    QVERIFY2(qoserve >= 1.5 * fcfs, qPrintable(QString("%1 vs fcfs %2").arg(qoserve).arg(fcfs)));
    QVERIFY2(qoserve >= 1.2 * edf, qPrintable(QString("%1 vs edf %2").arg(qoserve).arg(edf)));
  }
};

QTEST_GUILESS_MAIN(TestQoserveCapacity)
#include "tst_qoserve_capacity.moc"
