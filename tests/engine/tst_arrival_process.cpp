#include <QtTest>

#include <cmath>
#include <vector>

#include "engine/workload/arrival_process.h"

using namespace headroom::engine;

namespace {

ArrivalSpec spec(ArrivalKind kind, double ratePerS, double cv = 1.0) {
  ArrivalSpec result;
  result.kind = kind;
  result.ratePerS = ratePerS;
  result.cv = cv;
  return result;
}

std::vector<double> arrivalsUntil(ArrivalProcess process, double endS) {
  std::vector<double> times;
  while (auto t = process.next()) {
    if (*t >= endS) break;
    times.push_back(*t);
  }
  return times;
}

int countIn(const std::vector<double>& times, double fromS, double toS) {
  int count = 0;
  for (double t : times) count += (t >= fromS && t < toS) ? 1 : 0;
  return count;
}

// Poisson counts: allow five standard deviations.
bool closeToExpected(int count, double expected) {
  return std::abs(count - expected) <= 5.0 * std::sqrt(std::max(expected, 1.0));
}

}  // namespace

class TestArrivalProcess : public QObject {
  Q_OBJECT

 private slots:
  void longRunRateMatches_data() {
    QTest::addColumn<int>("kind");
    QTest::addColumn<double>("cv");
    QTest::newRow("poisson") << int(ArrivalKind::Poisson) << 1.0;
    QTest::newRow("gamma cv 0.5") << int(ArrivalKind::Gamma) << 0.5;
    QTest::newRow("gamma cv 3") << int(ArrivalKind::Gamma) << 3.0;
    QTest::newRow("constant") << int(ArrivalKind::Constant) << 1.0;
  }

  void longRunRateMatches() {
    QFETCH(int, kind);
    QFETCH(double, cv);
    constexpr double kRate = 40.0;
    constexpr double kDurationS = 5000.0;
    const auto times =
        arrivalsUntil(ArrivalProcess(spec(ArrivalKind(kind), kRate, cv), 1.0, Rng(7)), kDurationS);
    const double measured = static_cast<double>(times.size()) / kDurationS;
    QVERIFY2(std::abs(measured - kRate) < 0.03 * kRate, qPrintable(QString::number(measured)));
    for (std::size_t i = 1; i < times.size(); ++i) QVERIFY(times[i] >= times[i - 1]);
  }

  void gammaGapsHaveTheAskedCv_data() {
    QTest::addColumn<double>("cv");
    QTest::newRow("0.5") << 0.5;
    QTest::newRow("1") << 1.0;
    QTest::newRow("2") << 2.0;
    QTest::newRow("4") << 4.0;
  }

  void gammaGapsHaveTheAskedCv() {
    QFETCH(double, cv);
    ArrivalProcess process(spec(ArrivalKind::Gamma, 10.0, cv), 1.0, Rng(3));
    double previous = 0.0;
    double sum = 0.0;
    double sumSquares = 0.0;
    constexpr int kGaps = 300000;
    for (int i = 0; i < kGaps; ++i) {
      const double t = *process.next();
      const double gap = t - previous;
      previous = t;
      sum += gap;
      sumSquares += gap * gap;
    }
    const double mean = sum / kGaps;
    const double measuredCv = std::sqrt(sumSquares / kGaps - mean * mean) / mean;
    QVERIFY2(std::abs(mean - 0.1) < 0.002, qPrintable(QString::number(mean)));
    QVERIFY2(std::abs(measuredCv - cv) < 0.05 * cv, qPrintable(QString::number(measuredCv)));
  }

  void constantGapsAreExact() {
    ArrivalSpec arrivals = spec(ArrivalKind::Constant, 4.0);
    arrivals.phases.push_back({10.0, 0.0, 8.0, PhaseShape::Step});
    const auto times = arrivalsUntil(ArrivalProcess(arrivals, 1.0, Rng(1)), 12.0);
    QCOMPARE(times.size(), std::size_t{40 + 15});
    QCOMPARE(times.front(), 0.25);
    QVERIFY(std::abs(times[39] - 10.0) < 1e-9);
    QVERIFY(std::abs(times[40] - 10.125) < 1e-9);
  }

  void stepPhasesFollowTheRate() {
    // 100/s, then 400/s from 100 s, nothing from 200 s, 50/s from 300 s.
    ArrivalSpec arrivals = spec(ArrivalKind::Poisson, 100.0);
    arrivals.phases = {{100.0, 0.0, 400.0, PhaseShape::Step},
                       {200.0, 0.0, 0.0, PhaseShape::Step},
                       {300.0, 0.0, 50.0, PhaseShape::Step}};
    const ArrivalProcess process(arrivals, 1.0, Rng(5));
    QCOMPARE(process.cumulativeRate(100.0), 10000.0);
    QCOMPARE(process.cumulativeRate(250.0), 50000.0);
    QCOMPARE(process.cumulativeRate(400.0), 55000.0);
    const auto times = arrivalsUntil(process, 400.0);
    QVERIFY(closeToExpected(countIn(times, 0, 100), 10000));
    QVERIFY(closeToExpected(countIn(times, 100, 200), 40000));
    QCOMPARE(countIn(times, 200, 300), 0);
    QVERIFY(closeToExpected(countIn(times, 300, 400), 5000));
  }

