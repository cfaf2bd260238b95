// The pool table: model conformance and what it shows of the instances' status.
#include <QAbstractItemModelTester>
#include <QtTest>

#include "ui/models/pool_table_model.h"

using namespace headroom;
using namespace headroom::ui;

namespace {

engine::RunnerView viewAt(double simulatedS, std::vector<engine::InstanceStatus> instances) {
  engine::RunnerView view;
  view.simulatedS = simulatedS;
  view.instances = std::move(instances);
  return view;
}

engine::InstanceStatus status(int id, double busyS, double kv, int waiting, int relegated, int batch) {
  engine::InstanceStatus s;
  s.id = id;
  s.busy = busyS > 0.0;
  s.busyTime = engine::durationFromSeconds(busyS);
  s.kvUsedFraction = kv;
  s.load.waiting = waiting;
  s.load.relegated = relegated;
  s.load.decoding = batch;
  s.lastBatchSize = batch;
  s.lastBatchTokens = batch * 3;
  s.iterations = 10 * id;
  return s;
}

}  // namespace

class TestPoolTableModel : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() { QLocale::setDefault(QLocale::c()); }

  void passesTheModelTester() {
    PoolTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.update(viewAt(0.0, {status(0, 0, 0, 0, 0, 0), status(1, 0, 0, 0, 0, 0)}));
    QCOMPARE(model.rowCount(), 2);
    model.update(viewAt(5.0, {status(0, 2, 0.5, 3, 1, 4), status(1, 5, 0.1, 0, 0, 1)}));
    model.update(viewAt(6.0, {status(0, 2, 0.5, 3, 1, 4), status(1, 5, 0.1, 0, 0, 1), status(2, 0, 0, 0, 0, 0)}));
    QCOMPARE(model.rowCount(), 3);
    model.clear();
    QCOMPARE(model.rowCount(), 0);
  }

  void showsStateLoadAndUtilisation() {
    PoolTableModel model;
    model.update(viewAt(0.0, {status(0, 0, 0, 0, 0, 0), status(1, 0, 0, 0, 0, 0)}));
    model.update(viewAt(10.0, {status(0, 2.5, 0.95, 3, 2, 4), status(1, 10.0, 0.1, 0, 0, 1)}));
    QCOMPARE(model.utilisation(0), 0.25);
    QCOMPARE(model.utilisation(1), 1.0);
    QCOMPARE(model.data(model.index(0, PoolTableModel::Instance)).toString(), QStringLiteral("instance 0"));
    QCOMPARE(model.data(model.index(0, PoolTableModel::State)).toString(), QStringLiteral("running"));
    QCOMPARE(model.data(model.index(0, PoolTableModel::Utilisation)).toString(), QStringLiteral("25 %"));
    QCOMPARE(model.data(model.index(0, PoolTableModel::KvUse)).toString(), QStringLiteral("95 %"));
    QVERIFY(model.data(model.index(0, PoolTableModel::KvUse), Qt::ForegroundRole).isValid());  // nearly full
    QVERIFY(!model.data(model.index(1, PoolTableModel::KvUse), Qt::ForegroundRole).isValid());
    QCOMPARE(model.data(model.index(0, PoolTableModel::QueueDepth)).toString(), QStringLiteral("5"));
    QCOMPARE(model.data(model.index(0, PoolTableModel::QueueDepth), Qt::ToolTipRole).toString(),
             QStringLiteral("3 waiting, 2 relegated"));
    QCOMPARE(model.data(model.index(0, PoolTableModel::BatchSize)).toString(), QStringLiteral("4"));
    QCOMPARE(model.data(model.index(0, PoolTableModel::BatchTokens)).toString(), QStringLiteral("12"));
    // Utilisation follows the recent span, not the whole run: instance 0 busy the whole next 10 s.
    model.update(viewAt(20.0, {status(0, 12.5, 0.5, 0, 0, 2), status(1, 10.0, 0.1, 0, 0, 0)}));
    QCOMPARE(model.utilisation(0), 1.0);
    QCOMPARE(model.utilisation(1), 0.0);
    // A restarted replay (time going back) resets the rows.
    model.update(viewAt(0.0, {status(0, 0, 0, 0, 0, 0), status(1, 0, 0, 0, 0, 0)}));
    QCOMPARE(model.utilisation(0), 0.0);
  }
};

QTEST_MAIN(TestPoolTableModel)
#include "tst_pool_table_model.moc"
