#include <QtTest>

#include <map>
#include <vector>

#include "engine/pool/weighted_round_robin.h"

using headroom::engine::WeightedRoundRobin;

Q_DECLARE_METATYPE(std::vector<double>)

namespace {

std::vector<std::size_t> picks(WeightedRoundRobin& rotation, std::size_t classId, int count,
                               const std::vector<bool>& eligible = {}) {
  std::vector<std::size_t> out;
  for (int i = 0; i < count; ++i) {
    const auto pick = rotation.pick(classId, eligible);
    if (!pick) break;
    out.push_back(*pick);
  }
  return out;
}

}  // namespace

class TestWeightedRoundRobin : public QObject {
  Q_OBJECT

 private slots:
  // Shares 5:1:1 give nginx's smooth sequence: the heavy target is interleaved, not picked five in a row.
  void smoothSequence() {
    WeightedRoundRobin rotation({{5, 1, 1}});
    QCOMPARE(picks(rotation, 0, 7), (std::vector<std::size_t>{0, 0, 1, 0, 2, 0, 0}));
    QCOMPARE(picks(rotation, 0, 7), (std::vector<std::size_t>{0, 0, 1, 0, 2, 0, 0}));
  }

  void sharesAreMetOverACycle_data() {
    QTest::addColumn<std::vector<double>>("shares");
    QTest::newRow("even") << std::vector<double>{1, 1, 1};
    QTest::newRow("one zero") << std::vector<double>{0, 3, 1};
    QTest::newRow("fractions") << std::vector<double>{0.25, 0.5, 0.25};
  }

  void sharesAreMetOverACycle() {
    QFETCH(std::vector<double>, shares);
    WeightedRoundRobin rotation({shares});
    double total = 0.0;
    for (double share : shares) total += share;
    const double smallest = 0.25;
    const int cycle = static_cast<int>(total / smallest + 0.5);
    std::map<std::size_t, int> counts;
    for (std::size_t target : picks(rotation, 0, cycle)) ++counts[target];
    for (std::size_t t = 0; t < shares.size(); ++t) QCOMPARE(counts[t], static_cast<int>(shares[t] / smallest + 0.5));
  }

  // Classes rotate independently.
  void classesAreIndependent() {
    WeightedRoundRobin rotation({{1, 1}, {0, 1}});
    QCOMPARE(picks(rotation, 0, 1), (std::vector<std::size_t>{0}));
    QCOMPARE(picks(rotation, 1, 2), (std::vector<std::size_t>{1, 1}));
    QCOMPARE(picks(rotation, 0, 1), (std::vector<std::size_t>{1}));
  }

  // A target that is not eligible (down, or already tried) is skipped; the others share its turns.
  void skipsTargetsThatAreNotEligible() {
    WeightedRoundRobin rotation({{1, 1, 1}});
    QCOMPARE(picks(rotation, 0, 4, {true, false, true}), (std::vector<std::size_t>{0, 2, 0, 2}));
    QVERIFY(!rotation.pick(0, {false, false, false}));
    // Only zero shares are eligible: no pick (the caller falls back to its own choice).
    WeightedRoundRobin zero({{0, 1}});
    QVERIFY(!zero.pick(0, {true, false}));
    QCOMPARE(*zero.pick(0, {true, true}), std::size_t{1});
  }

  void emptyRowsAndUnknownClassesPickNothing() {
    WeightedRoundRobin rotation({{}, {1}});
    QVERIFY(!rotation.pick(0));
    QVERIFY(!rotation.pick(2));
    QCOMPARE(*rotation.pick(1), std::size_t{0});
    QVERIFY(!WeightedRoundRobin().pick(0));
  }

  void resetRestartsTheRotation() {
    WeightedRoundRobin rotation({{2, 1}});
    QCOMPARE(picks(rotation, 0, 2), (std::vector<std::size_t>{0, 1}));
    rotation.reset();
    QCOMPARE(picks(rotation, 0, 3), (std::vector<std::size_t>{0, 1, 0}));
    QCOMPARE(rotation.shares(), (std::vector<std::vector<double>>{{2, 1}}));
  }
};

QTEST_GUILESS_MAIN(TestWeightedRoundRobin)
#include "tst_weighted_round_robin.moc"
