// The TBT figure the metrics report is the one the TBT bound judges: a request's effective TBT against
// its cumulative token deadlines (arrival + ttft + (n - 1) x tbt), not the gap between two tokens.
#include <QtTest>

#include <chrono>

#include "engine/metrics/latency_of.h"
#include "engine/sim/simulation.h"
#include "support/test_scenarios.h"

using namespace headroom::engine;
using namespace std::chrono_literals;

namespace {

Scenario paced(double iterationS, double ttftS) { return headroom::test::pacedChatScenario(iterationS, ttftS); }

const ClassSnapshot& chatOf(const ReplayOutcome& outcome) { return outcome.snapshot->classes.front(); }

}  // namespace

class TestJudgedTbt : public QObject {
  Q_OBJECT

 private slots:
  // Gaps of 80 ms against a 50 ms bound, yet every token is well ahead of its deadline (the 6 s TTFT
  // bound leaves 6 s of slack): every request meets its SLO, and the TBT figure must say so.
  void tbtAgreesWithAttainmentWhenGapsExceedTheBound() {
    const ReplayOutcome outcome = replay(paced(0.08, 6.0), ReplayOptions{});
    const ClassSnapshot& chat = chatOf(outcome);
    QVERIFY(chat.completed > 20);
    QCOMPARE(chat.attainment, std::optional(1.0));
    const double boundS = *sloBoundS(chat.slo, LatencyMetric::Tbt);
    QVERIFY2(chat.tbt.p99S <= boundS, qPrintable(QString("TBT p99 %1 s above the %2 s bound at 100 % attainment")
                                                     .arg(chat.tbt.p99S)
                                                     .arg(boundS)));
    QVERIFY(chat.tbt.maxS <= boundS);
    QCOMPARE(chat.tbt.count, chat.completed);  // one judged figure per request
  }

  // The gap between tokens is kept as its own figure, and has no bound.
  void gapBetweenTokensIsItsOwnFigure() {
    const ReplayOutcome outcome = replay(paced(0.08, 6.0), ReplayOptions{});
    const ClassSnapshot& chat = chatOf(outcome);
    QCOMPARE(chat.tokenGap.count, chat.completed * 19);
    QVERIFY(qAbs(chat.tokenGap.p50S - 0.08) < 0.001);
    QVERIFY(chat.tokenGap.p99S > *sloBoundS(chat.slo, LatencyMetric::Tbt));
    QCOMPARE(latencyOf(chat, LatencyMetric::TokenGap).p99S, chat.tokenGap.p99S);
    QVERIFY(!sloBoundS(chat.slo, LatencyMetric::TokenGap));
    QCOMPARE(toString(LatencyMetric::TokenGap), std::string_view("token_gap"));
    QVERIFY(latencyMetricFromString("token_gap") == LatencyMetric::TokenGap);
  }

  // Where requests miss token deadlines (a 0.3 s TTFT bound leaves little slack, 120 ms per token
  // against 50 ms), every judged figure is above the bound and attainment is 0.
  void missedDeadlinesShowAboveTheBound() {
    const ReplayOutcome outcome = replay(paced(0.12, 0.3), ReplayOptions{});
    const ClassSnapshot& chat = chatOf(outcome);
    QVERIFY(chat.completed > 20);
    QCOMPARE(chat.attainment, std::optional(0.0));
    const double boundS = *sloBoundS(chat.slo, LatencyMetric::Tbt);
    QVERIFY2(chat.tbt.p50S > boundS, qPrintable(QString("judged TBT p50 %1 s").arg(chat.tbt.p50S)));
    // Token 20 at about 20 x 0.12 = 2.4 s after arrival, anchor 0.3 s: (2.4 - 0.3) / 19 = 0.11 s.
    QVERIFY2(qAbs(chat.tbt.p50S - 0.1105) < 0.005, qPrintable(QString("judged TBT p50 %1 s").arg(chat.tbt.p50S)));
  }

  // The windows of the series carry the judged figure too, so the chart agrees with the totals.
  void seriesWindowsCarryTheJudgedFigure() {
    const ReplayOutcome outcome = replay(paced(0.08, 6.0), ReplayOptions{});
    const double boundS = *sloBoundS(chatOf(outcome).slo, LatencyMetric::Tbt);
    int judged = 0;
    int gaps = 0;
    for (const SeriesWindow& window : *outcome.snapshot->series) {
      const WindowClassStats& stats = window.classes.front();
      if (stats.tbt.watchedS) {
        ++judged;
        QVERIFY2(*stats.tbt.watchedS <= boundS, qPrintable(QString("window TBT p99 %1 s").arg(*stats.tbt.watchedS)));
      }
      if (stats.tokenGap.watchedS) ++gaps;
    }
    QVERIFY(judged > 10);
    QVERIFY(gaps > 10);
  }
};

QTEST_GUILESS_MAIN(TestJudgedTbt)
#include "tst_judged_tbt.moc"
