// The pool groups table of the scenario editor (model tiers): model conformance, per-cell validation
// with reasons, adding and removing groups within the engine's limits, and the constant executor.
#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QtTest>

#include "ui/models/pool_group_model.h"

using namespace headroom;
using namespace headroom::ui;

namespace {

engine::PoolGroup group(const std::string& name, const std::string& model, int instances) {
  engine::PoolGroup g;
  g.name = name;
  g.executor.model = model;
  g.executor.hardware = "a100-80g";
  g.pool.instances = instances;
  return g;
}

PoolGroupModel makeModel() {
  return PoolGroupModel({QStringLiteral("llama-3.2-1b"), QStringLiteral("llama-3.1-8b"), QStringLiteral("llama-3.1-70b")},
                        {QStringLiteral("a100-80g"), QStringLiteral("h100-sxm")});
}

// Whether two pools have the same groups: name, executor (kind, model, hardware, tensor parallel,
// iteration) and pool (instances, router, weights). PoolGroup has no usable operator== (ExecutorSpec
// has none).
bool sameGroups(const std::vector<engine::PoolGroup>& a, const std::vector<engine::PoolGroup>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    const auto& x = a[i];
    const auto& y = b[i];
    if (x.name != y.name || x.executor.kind != y.executor.kind || x.executor.model != y.executor.model ||
        x.executor.hardware != y.executor.hardware || x.executor.tensorParallel != y.executor.tensorParallel ||
        x.executor.iteration != y.executor.iteration || x.pool.instances != y.pool.instances ||
        x.pool.router != y.pool.router || x.pool.weights != y.pool.weights) {
      return false;
    }
  }
  return true;
}

QString cell(const PoolGroupModel& model, int row, int column) { return model.index(row, column).data().toString(); }

}  // namespace

