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

int columnTitled(const PoolTableModel& model, const QString& title) {
  for (int c = 0; c < model.columnCount(); ++c) {
    if (model.headerData(c, Qt::Horizontal).toString() == title) return c;
  }
  return -1;
}

QString cell(const PoolTableModel& model, int row, int column) { return model.index(row, column).data().toString(); }

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

  // Three instances with full batches and nine running 5 decodes each: all twelve iterate the whole
  // time (busy 100 %), yet nine have nearly all their room to spare. The table leads with what tells
  // them apart: batch fill, KV cache, queued work.
  void leadsWithSpareCapacity() {
    PoolTableModel model;
    std::vector<engine::InstanceStatus> instances;
    for (int i = 0; i < 12; ++i) instances.push_back(status(i, 0, 0, 0, 0, 0));
    model.update(viewAt(0.0, instances));
    for (int i = 0; i < 12; ++i) {
      const bool full = i < 3;
      engine::InstanceStatus& s = instances[static_cast<std::size_t>(i)];
      s = status(i, 10.0, full ? 0.8 : 0.01, full ? 40 : 0, 0, full ? 60 : 5);
      s.tokenBudget = 2560;
      s.lastBatchTokens = full ? 2560 : 5;
      s.queuedPrefill = full ? std::chrono::milliseconds(12'500) : engine::Duration{};
    }
    model.update(viewAt(10.0, instances));
    QCOMPARE(model.utilisation(0), 1.0);
    QCOMPARE(model.utilisation(11), 1.0);
    // The figures of headroom come right after the instance's name, group and state.
    QCOMPARE(int(PoolTableModel::BatchFill), int(PoolTableModel::State) + 1);
    QCOMPARE(model.headerData(PoolTableModel::BatchFill, Qt::Horizontal).toString(), QStringLiteral("Batch fill"));
    QCOMPARE(model.headerData(PoolTableModel::KvUse, Qt::Horizontal).toString(), QStringLiteral("KV cache"));
    QCOMPARE(model.headerData(PoolTableModel::QueuedWork, Qt::Horizontal).toString(), QStringLiteral("Queued work"));
    QCOMPARE(cell(model, 0, PoolTableModel::BatchFill), QStringLiteral("100 %"));
    QCOMPARE(cell(model, 11, PoolTableModel::BatchFill), QStringLiteral("0 %"));
    QCOMPARE(cell(model, 0, PoolTableModel::KvUse), QStringLiteral("80 %"));
    QCOMPARE(cell(model, 11, PoolTableModel::KvUse), QStringLiteral("1 %"));
    QCOMPARE(cell(model, 0, PoolTableModel::QueuedWork), QStringLiteral("12.5 s"));
    QCOMPARE(cell(model, 11, PoolTableModel::QueuedWork), QStringLiteral("0.0 s"));
    QCOMPARE(model.index(11, PoolTableModel::BatchFill).data(Qt::ToolTipRole).toString(), QStringLiteral("5 of 2560 tokens in the last iteration"));
    // Busy time stays in the table, behind the figures of headroom, and says what it is.
    const int busy = columnTitled(model, QStringLiteral("Busy"));
    QVERIFY(busy > PoolTableModel::QueuedWork);
    QCOMPARE(cell(model, 11, busy), QStringLiteral("100 %"));
    QVERIFY(!model.headerData(busy, Qt::Horizontal, Qt::ToolTipRole).toString().isEmpty());
    QCOMPARE(columnTitled(model, QStringLiteral("Utilisation")), -1);
  }

  // In a pool of model tiers each instance names its group; without groups the column is empty.
  void showsEachInstancesGroup() {
    PoolTableModel model;
    engine::InstanceStatus small = status(0, 0, 0, 0, 0, 0);
    engine::InstanceStatus big = status(1, 0, 0, 0, 0, 0);
    big.group = 2;
    model.update(viewAt(0.0, {small, big}));
    QVERIFY(!model.hasGroups());
    QCOMPARE(cell(model, 1, PoolTableModel::Group), QString());
    engine::RunnerView tiered = viewAt(1.0, {small, big});
    auto snapshot = std::make_shared<engine::Snapshot>();
    snapshot->groupNames = {"1b", "8b", "70b"};
    tiered.metrics = snapshot;
    model.update(tiered);
    QVERIFY(model.hasGroups());
    QCOMPARE(cell(model, 0, PoolTableModel::Group), QStringLiteral("1b"));
    QCOMPARE(cell(model, 1, PoolTableModel::Group), QStringLiteral("70b"));
    QCOMPARE(model.headerData(PoolTableModel::Group, Qt::Horizontal).toString(), QStringLiteral("Group"));
  }

  // A status taken between two iterations has no iteration in progress; an instance with requests
  // running is still running.
  void holdingWorkReadsRunning() {
    PoolTableModel model;
    engine::InstanceStatus s = status(0, 0, 0.3, 2, 0, 27);
    s.busy = false;
    model.update(viewAt(1.0, {s}));
    QCOMPARE(cell(model, 0, PoolTableModel::State), QStringLiteral("running"));
    s.load = {};
    model.update(viewAt(2.0, {s}));
    QCOMPARE(cell(model, 0, PoolTableModel::State), QStringLiteral("idle"));
  }

  // When a replay ends, instances that hold no work read idle: not the busy share of the last span, not
  // the last batch they ran.
  void idleWhenTheReplayEnds() {
    PoolTableModel model;
    model.update(viewAt(0.0, {status(0, 0, 0, 0, 0, 0), status(1, 0, 0, 0, 0, 0)}));
    model.update(viewAt(10.0, {status(0, 10.0, 0.2, 0, 0, 6), status(1, 10.0, 0.2, 0, 0, 6)}));
    QCOMPARE(model.utilisation(0), 1.0);
    engine::InstanceStatus done = status(0, 10.3, 0.0, 0, 0, 0);
    done.busy = false;
    done.lastBatchSize = 6;
    done.lastBatchTokens = 6;
    done.tokenBudget = 2560;
    engine::InstanceStatus draining = status(1, 10.3, 0.1, 0, 0, 2);
    engine::RunnerView end = viewAt(10.3, {done, draining});
    end.state = engine::RunnerState::Finished;
    model.update(end);
    QCOMPARE(cell(model, 0, PoolTableModel::State), QStringLiteral("idle"));
    QCOMPARE(model.utilisation(0), 0.0);
    QCOMPARE(cell(model, 0, PoolTableModel::BatchSize), QStringLiteral("0"));
    QCOMPARE(cell(model, 0, PoolTableModel::BatchFill), QStringLiteral("0 %"));
    QCOMPARE(model.batchFill(0), 0.0);
    QCOMPARE(cell(model, 1, PoolTableModel::State), QStringLiteral("running"));
    QCOMPARE(model.utilisation(1), 1.0);
  }
};

QTEST_MAIN(TestPoolTableModel)
#include "tst_pool_table_model.moc"
