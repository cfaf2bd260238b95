#include <QtTest>

#include "engine/metrics/latency_metric.h"
#include "engine/metrics/latency_of.h"

using namespace headroom::engine;

class TestLatencyMetric : public QObject {
  Q_OBJECT

 private slots:
  void namesRoundTrip() {
    for (LatencyMetric metric : {LatencyMetric::Queue, LatencyMetric::Ttft, LatencyMetric::Tbt, LatencyMetric::Ttlt,
                                 LatencyMetric::TokenGap}) {
      QVERIFY(latencyMetricFromString(toString(metric)) == metric);
    }
    QCOMPARE(toString(LatencyMetric::Queue), std::string_view("queue"));
    QCOMPARE(toString(LatencyMetric::Tbt), std::string_view("tbt"));
    QCOMPARE(toString(LatencyMetric::TokenGap), std::string_view("token_gap"));
    QVERIFY(!latencyMetricFromString("TTFT"));
    QVERIFY(!latencyMetricFromString(""));
    QVERIFY(!latencyMetricFromString("p99"));
  }

  void picksTheMetricsValues() {
    ClassSnapshot cls;
    cls.queue.p99S = 1.0;
    cls.ttft.p99S = 2.0;
    cls.tbt.p99S = 3.0;
    cls.ttlt.p99S = 4.0;
    cls.tokenGap.p99S = 5.0;
    QCOMPARE(latencyOf(cls, LatencyMetric::TokenGap).p99S, 5.0);
    QCOMPARE(latencyOf(cls, LatencyMetric::Queue).p99S, 1.0);
    QCOMPARE(latencyOf(cls, LatencyMetric::Ttft).p99S, 2.0);
    QCOMPARE(latencyOf(cls, LatencyMetric::Tbt).p99S, 3.0);
    QCOMPARE(latencyOf(cls, LatencyMetric::Ttlt).p99S, 4.0);
    WindowClassStats window;
    window.queue.p50S = 0.5;
    window.tbt.watchedS = 0.25;
    QCOMPARE(latencyOf(window, LatencyMetric::Queue).p50S, std::optional(0.5));
    QCOMPARE(latencyOf(window, LatencyMetric::Tbt).watchedS, std::optional(0.25));
    QVERIFY(!latencyOf(window, LatencyMetric::Ttlt).p50S);
  }

  void sloBoundsInSeconds() {
    Slo slo;
    slo.ttft = durationFromSeconds(2.0);
    slo.tbt = durationFromSeconds(0.05);
    QVERIFY(sloBoundS(slo, LatencyMetric::Ttft));
    QCOMPARE(*sloBoundS(slo, LatencyMetric::Ttft), 2.0);
    QVERIFY(sloBoundS(slo, LatencyMetric::Tbt));
    QCOMPARE(*sloBoundS(slo, LatencyMetric::Tbt), 0.05);
    QVERIFY(!sloBoundS(slo, LatencyMetric::Ttlt));
    QVERIFY(!sloBoundS(slo, LatencyMetric::Queue));     // no Slo bounds queue time
    QVERIFY(!sloBoundS(slo, LatencyMetric::TokenGap));  // nor a single gap: the TBT bound judges Tbt
  }
};

QTEST_GUILESS_MAIN(TestLatencyMetric)
#include "tst_latency_metric.moc"
