#include <QtTest>

#include <stdexcept>

#include "solver/latency_curve.h"

using headroom::solver::CurvePoint;
using headroom::solver::LatencyCurve;

Q_DECLARE_METATYPE(std::vector<CurvePoint>)

class TestLatencyCurve : public QObject {
  Q_OBJECT

 private slots:
  void sortsAndEnforcesMonotonicity() {
    const LatencyCurve curve({{2.0, 5.0}, {0.0, 1.0}, {1.0, 3.0}, {3.0, 4.0}, {4.0, 9.0}});
    const std::vector<CurvePoint> expected{{0.0, 1.0}, {1.0, 3.0}, {2.0, 5.0}, {3.0, 5.0}, {4.0, 9.0}};
    QCOMPARE(curve.points().size(), expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) QVERIFY(curve.points()[i] == expected[i]);
    double previous = 0.0;
    for (double rate = 0.0; rate <= 4.0; rate += 0.05) {
      const double latency = curve.latencyAtS(rate).value();
      QVERIFY(latency >= previous);
      previous = latency;
    }
  }

  void interpolatesAndKnowsSaturation() {
    const LatencyCurve curve({{1.0, 2.0}, {3.0, 6.0}});
    QCOMPARE(curve.saturationRatePerS(), 3.0);
    QCOMPARE(curve.zeroLoadLatencyS(), 2.0);
    QCOMPARE(curve.latencyAtS(0.0).value(), 2.0);  // held at the first point below it
    QCOMPARE(curve.latencyAtS(2.0).value(), 4.0);
    QCOMPARE(curve.latencyAtS(3.0).value(), 6.0);
    QVERIFY(!curve.latencyAtS(3.1).has_value());
  }

  void capacityInvertsTheCurve_data() {
    QTest::addColumn<double>("bound");
    QTest::addColumn<double>("capacity");
    QTest::newRow("below zero load") << 1.0 << 0.0;
    QTest::newRow("at zero load") << 2.0 << 1.0;
    QTest::newRow("inside a segment") << 5.0 << 2.5;
    QTest::newRow("on a flat stretch") << 6.0 << 4.0;
    QTest::newRow("past the last point") << 100.0 << 5.0;
  }

  void capacityInvertsTheCurve() {
    QFETCH(double, bound);
    QFETCH(double, capacity);
    const LatencyCurve curve({{1.0, 2.0}, {3.0, 6.0}, {4.0, 6.0}, {5.0, 10.0}});
    QCOMPARE(curve.capacityPerS(bound), capacity);
    if (capacity > 0.0) QVERIFY(curve.latencyAtS(capacity).value() <= bound + 1e-12);
  }

  void rejectsBadPoints_data() {
    QTest::addColumn<std::vector<CurvePoint>>("points");
    QTest::newRow("empty") << std::vector<CurvePoint>{};
    QTest::newRow("negative rate") << std::vector<CurvePoint>{{-1.0, 1.0}};
    QTest::newRow("negative latency") << std::vector<CurvePoint>{{1.0, -1.0}};
    QTest::newRow("duplicate rate") << std::vector<CurvePoint>{{1.0, 1.0}, {1.0, 2.0}};
  }

  void rejectsBadPoints() {
    QFETCH(std::vector<CurvePoint>, points);
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, LatencyCurve{points});
  }
};

QTEST_GUILESS_MAIN(TestLatencyCurve)
#include "tst_latency_curve.moc"
