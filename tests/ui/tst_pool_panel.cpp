// The pool dock's toolbar: add an instance to the running replay, drain the selected (or newest) one.
#include <QAction>
#include <QItemSelectionModel>
#include <QTableView>
#include <QtTest>

#include "ui/bridge/engine_bridge.h"
#include "ui/models/pool_table_model.h"
#include "ui/widgets/pool_panel.h"
#include "support/test_scenarios.h"

using namespace headroom;
using namespace headroom::ui;

namespace {

engine::Scenario busyScenario() {
  return test::oneClassScenario(
      {.name = "pool-panel", .seed = 6, .durationS = 600.0, .ratePerS = 40.0, .iterationS = 0.05, .instances = 2});
}

// Two model tiers: one 1B instance and two 8B instances behind the greedy tier router.
engine::Scenario tieredScenario() {
  engine::Scenario scenario = busyScenario();
  scenario.classes[0].qos.slo.ttft = std::chrono::seconds(5);
  engine::PoolGroup small;
  small.name = "1b";
  small.executor.model = "llama-3.2-1b";
  small.executor.hardware = "a100-80g";
  small.pool.instances = 1;
  engine::PoolGroup big = small;
  big.name = "8b";
  big.executor.model = "llama-3.1-8b";
  big.pool.instances = 2;
  engine::setPoolGroups(scenario, {small, big});
  return scenario;
}

}  // namespace

class TestPoolPanel : public QObject {
  Q_OBJECT

 private slots:
  void addsAndDrainsInstancesOfTheRunningReplay() {
    EngineBridge bridge;
    PoolTableModel model;
    QObject::connect(&bridge, &EngineBridge::viewChanged, &model, [&](const ViewPtr& view) { model.update(*view); });
    PoolPanel panel(&model, &bridge);
    QVERIFY(!panel.addAction()->isEnabled());  // no replay yet
    bridge.setScenario(busyScenario());
    bridge.step(5.0);
    QTRY_VERIFY(bridge.latest()->simulatedS >= 5.0);
    QTRY_COMPARE(model.rowCount(), 2);
    QVERIFY(panel.view()->isColumnHidden(PoolTableModel::Group));  // one model: no groups to show
    QVERIFY(panel.addAction()->isEnabled());
    QCOMPARE(panel.removalCandidate(), 1);  // nothing selected: the newest

    panel.addAction()->trigger();
    QTRY_COMPARE(model.rowCount(), 3);
    QCOMPARE(model.instanceId(2), 2);
    QCOMPARE(bridge.scenario().pool.instances, 2);  // only the running replay grew

    panel.view()->selectRow(0);
    QCOMPARE(panel.removalCandidate(), 0);
    panel.removeAction()->trigger();
    bridge.step(5.0);
    QTRY_VERIFY(model.rowCount() == 2 && model.instanceId(0) == 1);
    QCOMPARE(model.instanceId(1), 2);

    panel.view()->clearSelection();
    panel.removeAction()->trigger();
    bridge.step(5.0);
    QTRY_COMPARE(model.rowCount(), 1);
    QCOMPARE(model.instanceId(0), 1);
    QCOMPARE(panel.removalCandidate(), -1);  // the last instance stays
    QVERIFY(!panel.removeAction()->isEnabled());
  }

  // In a pool of model tiers the table names each instance's group, and the remove action never drains
  // a group's last active instance (the pool would refuse it).
  void groupsKeepTheirLastInstance() {
    EngineBridge bridge;
    PoolTableModel model;
    QObject::connect(&bridge, &EngineBridge::viewChanged, &model, [&](const ViewPtr& view) { model.update(*view); });
    PoolPanel panel(&model, &bridge);
    bridge.setScenario(tieredScenario());
    bridge.step(2.0);
    QTRY_VERIFY(bridge.latest()->simulatedS >= 2.0);
    QTRY_COMPARE(model.rowCount(), 3);
    QTRY_VERIFY(model.hasGroups());
    QVERIFY(!panel.view()->isColumnHidden(PoolTableModel::Group));
    QCOMPARE(model.groupName(0), QStringLiteral("1b"));
    QCOMPARE(model.groupName(2), QStringLiteral("8b"));
    QCOMPARE(panel.removalCandidate(), 2);  // nothing selected: the newest, in the 8b group
    panel.view()->selectRow(0);
    QCOMPARE(panel.removalCandidate(), -1);  // the 1b group's only instance
    QVERIFY(!panel.removeAction()->isEnabled());
    panel.view()->selectRow(1);
    QCOMPARE(panel.removalCandidate(), 1);
  }
};

QTEST_MAIN(TestPoolPanel)
#include "tst_pool_panel.moc"
