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
};

QTEST_MAIN(TestPoolPanel)
#include "tst_pool_panel.moc"
