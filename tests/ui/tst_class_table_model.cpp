// The editable classes table: model conformance, per-cell validation with reasons, add/remove/move, and
// edits reaching a running replay.
#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QtTest>

#include "ui/bridge/engine_bridge.h"
#include "ui/models/class_table_model.h"
#include "support/test_scenarios.h"

using namespace headroom;
using namespace headroom::ui;
using engine::ClassSpec;

namespace {

ClassSpec makeSpec(const std::string& name, int rank, engine::Slo slo, double ratePerS) {
  ClassSpec spec;
  spec.qos.name = name;
  spec.qos.rank = rank;
  spec.qos.slo = slo;
  spec.arrival.ratePerS = ratePerS;
  spec.promptTokens.value = 64;
  spec.outputTokens.value = 4;
  return spec;
}

std::vector<ClassSpec> twoClasses() {
  engine::Slo chat;
  chat.ttft = std::chrono::seconds(2);
  chat.tbt = std::chrono::milliseconds(100);
  engine::Slo batch;
  batch.ttlt = std::chrono::seconds(60);
  batch.percentile = 95.0;
  return {makeSpec("chat", 0, chat, 5.0), makeSpec("batch", 1, batch, 2.0)};
}

engine::Scenario constantScenario() {
  return test::oneClassScenario({.name = "ui-classes", .seed = 3, .durationS = 600.0, .ratePerS = 20.0});
}

}  // namespace

