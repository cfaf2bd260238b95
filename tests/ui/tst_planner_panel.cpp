// The planner panel: a run on a small scenario shows the recommendation and both baselines, applies to
// the bridge's pool and verifies by replay; Cancel stops a run; the models pass the model tester.
#include <QAbstractItemModelTester>
#include <QDockWidget>
#include <QSpinBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <nlohmann/json.hpp>

#include "serve/client/remote_admin.h"
#include "ui/bridge/engine_bridge.h"
#include "ui/mainwindow/main_window.h"
#include "ui/models/plan_comparison_model.h"
#include "ui/models/verification_model.h"
#include "ui/planner/plan_setup.h"
#include "ui/planner/planner_task.h"
#include "ui/widgets/planner_panel.h"
#include "ui/widgets/pool_panel.h"
#include "ui/models/pool_group_model.h"
#include "ui/widgets/scenario_editor.h"

#include "support/planner_fixtures.h"

using namespace headroom;
using namespace headroom::ui;

namespace {

engine::Scenario smallScenario() { return test::plannableScenario("planner-ui"); }

constexpr int kPlanTimeoutMs = 240000;

}  // namespace

class TestPlannerPanel : public QObject {
  Q_OBJECT

 private slots:
  void standingComparesWithTheBound() {
    QVERIFY(standing(0.5, 1.0) == BoundStanding::Compliant);
    QVERIFY(standing(0.95, 1.0) == BoundStanding::NearMiss);
    QVERIFY(standing(1.0, 1.0) == BoundStanding::NearMiss);
    QVERIFY(standing(1.2, 1.0) == BoundStanding::Violated);
    QVERIFY(standing(std::nullopt, 1.0) == BoundStanding::Unknown);
  }

  // The panel words a class below its service floor from the plan's fields: class, bound, floor, mode,
  // and a mode that meets the bound if one does.
  void serviceFloorTextNamesClassBoundFloorAndModes() {
    solver::ServiceFloorMiss miss;
    miss.className = "chat";
    miss.metric = engine::LatencyMetric::Ttft;
    miss.percentile = 95.0;
    miss.boundS = 0.5;
    miss.mode = "a100";
    miss.floorS = 0.5057;
    const QLocale locale;
    const QString none = PlannerPanel::serviceFloorText(miss);
    QVERIFY2(none.contains(QStringLiteral("Class chat: its bound of %1 s (p%2 ttft) is below its service floor of %3 s "
                                          "on mode a100")
                               .arg(locale.toString(0.5), locale.toString(95.0), locale.toString(0.5057))),
             qPrintable(none));
    QVERIFY(none.endsWith(QStringLiteral("No mode meets it.")));
    miss.meetingMode = "h100";
    miss.meetingFloorS = 0.31;
    const QString meets = PlannerPanel::serviceFloorText(miss);
    QVERIFY2(meets.endsWith(QStringLiteral("Mode h100 meets it (floor %1 s).").arg(locale.toString(0.31))),
             qPrintable(meets));
  }

  void applyPlanSetsWeightedSharesAndPriority() {
    solver::Plan plan;
    plan.solutionFound = true;
    plan.instancesTotal = 2;
    solver::PlannedInstance first;
    first.ratePerS = {20.0, 0.0};
    solver::PlannedInstance second;
    second.ratePerS = {10.0, 0.0};
    plan.instances = {first, second};
    const engine::Scenario applied = applyPlan(smallScenario(), plan);
    QCOMPARE(applied.pool.instances, 2);
    QVERIFY(applied.pool.router == engine::RouterKind::Weighted);
    QCOMPARE(applied.pool.weights[0], (std::vector<double>{20.0, 10.0}));
    QCOMPARE(applied.pool.weights[1], (std::vector<double>{1.0, 1.0}));  // no traffic planned: spread evenly
    QVERIFY(applied.scheduler.policy == engine::OrderingPolicy::Priority);
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, applyPlan(smallScenario(), solver::Plan{}));

