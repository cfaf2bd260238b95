#include <QtTest>

#include <cmath>
#include <set>

#include "engine/workload/tier_workload_family.h"

using namespace headroom::engine;

namespace {

Scenario twoClasses() {
  Scenario scenario;
  scenario.durationS = 100.0;
  for (double rate : {2.0, 8.0}) {
    ClassSpec spec;
    spec.arrival.ratePerS = rate;
    scenario.classes.push_back(spec);
  }
  return scenario;
}

}  // namespace

class TestTierWorkloadFamily : public QObject {
  Q_OBJECT

 private slots:
  void stableHoldsLevelsAroundTheScenarioRate() {
    const Scenario base = twoClasses();
    const Scenario stable = tierWorkload(base, TierWorkloadFamily::Stable, 5);
    QCOMPARE(stable.seed, std::uint64_t{5});
    for (std::size_t c = 0; c < 2; ++c) {
      const ArrivalSpec& arrival = stable.classes[c].arrival;
      const double base_rate = base.classes[c].arrival.ratePerS;
      QCOMPARE(arrival.phases.size(), std::size_t{4});  // a level every 20 s over 100 s
      double previous = arrival.ratePerS;
      for (std::size_t p = 0; p < arrival.phases.size(); ++p) {
        QCOMPARE(arrival.phases[p].startS, 20.0 * static_cast<double>(p + 1));
        const double rate = arrival.phases[p].ratePerS;
        QVERIFY(rate >= 0.5 * base_rate - 1e-9 && rate <= 1.5 * base_rate + 1e-9);
        QVERIFY(std::abs(std::abs(rate - previous) - 0.25 * base_rate) < 1e-9);  // the next level
        previous = rate;
      }
      QVERIFY(!checkArrivalSpec(arrival));
    }
  }

  void levelsCentreOnTheMeanRateOverThePhases() {
    Scenario base = twoClasses();
    base.classes[0].arrival.ratePerS = 2.0;
    base.classes[0].arrival.phases = {{50.0, 0.0, 6.0, PhaseShape::Step}};  // mean 4 over 100 s
    const Scenario stable = tierWorkload(base, TierWorkloadFamily::Stable, 3);
    std::set<double> rates{stable.classes[0].arrival.ratePerS};
    for (const auto& phase : stable.classes[0].arrival.phases) rates.insert(phase.ratePerS);
    for (const double rate : rates) {
      QVERIFY2(rate >= 2.0 - 1e-9 && rate <= 6.0 + 1e-9, qPrintable(QString::number(rate)));
      const double level = rate / 4.0;
      QVERIFY(std::abs(level * 4 - std::round(level * 4)) < 1e-9);  // one of x0.5, x0.75, ... x1.5
    }
  }

  void unpredictableDrawsRatesAndDurations() {
    const Scenario base = twoClasses();
    const Scenario a = tierWorkload(base, TierWorkloadFamily::Unpredictable, 9);
    const Scenario b = tierWorkload(base, TierWorkloadFamily::Unpredictable, 9);
    const Scenario c = tierWorkload(base, TierWorkloadFamily::Unpredictable, 10);
    QVERIFY(a.classes[0].arrival == b.classes[0].arrival);
    QVERIFY(!(a.classes[0].arrival == c.classes[0].arrival));
    for (const auto& cls : a.classes) {
      QVERIFY(!checkArrivalSpec(cls.arrival));
      QVERIFY(!cls.arrival.phases.empty());
    }
  }

  void seedSetsAreDisjoint() {
    std::set<std::uint64_t> training;
    for (std::uint64_t i = 0; i < 1000; ++i) {
      const auto seed = tierSeed(TierSeedSet::Training, i, 1);
      QVERIFY(seed >= 1'000'000'000ULL && seed < 2'000'000'000ULL);
      training.insert(seed);
    }
    QVERIFY(training.size() > 990);
    QVERIFY(tierSeed(TierSeedSet::Training, 0, 1) != tierSeed(TierSeedSet::Training, 0, 2));
    QCOMPARE(tierSeed(TierSeedSet::Validation, 3), std::uint64_t{2'000'000'003ULL});
    QCOMPARE(tierSeed(TierSeedSet::Test, 3), std::uint64_t{3'000'000'003ULL});
  }

  void namesRoundTrip() {
    for (const auto family : {TierWorkloadFamily::Stable, TierWorkloadFamily::Unpredictable}) {
      QCOMPARE(tierWorkloadFamilyFromString(toString(family)), std::optional{family});
    }
    QVERIFY(!tierWorkloadFamilyFromString("steady"));
  }
};

QTEST_APPLESS_MAIN(TestTierWorkloadFamily)
#include "tst_tier_workload_family.moc"
