// Arrival-rate moving averages at two time scales (ArrivalRateEstimate).
#include <QtTest>

#include <cmath>

#include "engine/pool/arrival_rate_estimate.h"

using namespace headroom::engine;

class TestArrivalRateEstimate : public QObject {
  Q_OBJECT

 private slots:
  void emptyReadsZero() {
    const ArrivalRateEstimate estimate;
    QCOMPARE(estimate.rates(timeFromSeconds(10)).shortPerS, 0.0);
    QCOMPARE(estimate.rates(timeFromSeconds(10)).longPerS, 0.0);
  }

  // A steady 10 per second reads about 10 on both scales once both windows have filled.
  void steadyRateReadsTheRate() {
    ArrivalRateEstimate estimate;
    for (int i = 1; i <= 3000; ++i) estimate.arrive(timeFromSeconds(i * 0.1));
    const ArrivalRates rates = estimate.rates(timeFromSeconds(300.0));
    QVERIFY2(std::abs(rates.shortPerS - 10.0) < 0.6, qPrintable(QString::number(rates.shortPerS)));
    QVERIFY2(std::abs(rates.longPerS - 10.0) < 0.6, qPrintable(QString::number(rates.longPerS)));
    // Right after the last arrival it reads what atLastArrival() says.
    QCOMPARE(estimate.atLastArrival().shortPerS, estimate.rates(timeFromSeconds(300.0)).shortPerS);
    QCOMPARE(estimate.atLastArrival().longPerS, estimate.rates(timeFromSeconds(300.0)).longPerS);
  }

  // After the arrivals stop the short average falls first: exp(-elapsed / window) on each scale.
  void silenceDecaysEachScale() {
    ArrivalRateEstimate estimate;
    for (int i = 1; i <= 3000; ++i) estimate.arrive(timeFromSeconds(i * 0.1));
    const ArrivalRates before = estimate.rates(timeFromSeconds(300.0));
    const ArrivalRates after = estimate.rates(timeFromSeconds(310.0));
    QVERIFY(std::abs(after.shortPerS - before.shortPerS * std::exp(-10.0 / kShortRateWindowS)) < 1e-9);
    QVERIFY(std::abs(after.longPerS - before.longPerS * std::exp(-10.0 / kLongRateWindowS)) < 1e-9);
    QVERIFY(after.shortPerS < after.longPerS);
  }

  // A burst lifts the short average above the long one.
  void burstShowsOnTheShortScale() {
    ArrivalRateEstimate estimate;
    for (int i = 1; i <= 600; ++i) estimate.arrive(timeFromSeconds(i * 1.0));
    for (int i = 1; i <= 100; ++i) estimate.arrive(timeFromSeconds(600.0 + i * 0.02));
    const ArrivalRates rates = estimate.rates(timeFromSeconds(602.0));
    QVERIFY2(rates.shortPerS > 2.0 * rates.longPerS, qPrintable(QString::number(rates.shortPerS) + " " + QString::number(rates.longPerS)));
  }
};

QTEST_GUILESS_MAIN(TestArrivalRateEstimate)
#include "tst_arrival_rate_estimate.moc"