class TestPoolGroupModel : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() { QLocale::setDefault(QLocale::c()); }

  void passesTheModelTester() {
    PoolGroupModel model = makeModel();
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setGroups({group("1b", "llama-3.2-1b", 2)});
    QVERIFY(model.insertRows(1, 2));
    QCOMPARE(model.rowCount(), 3);
    QVERIFY(model.setData(model.index(2, PoolGroupModel::Instances), QStringLiteral("4")));
    QVERIFY(model.removeRows(0, 1));
    model.setConstantExecutor(true);
    model.setGroups({group("1b", "llama-3.2-1b", 2)});
  }

  void showsTheGroups() {
    PoolGroupModel model = makeModel();
    engine::PoolGroup big = group("70b", "llama-3.1-70b", 1);
    big.executor.hardware = "h100-sxm";
    big.executor.tensorParallel = 4;
    big.pool.router = engine::RouterKind::LeastLoaded;
    model.setGroups({group("1b", "llama-3.2-1b", 2), big});
    QCOMPARE(cell(model, 1, PoolGroupModel::Name), QStringLiteral("70b"));
    QCOMPARE(cell(model, 1, PoolGroupModel::Model), QStringLiteral("llama-3.1-70b"));
    QCOMPARE(cell(model, 1, PoolGroupModel::Hardware), QStringLiteral("h100-sxm"));
    QCOMPARE(cell(model, 1, PoolGroupModel::TensorParallel), QStringLiteral("4"));
    QCOMPARE(cell(model, 0, PoolGroupModel::TensorParallel), QStringLiteral("default"));
    QCOMPARE(cell(model, 1, PoolGroupModel::Instances), QStringLiteral("1"));
    QCOMPARE(cell(model, 1, PoolGroupModel::Router), QStringLiteral("Least loaded"));
    QCOMPARE(model.headerData(PoolGroupModel::Router, Qt::Horizontal).toString(), QStringLiteral("Instance router"));
    QCOMPARE(model.index(0, PoolGroupModel::Model).data(PoolGroupModel::kChoicesRole).toStringList().size(), 3);
    QCOMPARE(model.index(0, PoolGroupModel::Router).data(PoolGroupModel::kChoicesRole).toStringList().size(), 4);
  }

  void validatesEachCell_data() {
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("value");
    QTest::addColumn<bool>("ok");
    QTest::newRow("name") << int(PoolGroupModel::Name) << "small" << true;
    QTest::newRow("empty name") << int(PoolGroupModel::Name) << "  " << false;
    QTest::newRow("taken name") << int(PoolGroupModel::Name) << "8b" << false;
    QTest::newRow("model") << int(PoolGroupModel::Model) << "llama-3.1-70b" << true;
    QTest::newRow("unknown model") << int(PoolGroupModel::Model) << "gpt-9" << false;
    QTest::newRow("hardware") << int(PoolGroupModel::Hardware) << "h100-sxm" << true;
    QTest::newRow("unknown hardware") << int(PoolGroupModel::Hardware) << "abacus" << false;
    QTest::newRow("tensor parallel") << int(PoolGroupModel::TensorParallel) << "4" << true;
    QTest::newRow("negative tensor parallel") << int(PoolGroupModel::TensorParallel) << "-1" << false;
    QTest::newRow("instances") << int(PoolGroupModel::Instances) << "12" << true;
    QTest::newRow("no instances") << int(PoolGroupModel::Instances) << "0" << false;
    QTest::newRow("words") << int(PoolGroupModel::Instances) << "many" << false;
    QTest::newRow("router by name") << int(PoolGroupModel::Router) << "least-loaded" << true;
    QTest::newRow("router as shown") << int(PoolGroupModel::Router) << "Class priority" << true;
    QTest::newRow("unknown router") << int(PoolGroupModel::Router) << "coin toss" << false;
  }

  void validatesEachCell() {
    QFETCH(int, column);
    QFETCH(QString, value);
    QFETCH(bool, ok);
    PoolGroupModel model = makeModel();
    model.setGroups({group("1b", "llama-3.2-1b", 2), group("8b", "llama-3.1-8b", 2)});
    QSignalSpy rejected(&model, &PoolGroupModel::editRejected);
    const auto before = model.groups();
    QCOMPARE(model.setData(model.index(0, column), value), ok);
    QCOMPARE(rejected.count(), ok ? 0 : 1);
    if (!ok) {
      QVERIFY(!model.lastError().isEmpty());
      QVERIFY(sameGroups(model.groups(), before));
    }
  }

  // Another model or hardware brings its own default tensor-parallel degree.
  void newModelResetsTensorParallel() {
    PoolGroupModel model = makeModel();
    engine::PoolGroup big = group("big", "llama-3.1-70b", 1);
    big.executor.tensorParallel = 4;
    model.setGroups({big});
    QVERIFY(model.setData(model.index(0, PoolGroupModel::Model), QStringLiteral("llama-3.1-8b")));
    QCOMPARE(model.groups()[0].executor.tensorParallel, 0);
    QCOMPARE(model.groups()[0].executor.model, std::string("llama-3.1-8b"));
  }

  // A new group copies the last one under a unique name; one group always stays; at most kMaxPoolGroups.
  void addsAndRemovesWithinLimits() {
    PoolGroupModel model = makeModel();
    engine::PoolGroup weighted = group("llama-3.1-8b", "llama-3.1-8b", 2);
    weighted.pool.router = engine::RouterKind::Weighted;
    weighted.pool.weights = {{1.0, 2.0}};
    model.setGroups({weighted});
    QVERIFY(model.insertRows(1, 1));
    QCOMPARE(model.groups()[1].name, std::string("llama-3.1-8b-2"));
    QCOMPARE(model.groups()[1].pool.instances, 1);
    QVERIFY(model.groups()[1].pool.router == engine::RouterKind::RoundRobin);  // no plan for it
    QVERIFY(model.groups()[1].pool.weights.empty());
    QVERIFY(model.insertRows(2, int(engine::kMaxPoolGroups) - 2));
    QCOMPARE(model.rowCount(), int(engine::kMaxPoolGroups));
    QSignalSpy rejected(&model, &PoolGroupModel::editRejected);
    QVERIFY(!model.insertRows(0, 1));
    QCOMPARE(rejected.count(), 1);
    QVERIFY(model.removeRows(1, model.rowCount() - 1));
    QVERIFY(!model.removeRows(0, 1));
    QCOMPARE(model.rowCount(), 1);
    QVERIFY(!model.lastError().isEmpty());
  }

  // A constant iteration time has no model: those cells read "—" and refuse edits.
  void constantExecutorHasNoModel() {
    PoolGroupModel model = makeModel();
    model.setGroups({group("pool", "", 3)});
    model.setConstantExecutor(true);
    QCOMPARE(cell(model, 0, PoolGroupModel::Model), QStringLiteral("—"));
    QVERIFY(!(model.flags(model.index(0, PoolGroupModel::Hardware)) & Qt::ItemIsEditable));
    QVERIFY(model.flags(model.index(0, PoolGroupModel::Instances)) & Qt::ItemIsEditable);
    QVERIFY(!model.setData(model.index(0, PoolGroupModel::Model), QStringLiteral("llama-3.1-8b")));
    QVERIFY(model.setData(model.index(0, PoolGroupModel::Instances), QStringLiteral("5")));
    QCOMPARE(model.groups()[0].pool.instances, 5);
    // Back to a model: the first one offered, as a combo box would show.
    model.setConstantExecutor(false);
    QCOMPARE(model.groups()[0].executor.model, std::string("llama-3.2-1b"));
    QCOMPARE(model.groups()[0].executor.hardware, std::string("a100-80g"));
  }
};

QTEST_MAIN(TestPoolGroupModel)
#include "tst_pool_group_model.moc"