  void rampPhasesFollowTheIntegral() {
    // 20/s until 100 s, a ramp up to 100/s at 300 s, a ramp down to 0 at 400 s, then 30/s from 500 s.
    ArrivalSpec arrivals = spec(ArrivalKind::Poisson, 20.0);
    arrivals.phases = {{100.0, 300.0, 100.0, PhaseShape::Ramp},
                       {300.0, 400.0, 0.0, PhaseShape::Ramp},
                       {500.0, 0.0, 30.0, PhaseShape::Step}};
    const ArrivalProcess process(arrivals, 1.0, Rng(9));
    QCOMPARE(process.rateAt(200.0), 60.0);
    QCOMPARE(process.rateAt(350.0), 50.0);
    QCOMPARE(process.rateAt(450.0), 0.0);
    // Integrals of the rate over each window.
    const std::vector<std::pair<double, double>> windows = {{0, 100},   {100, 200}, {200, 300}, {300, 350},
                                                            {350, 400}, {400, 500}, {500, 600}};
    const std::vector<double> expected = {2000, 4000, 8000, 3750, 1250, 0, 3000};
    const auto times = arrivalsUntil(process, 600.0);
    for (std::size_t i = 0; i < windows.size(); ++i) {
      const auto [fromS, toS] = windows[i];
      const double integral = process.cumulativeRate(toS) - process.cumulativeRate(fromS);
      QVERIFY2(std::abs(integral - expected[i]) < 1e-6, qPrintable(QString::number(integral)));
      const int count = countIn(times, fromS, toS);
      QVERIFY2(closeToExpected(count, expected[i]),
               qPrintable(QString("[%1, %2): %3 vs %4").arg(fromS).arg(toS).arg(count).arg(expected[i])));
    }
  }

  void rampFromZeroStartsSmoothly() {
    // From nothing, a ramp to 100/s over 100 s: Lambda(t) = t^2 / 2, so half the arrivals of the
    // first 100 s land after 70.7 s.
    ArrivalSpec arrivals = spec(ArrivalKind::Poisson, 0.0);
    arrivals.phases = {{0.0, 100.0, 100.0, PhaseShape::Ramp}};
    const auto times = arrivalsUntil(ArrivalProcess(arrivals, 1.0, Rng(2)), 100.0);
    QVERIFY(closeToExpected(static_cast<int>(times.size()), 5000));
    QVERIFY(closeToExpected(countIn(times, 0, 100.0 / std::sqrt(2.0)), 2500));
    QVERIFY(closeToExpected(countIn(times, 0, 10.0), 50));
  }

  void rateScaleMultipliesEveryRate() {
    ArrivalSpec arrivals = spec(ArrivalKind::Poisson, 50.0);
    arrivals.phases = {{100.0, 200.0, 150.0, PhaseShape::Ramp}};
    const ArrivalProcess base(arrivals, 1.0, Rng(4));
    const ArrivalProcess scaled(arrivals, 2.5, Rng(4));
    QCOMPARE(scaled.cumulativeRate(300.0), 2.5 * base.cumulativeRate(300.0));
    const auto times = arrivalsUntil(scaled, 300.0);
    QVERIFY(closeToExpected(static_cast<int>(times.size()), scaled.cumulativeRate(300.0)));
  }

  void zeroRateForeverEnds() {
    ArrivalSpec arrivals = spec(ArrivalKind::Poisson, 10.0);
    arrivals.phases = {{5.0, 0.0, 0.0, PhaseShape::Step}};
    ArrivalProcess process(arrivals, 1.0, Rng(1));
    int count = 0;
    while (auto t = process.next()) {
      QVERIFY(*t <= 5.0);
      ++count;
    }
    QVERIFY(closeToExpected(count, 50));
    ArrivalProcess idle(spec(ArrivalKind::Poisson, 0.0), 1.0, Rng(1));
    QVERIFY(!idle.next());
  }

  void sameSeedSameArrivals() {
    const ArrivalSpec arrivals = spec(ArrivalKind::Gamma, 5.0, 2.0);
    const auto a = arrivalsUntil(ArrivalProcess(arrivals, 1.0, Rng(77)), 100.0);
    const auto b = arrivalsUntil(ArrivalProcess(arrivals, 1.0, Rng(77)), 100.0);
    const auto c = arrivalsUntil(ArrivalProcess(arrivals, 1.0, Rng(78)), 100.0);
    QCOMPARE(a, b);
    QVERIFY(a != c);
  }
};

QTEST_GUILESS_MAIN(TestArrivalProcess)
#include "tst_arrival_process.moc"