class TestClassTableModel : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() { QLocale::setDefault(QLocale::c()); }

  void passesTheModelTester() {
    ClassTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setClassSpecs(twoClasses());
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.columnCount(), int(ClassTableModel::ColumnCount));
    QVERIFY(model.insertRows(1, 2));
    QVERIFY(model.moveRows({}, 0, 1, {}, 4));
    QVERIFY(model.setData(model.index(0, ClassTableModel::Name), QStringLiteral("renamed")));
    QVERIFY(!model.setData(model.index(0, ClassTableModel::Percentile), 100.5));
    QVERIFY(model.removeRows(0, 2));
    QCOMPARE(model.rowCount(), 2);
    model.setClassSpecs(twoClasses());
  }

  void showsTheClasses() {
    ClassTableModel model;
    model.setClassSpecs(twoClasses());
    QCOMPARE(model.data(model.index(0, ClassTableModel::Name)).toString(), QStringLiteral("chat"));
    QCOMPARE(model.data(model.index(0, ClassTableModel::Ttft), Qt::EditRole).toDouble(), 2.0);
    QCOMPARE(model.data(model.index(0, ClassTableModel::Tbt), Qt::EditRole).toDouble(), 0.1);
    QCOMPARE(model.data(model.index(0, ClassTableModel::Ttlt), Qt::EditRole).toString(), QString());
    QCOMPARE(model.data(model.index(0, ClassTableModel::Ttlt)).toString(), QStringLiteral("none"));
    QCOMPARE(model.data(model.index(1, ClassTableModel::Percentile)).toString(), QStringLiteral("p95"));
    QCOMPARE(model.data(model.index(1, ClassTableModel::Rate), Qt::EditRole).toDouble(), 2.0);
    QCOMPARE(model.headerData(ClassTableModel::Ttft, Qt::Horizontal).toString(), QStringLiteral("TTFT (s)"));
    QVERIFY(model.flags(model.index(0, ClassTableModel::Rate)) & Qt::ItemIsEditable);
    model.setClassSpecs(twoClasses(), true);
    QVERIFY(!(model.flags(model.index(0, ClassTableModel::Rate)) & Qt::ItemIsEditable));
  }

  void validatesEachCell_data() {
    QTest::addColumn<int>("row");
    QTest::addColumn<int>("column");
    QTest::addColumn<QVariant>("value");
    QTest::addColumn<bool>("accepted");
    QTest::addColumn<QString>("reasonPart");

    QTest::newRow("name ok") << 0 << int(ClassTableModel::Name) << QVariant("premium") << true << QString();
    QTest::newRow("name empty") << 0 << int(ClassTableModel::Name) << QVariant("  ") << false << "needs a name";
    QTest::newRow("name duplicate") << 0 << int(ClassTableModel::Name) << QVariant("batch") << false
                                    << "already named";
    QTest::newRow("name duplicate other case") << 0 << int(ClassTableModel::Name) << QVariant("BATCH") << false
                                               << "already named";
    QTest::newRow("name same row") << 0 << int(ClassTableModel::Name) << QVariant("chat") << true << QString();
    QTest::newRow("name too long") << 0 << int(ClassTableModel::Name) << QVariant(QString(65, 'x')) << false
                                   << "at most 64";
    QTest::newRow("rank ok") << 1 << int(ClassTableModel::Rank) << QVariant(3) << true << QString();
    QTest::newRow("rank negative") << 1 << int(ClassTableModel::Rank) << QVariant(-1) << false << "whole number";
    QTest::newRow("rank fraction") << 1 << int(ClassTableModel::Rank) << QVariant("1.5") << false << "whole number";
    QTest::newRow("importance text") << 1 << int(ClassTableModel::Importance) << QVariant("low") << true << QString();
    QTest::newRow("importance index") << 1 << int(ClassTableModel::Importance) << QVariant(0) << true << QString();
    QTest::newRow("importance bad") << 1 << int(ClassTableModel::Importance) << QVariant("urgent") << false
                                    << "high, normal or low";
    QTest::newRow("ttft ok") << 0 << int(ClassTableModel::Ttft) << QVariant("0.5") << true << QString();
    QTest::newRow("ttft zero") << 0 << int(ClassTableModel::Ttft) << QVariant(0.0) << false << "above 0";
    QTest::newRow("ttft negative") << 0 << int(ClassTableModel::Ttft) << QVariant("-2") << false << "above 0";
    QTest::newRow("ttft text") << 0 << int(ClassTableModel::Ttft) << QVariant("soon") << false << "above 0";
    QTest::newRow("ttft a day") << 0 << int(ClassTableModel::Ttft) << QVariant(90000.0) << true << QString();
    QTest::newRow("ttft too large") << 0 << int(ClassTableModel::Ttft) << QVariant(2e9) << false << "at most";
    QTest::newRow("ttft under a microsecond") << 0 << int(ClassTableModel::Ttft) << QVariant(1e-7) << false
                                              << "microsecond";
    QTest::newRow("ttft cleared, tbt left") << 0 << int(ClassTableModel::Ttft) << QVariant("") << true << QString();
    QTest::newRow("last bound cleared") << 1 << int(ClassTableModel::Ttlt) << QVariant("") << false
                                        << "at least one bound";
    QTest::newRow("ttft above ttlt") << 1 << int(ClassTableModel::Ttft) << QVariant(120.0) << false
                                     << "cannot exceed the TTLT";
    QTest::newRow("ttft below ttlt") << 1 << int(ClassTableModel::Ttft) << QVariant(30.0) << true << QString();
    QTest::newRow("percentile ok") << 0 << int(ClassTableModel::Percentile) << QVariant(99.9) << true << QString();
    QTest::newRow("percentile 0") << 0 << int(ClassTableModel::Percentile) << QVariant(0.0) << false << "above 0";
    // The engine's one rule (checkSlo): (0, 100], as a scenario, a serve config and a planning file.
    QTest::newRow("percentile 100") << 0 << int(ClassTableModel::Percentile) << QVariant(100.0) << true << QString();
    QTest::newRow("percentile above 100") << 0 << int(ClassTableModel::Percentile) << QVariant(100.5) << false
                                          << "at most 100";
    QTest::newRow("percentile text") << 0 << int(ClassTableModel::Percentile) << QVariant("p99") << false
                                     << "at most 100";
    QTest::newRow("rate ok") << 0 << int(ClassTableModel::Rate) << QVariant("7.5") << true << QString();
    QTest::newRow("rate zero") << 0 << int(ClassTableModel::Rate) << QVariant(0.0) << true << QString();
    QTest::newRow("rate negative") << 0 << int(ClassTableModel::Rate) << QVariant(-1.0) << false
                                   << "requests per second";
  }

  void validatesEachCell() {
    QFETCH(int, row);
    QFETCH(int, column);
    QFETCH(QVariant, value);
    QFETCH(bool, accepted);
    QFETCH(QString, reasonPart);
    ClassTableModel model;
    model.setClassSpecs(twoClasses());
    QSignalSpy edited(&model, &ClassTableModel::classesEdited);
    QSignalSpy rejected(&model, &ClassTableModel::editRejected);
    const auto before = model.classSpecs();
    const QModelIndex index = model.index(row, column);
    QCOMPARE(model.setData(index, value), accepted);
    if (accepted) {
      QCOMPARE(edited.count(), 1);
      QCOMPARE(rejected.count(), 0);
      QVERIFY(model.lastError().isEmpty());
    } else {
      QCOMPARE(edited.count(), 0);
      QCOMPARE(rejected.count(), 1);
      QVERIFY2(model.lastError().contains(reasonPart), qPrintable(model.lastError()));
      QCOMPARE(model.data(index, Qt::ToolTipRole).toString(), model.lastError());
      QCOMPARE(model.classSpecs()[static_cast<std::size_t>(row)].qos.name, before[static_cast<std::size_t>(row)].qos.name);
      QCOMPARE(model.classSpecs()[static_cast<std::size_t>(row)].qos.slo.ttft,
               before[static_cast<std::size_t>(row)].qos.slo.ttft);
      QCOMPARE(model.classSpecs()[static_cast<std::size_t>(row)].qos.slo.percentile,
               before[static_cast<std::size_t>(row)].qos.slo.percentile);
    }
  }

  void acceptedEditsChangeTheClass() {
    ClassTableModel model;
    model.setClassSpecs(twoClasses());
    QVERIFY(model.setData(model.index(0, ClassTableModel::Ttft), QStringLiteral("0.25")));
    QCOMPARE(model.classSpecs()[0].qos.slo.ttft, std::optional(engine::durationFromSeconds(0.25)));
    QVERIFY(model.setData(model.index(0, ClassTableModel::Tbt), QString()));
    QVERIFY(!model.classSpecs()[0].qos.slo.tbt);
    QVERIFY(model.setData(model.index(1, ClassTableModel::Importance), QStringLiteral("high")));
    QVERIFY(model.classSpecs()[1].qos.importance == engine::Importance::High);
    QVERIFY(model.setData(model.index(1, ClassTableModel::Rate), 4.5));
    QCOMPARE(model.classSpecs()[1].arrival.ratePerS, 4.5);
    // A later accepted edit clears the reason of an earlier rejected one.
    QVERIFY(!model.setData(model.index(1, ClassTableModel::Percentile), 150));
    QVERIFY(!model.lastError().isEmpty());
    QVERIFY(model.setData(model.index(1, ClassTableModel::Percentile), 90));
    QVERIFY(model.lastError().isEmpty());
  }

  void addsRemovesAndMovesRows() {
    ClassTableModel model;
    model.setClassSpecs(twoClasses());
    QVERIFY(model.insertRows(2, 1));
    QCOMPARE(model.rowCount(), 3);
    const auto& added = model.classSpecs()[2];
    QCOMPARE(QString::fromStdString(added.qos.name), QStringLiteral("class-3"));
    QCOMPARE(added.qos.rank, 2);
    QVERIFY(added.qos.slo.hasBound());
    QCOMPARE(added.arrival.ratePerS, 1.0);
    QCOMPARE(added.promptTokens.value, 64);  // lengths copied from the class above
    QVERIFY(model.moveRows({}, 2, 1, {}, 0));
    QCOMPARE(QString::fromStdString(model.classSpecs()[0].qos.name), QStringLiteral("class-3"));
    QCOMPARE(QString::fromStdString(model.classSpecs()[1].qos.name), QStringLiteral("chat"));
    QVERIFY(model.moveRows({}, 0, 1, {}, 3));
    QCOMPARE(QString::fromStdString(model.classSpecs()[2].qos.name), QStringLiteral("class-3"));
    QVERIFY(!model.moveRows({}, 0, 1, {}, 1));  // onto itself
    QVERIFY(model.removeRows(0, 1));
    QCOMPARE(QString::fromStdString(model.classSpecs()[0].qos.name), QStringLiteral("batch"));
    QVERIFY(model.removeRows(1, 1));
    QVERIFY(!model.removeRows(0, 1));  // the last class stays
    QVERIFY(model.lastError().contains(QStringLiteral("at least one class")));
    QCOMPARE(model.rowCount(), 1);
  }

  void liveEditReachesTheReplay() {
    EngineBridge bridge;
    bridge.setScenario(constantScenario());
    ClassTableModel model;
    model.setClassSpecs(bridge.classSpecs());
    connect(&model, &ClassTableModel::classesEdited, &bridge, &EngineBridge::setClassSpecs);

    bridge.step(5.0);
    QTRY_VERIFY_WITH_TIMEOUT(bridge.latest()->simulatedS >= 5.0, 20000);
    const auto before = bridge.latest()->metrics->classes[0];
    QVERIFY(before.completed > 50);
    QCOMPARE(before.sloMet, before.completed);  // 1 s TTFT is easy at this load

    // Tighten TTFT to one microsecond: nothing can meet it, and the runner judges by it from now on.
    QVERIFY(model.setData(model.index(0, ClassTableModel::Ttft), 0.000001));
    QVERIFY(!bridge.restartPending());
    bridge.step(5.0);
    QTRY_VERIFY_WITH_TIMEOUT(bridge.latest()->simulatedS >= 10.0, 20000);
    const auto after = bridge.latest()->metrics->classes[0];
    QCOMPARE(after.slo.ttft, std::optional(engine::Duration{1}));
    QVERIFY(after.completed > before.completed + 50);
    QCOMPARE(after.sloMet, before.sloMet);  // no request finishing after the edit met the new bound

    // Renaming is live too; a rate change waits for a restart.
    QVERIFY(model.setData(model.index(0, ClassTableModel::Name), QStringLiteral("premium")));
    bridge.step(1.0);
    QTRY_VERIFY_WITH_TIMEOUT(bridge.latest()->metrics->classes[0].name == "premium", 20000);
    QVERIFY(model.setData(model.index(0, ClassTableModel::Rate), 1.0));
    QVERIFY(bridge.restartPending());
    bridge.restart();
    QVERIFY(!bridge.restartPending());
    QCOMPARE(bridge.scenario().classes[0].arrival.ratePerS, 1.0);
    bridge.step(10.0);
    QTRY_VERIFY_WITH_TIMEOUT(bridge.latest()->simulatedS >= 10.0, 20000);
    QVERIFY(bridge.latest()->metrics->arrived < 40);  // about 10 at 1 request/s, was 200 at 20/s
  }

  void parsesTaskMixes_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("tasks");
    QTest::addColumn<QList<double>>("shares");
    QTest::addColumn<bool>("ok");
    QTest::newRow("empty") << "" << QStringList{} << QList<double>{} << true;
    QTest::newRow("one") << "gsm8k" << QStringList{"gsm8k"} << QList<double>{1.0} << true;
    QTest::newRow("two") << "mmlu 0.6, gsm8k 0.4" << QStringList{"mmlu", "gsm8k"} << QList<double>{0.6, 0.4} << true;
    QTest::newRow("colons") << "mmlu: 3; gsm8k=1" << QStringList{"mmlu", "gsm8k"} << QList<double>{3.0, 1.0} << true;
    QTest::newRow("decimal comma") << "mmlu 0,6, gsm8k 0,4" << QStringList{"mmlu", "gsm8k"} << QList<double>{0.6, 0.4}
                                   << true;
    QTest::newRow("two words") << "mmlu gsm8k" << QStringList{} << QList<double>{} << false;
    QTest::newRow("share first") << "0.5 mmlu" << QStringList{} << QList<double>{} << false;
  }

  void parsesTaskMixes() {
    QFETCH(QString, text);
    QFETCH(QStringList, tasks);
    QFETCH(QList<double>, shares);
    QFETCH(bool, ok);
    QString error;
    const auto mix = parseTaskMix(text, &error);
    QCOMPARE(mix.has_value(), ok);
    if (!ok) {
      QVERIFY(error.contains(QStringLiteral("mmlu 0.6, gsm8k 0.4")));
      return;
    }
    QCOMPARE(int(mix->size()), tasks.size());
    for (std::size_t i = 0; i < mix->size(); ++i) {
      QCOMPARE(QString::fromStdString((*mix)[i].task), tasks[qsizetype(i)]);
      QCOMPARE((*mix)[i].share, shares[qsizetype(i)]);
    }
    QVERIFY(*parseTaskMix(taskMixText(*mix), nullptr) == *mix);  // round trip
  }

  // Reward weight and task mix are edited like the other cells and checked by the engine's rules.
  void editsRewardWeightAndTaskMix() {
    ClassTableModel model;
    model.setClassSpecs(twoClasses());
    QCOMPARE(model.data(model.index(0, ClassTableModel::RewardWeight)).toString(), QStringLiteral("1"));
    QCOMPARE(model.data(model.index(0, ClassTableModel::Tasks)).toString(), QStringLiteral("mmlu (default)"));
    QCOMPARE(model.data(model.index(0, ClassTableModel::Tasks), Qt::EditRole).toString(), QString());
    QSignalSpy rejected(&model, &ClassTableModel::editRejected);
    for (const char* bad : {"0", "-2", "1001", "lots"}) {
      QVERIFY2(!model.setData(model.index(0, ClassTableModel::RewardWeight), QString::fromLatin1(bad)), bad);
    }
    QVERIFY(model.lastError().contains(QStringLiteral("1000")));
    QVERIFY(model.setData(model.index(0, ClassTableModel::RewardWeight), QStringLiteral("2")));
    QCOMPARE(model.classSpecs()[0].qos.rewardWeight, 2.0);

    QVERIFY(!model.setData(model.index(1, ClassTableModel::Tasks), QStringLiteral("mmlu 0.5, mmlu 0.5")));
    QVERIFY(model.lastError().contains(QStringLiteral("mmlu")));
    QVERIFY(!model.setData(model.index(1, ClassTableModel::Tasks), QStringLiteral("mmlu 0, gsm8k 1")));
    QVERIFY(model.lastError().contains(QStringLiteral("above 0")));
    QVERIFY(!model.setData(model.index(1, ClassTableModel::Tasks), QStringLiteral("mmlu gsm8k")));
    QCOMPARE(rejected.count(), 7);
    QVERIFY(model.classSpecs()[1].qos.tasks.empty());
    QVERIFY(model.setData(model.index(1, ClassTableModel::Tasks), QStringLiteral("mmlu 0.6, gsm8k 0.4")));
    const std::vector<engine::TaskShare> expected = {{"mmlu", 0.6}, {"gsm8k", 0.4}};
    QVERIFY(model.classSpecs()[1].qos.tasks == expected);
    QCOMPARE(model.data(model.index(1, ClassTableModel::Tasks)).toString(), QStringLiteral("mmlu 0.6, gsm8k 0.4"));
    QVERIFY(model.setData(model.index(1, ClassTableModel::Tasks), QString()));  // back to the default
    QVERIFY(model.classSpecs()[1].qos.tasks.empty());
  }

  // A new task mix or reward weight is drawn and paid from the next restart, like a rate.
  void taskMixWaitsForARestart() {
    EngineBridge bridge;
    bridge.setScenario(constantScenario());
    ClassTableModel model;
    model.setClassSpecs(bridge.classSpecs());
    connect(&model, &ClassTableModel::classesEdited, &bridge, &EngineBridge::setClassSpecs);
    bridge.step(1.0);
    QTRY_VERIFY_WITH_TIMEOUT(bridge.latest()->simulatedS >= 1.0, 20000);
    QVERIFY(model.setData(model.index(0, ClassTableModel::RewardWeight), QStringLiteral("2")));
    QVERIFY(bridge.restartPending());
    bridge.restart();
    QVERIFY(!bridge.restartPending());
    bridge.step(1.0);
    QTRY_VERIFY_WITH_TIMEOUT(bridge.latest()->simulatedS >= 1.0, 20000);
    QVERIFY(model.setData(model.index(0, ClassTableModel::Tasks), QStringLiteral("mmlu 1, gsm8k 1")));
    QVERIFY(bridge.restartPending());
    QCOMPARE(bridge.scenario().classes[0].qos.tasks.size(), std::size_t{2});
    QCOMPARE(bridge.scenario().classes[0].qos.rewardWeight, 2.0);
  }
};

QTEST_MAIN(TestClassTableModel)
#include "tst_class_table_model.moc"
