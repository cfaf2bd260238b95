// The dashboard: its TBT chart and its attainment card say the same thing, the gap between tokens is
// labelled as such and drawn without an SLO line, and stale figures are shown as stale.
#include <QComboBox>
#include <QtTest>

#include "engine/sim/simulation.h"
#include "support/test_scenarios.h"
#include "ui/charts/class_latency_chart.h"
#include "ui/widgets/class_figures_panel.h"
#include "ui/widgets/dashboard.h"

using namespace headroom;
using namespace headroom::ui;

namespace {

// The finished replay of a class whose every gap between tokens (80 ms) is over its TBT bound (50 ms)
// while every token is far ahead of its deadline: attainment 100 %.
std::shared_ptr<const engine::RunnerView> gapsOverTheBound() {
  const engine::ReplayOutcome outcome = engine::replay(test::pacedChatScenario(0.08, 6.0), engine::ReplayOptions{});
  auto view = std::make_shared<engine::RunnerView>();
  view->state = engine::RunnerState::Finished;
  view->metrics = outcome.snapshot;
  view->simulatedS = engine::toSeconds(outcome.snapshot->time);
  return view;
}

void chooseMetric(Dashboard& dashboard, engine::LatencyMetric metric) {
  auto* combo = dashboard.findChild<QComboBox*>();
  QVERIFY(combo);
  const int index = combo->findData(static_cast<int>(metric));
  QVERIFY2(index >= 0, "metric not offered");
  combo->setCurrentIndex(index);
}

}  // namespace

class TestDashboard : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() { QLocale::setDefault(QLocale::c()); }

  // With the chart on time between tokens, the watched percentile stays under the SLO line when the
  // card says every request met its SLO.
  void tbtChartAgreesWithTheCard() {
    Dashboard dashboard;
    dashboard.setWindowS(3600.0);
    chooseMetric(dashboard, engine::LatencyMetric::Tbt);
    dashboard.update(gapsOverTheBound());
    QCOMPARE(dashboard.figures()->tile(0)->attainmentText(), QStringLiteral("100.0 %"));
    const ClassLatencyChart* chart = dashboard.chart(0);
    QVERIFY(chart->watchedCount() > 10);
    QVERIFY(chart->boundShown());
    QCOMPARE(chart->boundLineS(), 0.05);
    QVERIFY2(chart->watchedMaxS() <= chart->boundLineS(),
             qPrintable(QString("p99 up to %1 s over the %2 s SLO line at 100 % attainment")
                            .arg(chart->watchedMaxS())
                            .arg(chart->boundLineS())));
  }

  // The gap between tokens is its own choice, named so, and has no SLO line: no bound judges it.
  void gapChartHasNoSloLine() {
    Dashboard dashboard;
    dashboard.setWindowS(3600.0);
    chooseMetric(dashboard, engine::LatencyMetric::TokenGap);
    dashboard.update(gapsOverTheBound());
    const ClassLatencyChart* chart = dashboard.chart(0);
    QVERIFY(chart->watchedCount() > 10);
    QVERIFY(qAbs(chart->watchedMaxS() - 0.08) < 0.001);
    QVERIFY(!chart->boundShown());
    QVERIFY2(chart->titleText().contains(QStringLiteral("gap between tokens")), qPrintable(chart->titleText()));
    // Back on the judged TBT, the line is there again.
    chooseMetric(dashboard, engine::LatencyMetric::Tbt);
    QVERIFY(chart->boundShown());
  }

  // Figures that are no longer live are greyed, with how old they are; live again, they are coloured.
  void staleFiguresAreGreyed() {
    Dashboard dashboard;
    dashboard.update(gapsOverTheBound());
    const FigureTile* tile = dashboard.figures()->tile(0);
    QCOMPARE(tile->attainmentColour(), QStringLiteral("#2e7d32"));
    QVERIFY(dashboard.staleText().isEmpty());
    dashboard.setStale(true, 12.4);
    QVERIFY(tile->isStale());
    QCOMPARE(tile->attainmentColour(), QStringLiteral("#9e9e9e"));
    QVERIFY2(dashboard.staleText().contains(QStringLiteral("12 s ago")), qPrintable(dashboard.staleText()));
    // New tiles (the classes changed while stale) are greyed as well.
    QVERIFY(dashboard.figures()->tile(dashboard.figures()->tileCount() - 1)->isStale());
    dashboard.setStale(false, 0.0);
    QVERIFY(!tile->isStale());
    QCOMPARE(tile->attainmentColour(), QStringLiteral("#2e7d32"));
    QVERIFY(dashboard.staleText().isEmpty());
  }
};

QTEST_MAIN(TestDashboard)
#include "tst_dashboard.moc"