    // In a pool of model tiers the plan is the first group's, and the replayed groups carry it.
    engine::Scenario tiered = smallScenario();
    std::vector<engine::PoolGroup> groups = engine::poolGroups(tiered);
    groups.push_back(groups.front());
    groups.back().name = "second";
    engine::setPoolGroups(tiered, groups);
    const auto appliedGroups = engine::poolGroups(applyPlan(tiered, plan));
    QCOMPARE(appliedGroups.size(), std::size_t{2});
    QCOMPARE(appliedGroups[0].pool.instances, 2);
    QVERIFY(appliedGroups[0].pool.router == engine::RouterKind::Weighted);
    QCOMPARE(appliedGroups[0].pool.weights[0], (std::vector<double>{20.0, 10.0}));
    QCOMPARE(appliedGroups[1].pool.instances, groups[1].pool.instances);
  }

  void planRunShowsThreePlansAppliesAndVerifies() {
    QTemporaryDir dir;
    EngineBridge bridge;
    bridge.setScenario(smallScenario());
    PlannerPanel panel(&bridge);
    QAbstractItemModelTester comparisonTester(panel.comparisonModel(),
                                              QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester verificationTester(panel.verificationModel(),
                                                QAbstractItemModelTester::FailureReportingMode::QtTest);
    panel.setSweepOptions(test::quickSweep(dir));
    QSignalSpy planned(panel.task(), &PlannerTask::planned);
    QSignalSpy progress(panel.task(), &PlannerTask::progress);
    QVERIFY(!panel.applyButton()->isEnabled());
    panel.planButton()->click();
    QVERIFY(panel.task()->running());
    QVERIFY(!panel.planButton()->isEnabled());
    QVERIFY(panel.cancelButton()->isEnabled());
    QTRY_COMPARE_WITH_TIMEOUT(planned.count(), 1, kPlanTimeoutMs);
    QVERIFY(progress.count() > 3);
    QCOMPARE(panel.progressBar()->value(), panel.progressBar()->maximum());

    const PlanComparisonModel* model = panel.comparisonModel();
    QCOMPARE(model->rowCount(), PlanComparisonModel::FirstClass + 2);
    const auto outcome = panel.outcome();
    QVERIFY(outcome);
    const auto& report = outcome->report;
    QVERIFY(report.recommended.solutionFound);
    QVERIFY(report.recommended.instancesTotal >= 2);
    QVERIFY(report.recommended.instancesTotal <= report.fcfs.instancesTotal);
    QVERIFY(report.recommended.instancesTotal <= report.siloed.instancesTotal);
    const int columns[] = {PlanComparisonModel::Recommended, PlanComparisonModel::Fcfs, PlanComparisonModel::Siloed};
    const solver::Plan* plans[] = {&report.recommended, &report.fcfs, &report.siloed};
    for (int i = 0; i < 3; ++i) {
      const QModelIndex instances = model->index(PlanComparisonModel::Instances, columns[i]);
      QCOMPARE(model->data(instances).toString(), QLocale().toString(plans[i]->instancesTotal));
      for (int cls = 0; cls < 2; ++cls) {
        const QModelIndex cell = model->index(PlanComparisonModel::FirstClass + cls, columns[i]);
        const auto where = static_cast<BoundStanding>(model->data(cell, PlanComparisonModel::kStandingRole).toInt());
        QVERIFY2(where == BoundStanding::Compliant || where == BoundStanding::NearMiss,
                 qPrintable(model->data(cell).toString()));
      }
    }
    QVERIFY(panel.statusText().contains(QString::number(report.recommended.instancesTotal)));

    QVERIFY(panel.applyButton()->isEnabled());
    QVERIFY(!panel.verifyButton()->isEnabled());
    QSignalSpy appliedPlans(&panel, &PlannerPanel::planApplied);
    panel.applyButton()->click();
    // What a connected router is given: the plan as `headroom-cli plan --json` writes it, whose shares
    // serve::routerSharesFromPlan reads per class and instance.
    QCOMPARE(appliedPlans.count(), 1);
    const auto planJson = nlohmann::json::parse(appliedPlans.at(0).at(0).toByteArray().toStdString());
    QCOMPARE(planJson.at("instances").size(), static_cast<std::size_t>(report.recommended.instancesTotal));
    const auto shares = serve::routerSharesFromPlan(planJson);
    QCOMPARE(shares.at("policy").get<std::string>(), std::string("weighted"));
    const engine::PoolConfig& pool = bridge.scenario().pool;
    QCOMPARE(pool.instances, report.recommended.instancesTotal);
    QVERIFY(pool.router == engine::RouterKind::Weighted);
    QCOMPARE(pool.weights.size(), std::size_t{2});
    QCOMPARE(pool.weights[0].size(), static_cast<std::size_t>(pool.instances));
    for (int k = 0; k < pool.instances; ++k) {
      QCOMPARE(pool.weights[0][static_cast<std::size_t>(k)],
               report.recommended.instances[static_cast<std::size_t>(k)].ratePerS[0]);
    }
    QTRY_COMPARE(bridge.latest()->instances.size(), static_cast<std::size_t>(pool.instances));

    QSignalSpy verified(panel.task(), &PlannerTask::verified);
    QVERIFY(panel.verifyButton()->isEnabled());
    panel.verifyButton()->click();
    QTRY_COMPARE_WITH_TIMEOUT(verified.count(), 1, kPlanTimeoutMs);
    const VerificationModel* checks = panel.verificationModel();
    QCOMPARE(checks->rowCount(), 2);
    for (const auto& item : checks->verification().classes) {
      QVERIFY(item.replayedS.has_value());
      QVERIFY(item.predictedS.has_value());
    }
    QVERIFY(!checks->data(checks->index(0, VerificationModel::Measured)).toString().isEmpty());
    QVERIFY(panel.planButton()->isEnabled());
  }

  void cancelStopsARun() {
    QTemporaryDir dir;
    EngineBridge bridge;
    bridge.setScenario(smallScenario());
    PlannerPanel panel(&bridge);
    solver::CurveSweepOptions slow = test::quickSweep(dir);
    slow.minWindowS = 20000.0;  // long replays: the cancel must land inside one
    slow.maxWindowS = 20000.0;
    panel.setSweepOptions(slow);
    QSignalSpy planned(panel.task(), &PlannerTask::planned);
    QSignalSpy cancelled(panel.task(), &PlannerTask::cancelled);
    panel.startPlanning();
    QVERIFY(panel.task()->running());
    QTest::qWait(200);
    QElapsedTimer timer;
    timer.start();
    panel.cancelButton()->click();
    QTRY_COMPARE_WITH_TIMEOUT(cancelled.count(), 1, 20000);
    QVERIFY2(timer.elapsed() < 10000, qPrintable(QString("%1 ms").arg(timer.elapsed())));
    QCOMPARE(planned.count(), 0);
    QVERIFY(!panel.task()->running());
    QVERIFY(panel.planButton()->isEnabled());
    QVERIFY(!panel.cancelButton()->isEnabled());
    QVERIFY(!panel.applyButton()->isEnabled());
    QCOMPARE(panel.comparisonModel()->rowCount(), 0);
  }

  void classWithoutAPlannableBoundIsRefused() {
    EngineBridge bridge;
    engine::Scenario scenario = smallScenario();
    scenario.classes[1].qos.slo.ttlt.reset();
    scenario.classes[1].qos.slo.tbt = std::chrono::milliseconds(100);  // neither TTFT nor TTLT: not plannable
    bridge.setScenario(scenario);
    PlannerPanel panel(&bridge);
    panel.startPlanning();
    QVERIFY(!panel.task()->running());
    QVERIFY(panel.statusText().contains(QStringLiteral("batch")));
  }

  void mainWindowDocksThePlannerScenarioAndPoolPanels() {
    MainWindow window;
    window.setScenario(smallScenario());
    auto* planner = window.findChild<PlannerPanel*>();
    auto* editor = window.findChild<ScenarioEditor*>();
    QVERIFY(planner);
    QVERIFY(editor);
    QVERIFY(window.findChild<PoolPanel*>());
    QVERIFY(window.findChild<QDockWidget*>(QStringLiteral("plannerDock")));
    QVERIFY(window.findChild<QDockWidget*>(QStringLiteral("scenarioDock")));
    PoolGroupModel* groups = editor->groupModel();
    QCOMPARE(groups->index(0, PoolGroupModel::Instances).data().toInt(), 1);
    QVERIFY(groups->setData(groups->index(0, PoolGroupModel::Instances), 2));
    QVERIFY(editor->apply());
    QCOMPARE(window.bridge()->scenario().pool.instances, 2);
  }
};

QTEST_MAIN(TestPlannerPanel)
#include "tst_planner_panel.moc"
