// The model mix (model tiers): the sampler and the chart draw exactly the snapshot's per-window
// completions per group and rewards, the dashboard shows a mix chart per class and the mean reward
// beside attainment only when the snapshot counts groups, and the figure agrees with the chart.
#include <QtTest>

#include "ui/charts/model_mix_chart.h"
#include "ui/charts/model_mix_sampler.h"
#include "ui/widgets/class_figures_panel.h"
#include "ui/widgets/dashboard.h"

using namespace headroom;
using namespace headroom::ui;

namespace {

// One class's window: completions per group (the rest of `completions` unattributed) and a reward sum.
struct WindowFigures {
  std::vector<std::int64_t> byGroup;
  double rewardSum = 0.0;
};

// A hand-built snapshot: windows of one second, classes "fast" and "slow", groups "1b", "8b", "70b".
// Class c's totals are the sums of its windows.
std::shared_ptr<const engine::Snapshot> tieredSnapshot(const std::vector<std::vector<WindowFigures>>& windowsByClass,
                                                       bool withGroups = true) {
  auto snapshot = std::make_shared<engine::Snapshot>();
  const std::vector<std::string> names = {"fast", "slow"};
  if (withGroups) snapshot->groupNames = {"1b", "8b", "70b"};
  snapshot->windowLength = std::chrono::seconds(1);
  const std::size_t windowCount = windowsByClass.front().size();
  auto series = std::make_shared<engine::MetricsSeries>();
  for (std::size_t w = 0; w < windowCount; ++w) {
    engine::SeriesWindow window;
    window.start = engine::timeFromSeconds(static_cast<double>(w));
    window.end = engine::timeFromSeconds(static_cast<double>(w + 1));
    window.classes.resize(names.size());
    series->push_back(window);
  }
  for (std::size_t c = 0; c < names.size(); ++c) {
    engine::ClassSnapshot cls;
    cls.name = names[c];
    cls.slo.ttlt = std::chrono::seconds(10);
    cls.completedByGroup.assign(3, 0);
    for (std::size_t w = 0; w < windowCount; ++w) {
      const WindowFigures& figures = windowsByClass[c][w];
      auto& stats = (*series)[w].classes[c];
      for (std::size_t g = 0; g < figures.byGroup.size(); ++g) {
        stats.completedByGroup[g] = figures.byGroup[g];
        stats.completions += figures.byGroup[g];
        cls.completedByGroup[g] += figures.byGroup[g];
      }
      stats.sloMet = stats.completions;
      stats.rewardSum = figures.rewardSum;
      cls.completed += stats.completions;
      cls.rewardSum += figures.rewardSum;
    }
    cls.arrived = cls.completed;
    cls.sloMet = cls.completed;
    if (cls.completed > 0) {
      cls.attainment = 1.0;
      if (withGroups) cls.meanReward = cls.rewardSum / static_cast<double>(cls.completed);
    }
    snapshot->completed += cls.completed;
    snapshot->sloMet += cls.sloMet;
    snapshot->arrived += cls.arrived;
    snapshot->classes.push_back(cls);
  }
  snapshot->time = engine::timeFromSeconds(static_cast<double>(windowCount));
  snapshot->series = series;
  return snapshot;
}

// Class "fast": five windows, one of them empty; class "slow": all on 70b.
std::shared_ptr<const engine::Snapshot> fiveWindows(bool withGroups = true) {
  return tieredSnapshot({{{{3, 1, 0}, 2.0}, {{2, 2, 0}, 2.4}, {{0, 0, 0}, 0.0}, {{1, 0, 3}, 2.9}, {{0, 5, 5}, 7.5}},
                         {{{0, 0, 2}, 1.6}, {{0, 0, 1}, 0.8}, {{0, 0, 0}, 0.0}, {{0, 0, 1}, 0.0}, {{0, 0, 2}, 1.7}}},
                        withGroups);
}

std::shared_ptr<const engine::RunnerView> viewOf(std::shared_ptr<const engine::Snapshot> snapshot) {
  auto view = std::make_shared<engine::RunnerView>();
  view->state = engine::RunnerState::Finished;
  view->simulatedS = engine::toSeconds(snapshot->time);
  view->metrics = std::move(snapshot);
  return view;
}

}  // namespace

class TestModelMixChart : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() { QLocale::setDefault(QLocale::c()); }

  // Each point is its window's completions per group over the window's completions; an empty window
  // gives no point; rewards are the window's reward sum over its completions.
  void samplerFollowsTheWindows() {
    const auto snapshot = fiveWindows();
    const ModelMixPoints points = sampleModelMix(*snapshot->series, 0, 3, 0.0, 5.0, 100);
    QCOMPARE(points.shareByGroup.size(), std::size_t{3});
    QCOMPARE(points.meanReward.size(), 4);
    const std::vector<double> xs = {1.0, 2.0, 4.0, 5.0};
    const std::vector<std::vector<double>> shares = {{0.75, 0.5, 0.25, 0.0}, {0.25, 0.5, 0.0, 0.5}, {0.0, 0.0, 0.75, 0.5}};
    for (std::size_t g = 0; g < 3; ++g) {
      for (std::size_t i = 0; i < xs.size(); ++i) {
        QCOMPARE(points.shareByGroup[g][static_cast<qsizetype>(i)].x(), xs[i]);
        QCOMPARE(points.shareByGroup[g][static_cast<qsizetype>(i)].y(), shares[g][i]);
      }
    }
    QCOMPARE(points.meanReward[0].y(), 0.5);
    QCOMPARE(points.meanReward[1].y(), 0.6);
    QCOMPARE(points.meanReward[3].y(), 0.75);
    QCOMPARE(points.maxReward, 0.75);
  }

  // Merged windows sum their counts before dividing (not a mean of shares).
  void samplerMergesBySumming() {
    const auto snapshot = fiveWindows();
    const ModelMixPoints points = sampleModelMix(*snapshot->series, 0, 3, 0.0, 5.0, 3);  // pairs of windows
    QCOMPARE(points.meanReward.size(), 3);
    QCOMPARE(points.shareByGroup[0][0].x(), 2.0);
    QCOMPARE(points.shareByGroup[0][0].y(), 5.0 / 8.0);
    QCOMPARE(points.shareByGroup[1][0].y(), 3.0 / 8.0);
    QCOMPARE(points.meanReward[0].y(), 4.4 / 8.0);
    QCOMPARE(points.shareByGroup[2][1].x(), 4.0);  // window 3 alone with the empty window 2
    QCOMPARE(points.shareByGroup[2][1].y(), 0.75);
    QCOMPARE(points.meanReward[2].x(), 5.0);
  }

  // The chart's stacked areas are the groups' shares, in the snapshot's group order and names.
  void chartSeriesEqualTheSnapshotCounts() {
    const auto snapshot = fiveWindows();
    ModelMixChart chart;
    chart.update(*snapshot, 0, 60.0);
    QCOMPARE(chart.groupCount(), 3);
    QCOMPARE(chart.groupName(0), QStringLiteral("1b"));
    QCOMPARE(chart.groupName(2), QStringLiteral("70b"));
    QVERIFY2(chart.titleText().contains(QStringLiteral("fast")), qPrintable(chart.titleText()));
    const auto& series = *snapshot->series;
    for (int g = 0; g < 3; ++g) {
      const QList<QPointF> shares = chart.shares(g);
      QCOMPARE(shares.size(), 4);
      int point = 0;
      for (const auto& window : series) {
        const auto& stats = window.classes[0];
        if (stats.completions == 0) continue;
        QCOMPARE(shares[point].x(), engine::toSeconds(window.end));
        QVERIFY(qAbs(shares[point].y() - double(stats.completedByGroup[std::size_t(g)]) / double(stats.completions)) < 1e-9);
        ++point;
      }
    }
    const QList<QPointF> rewards = chart.meanRewards();
    QCOMPARE(rewards.size(), 4);
    QCOMPARE(rewards[2].y(), 2.9 / 4.0);
    // The second class: everything on 70b.
    chart.update(*snapshot, 1, 60.0);
    for (const QPointF& share : chart.shares(2)) QCOMPARE(share.y(), 1.0);
    for (const QPointF& share : chart.shares(0)) QCOMPARE(share.y(), 0.0);
  }

  // The mean reward figure is the class's run mean; the pool tile's is over every completion.
  void meanRewardFigures() {
    Dashboard dashboard;
    dashboard.update(viewOf(fiveWindows()));
    const ClassFiguresPanel* figures = dashboard.figures();
    QCOMPARE(figures->tileCount(), 3);
    QCOMPARE(figures->tile(0)->meanRewardText(), QStringLiteral("mean reward %1").arg(14.8 / 22.0, 0, 'f', 3));
    QCOMPARE(figures->tile(1)->meanRewardText(), QStringLiteral("mean reward %1").arg(4.1 / 6.0, 0, 'f', 3));
    QCOMPARE(figures->tile(2)->meanRewardText(), QStringLiteral("mean reward %1").arg(18.9 / 28.0, 0, 'f', 3));
  }

  // The figure and the chart say the same thing: the figure is the chart's per-window rewards weighted
  // by the windows' completions.
  void figureAgreesWithTheChart() {
    const auto snapshot = fiveWindows();
    Dashboard dashboard;
    dashboard.setWindowS(3600.0);
    dashboard.update(viewOf(snapshot));
    for (int c = 0; c < 2; ++c) {
      const ModelMixChart* chart = dashboard.mixChart(c);
      QVERIFY(!chart->isHidden());
      const QList<QPointF> rewards = chart->meanRewards();
      double weighted = 0.0;
      std::int64_t completions = 0;
      qsizetype point = 0;
      for (const auto& window : *snapshot->series) {
        const auto& stats = window.classes[std::size_t(c)];
        if (stats.completions == 0) continue;
        weighted += rewards[point++].y() * double(stats.completions);
        completions += stats.completions;
      }
      QCOMPARE(point, rewards.size());
      const double mean = weighted / double(completions);
      QVERIFY(qAbs(mean - *snapshot->classes[std::size_t(c)].meanReward) < 1e-9);
      QCOMPARE(dashboard.figures()->tile(c)->meanRewardText(), QStringLiteral("mean reward %1").arg(mean, 0, 'f', 3));
    }
  }

  // Without groups (a pool of one model) neither the mix charts nor the reward are shown.
  void hiddenWithoutGroups() {
    Dashboard dashboard;
    dashboard.update(viewOf(fiveWindows(false)));
    QCOMPARE(dashboard.chartCount(), 2);
    QVERIFY(dashboard.mixChart(0)->isHidden());
    QVERIFY(dashboard.mixChart(1)->isHidden());
    for (int t = 0; t < dashboard.figures()->tileCount(); ++t) {
      QVERIFY(dashboard.figures()->tile(t)->meanRewardText().isEmpty());
    }
    // A grouped replay shows them; back to one model, they hide again.
    dashboard.update(viewOf(fiveWindows(true)));
    QVERIFY(!dashboard.mixChart(0)->isHidden());
    QVERIFY(!dashboard.figures()->tile(0)->meanRewardText().isEmpty());
    dashboard.update(viewOf(fiveWindows(false)));
    QVERIFY(dashboard.mixChart(0)->isHidden());
    QVERIFY(dashboard.figures()->tile(0)->meanRewardText().isEmpty());
  }
};

QTEST_MAIN(TestModelMixChart)
#include "tst_model_mix_chart.moc"
