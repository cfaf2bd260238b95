// The scenario editor: per-cell validation of the workload table, phases as text, and Apply with valid
// and invalid fields (errors beside the fields, the bridge's scenario untouched until all are fine).
#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QLineEdit>
#include <QRadioButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTemporaryDir>
#include <QPushButton>
#include <QtTest>

#include "engine/core/resource_paths.h"
#include "engine/store/workspace.h"
#include "engine/workload/scenario_json.h"

#include "ui/bridge/engine_bridge.h"
#include "ui/models/class_arrival_model.h"
#include "ui/models/pool_group_model.h"
#include "ui/widgets/scenario_editor.h"
#include "support/test_files.h"

using namespace headroom;
using namespace headroom::ui;

namespace {

engine::Scenario baseScenario() {
  engine::Scenario scenario;
  scenario.name = "editor";
  scenario.seed = 4;
  scenario.durationS = 600.0;
  scenario.executor.kind = engine::ExecutorKind::Constant;
  scenario.executor.iteration = engine::durationFromSeconds(0.02);
  scenario.pool.instances = 2;
  engine::ClassSpec chat;
  chat.qos.name = "chat";
  chat.qos.slo.ttft = std::chrono::seconds(1);
  chat.arrival.ratePerS = 10.0;
  chat.promptTokens.value = 64;
  chat.outputTokens.value = 4;
  engine::ClassSpec batch = chat;
  batch.qos.name = "batch";
  batch.qos.rank = 1;
  batch.arrival.ratePerS = 2.0;
  scenario.classes = {chat, batch};
  return scenario;
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

// The base scenario on one modeled group: llama-3.2-1b on an A100.
engine::Scenario modeledScenario() {
  engine::Scenario scenario = baseScenario();
  scenario.executor.kind = engine::ExecutorKind::Modeled;
  scenario.executor.model = "llama-3.2-1b";
  scenario.executor.hardware = "a100-80g";
  scenario.executor.iteration = {};
  scenario.pool.instances = 1;
  return scenario;
}

void selectData(QComboBox* combo, int data) { combo->setCurrentIndex(combo->findData(data)); }

using headroom::test::writeFile;

}  // namespace

class TestScenarioEditor : public QObject {
  Q_OBJECT

 private slots:
  void parsesPhases_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("phases");
    QTest::addColumn<bool>("ok");
    QTest::newRow("empty") << "" << 0 << true;
    QTest::newRow("step") << "120=8" << 1 << true;
    QTest::newRow("step and ramp") << "120=8, 300-360=2" << 2 << true;
    QTest::newRow("after a ramp") << "10-20=4, 20=1" << 2 << true;
    QTest::newRow("no rate") << "120" << 0 << false;
    QTest::newRow("negative rate") << "120=-1" << 0 << false;
    QTest::newRow("out of order") << "300=1, 100=2" << 0 << false;
    QTest::newRow("inside a ramp") << "10-50=4, 30=1" << 0 << false;
    QTest::newRow("ramp ends before it starts") << "50-40=3" << 0 << false;
    QTest::newRow("words") << "soon=fast" << 0 << false;
  }

  void parsesPhases() {
    QFETCH(QString, text);
    QFETCH(int, phases);
    QFETCH(bool, ok);
    QString error;
    const auto parsed = parsePhases(text, &error);
    QCOMPARE(parsed.has_value(), ok);
    if (ok) {
      QCOMPARE(static_cast<int>(parsed->size()), phases);
      QCOMPARE(parsePhases(phasesText(*parsed), nullptr)->size(), parsed->size());  // round trip
    } else {
      QVERIFY(!error.isEmpty());
    }
  }

  void rampTextKeepsItsShape() {
    const auto phases = parsePhases(QStringLiteral("300-360=2"), nullptr);
    QVERIFY(phases);
    QVERIFY((*phases)[0].shape == engine::PhaseShape::Ramp);
    QCOMPARE((*phases)[0].startS, 300.0);
    QCOMPARE((*phases)[0].endS, 360.0);
    QCOMPARE((*phases)[0].ratePerS, 2.0);
  }

  void arrivalModelValidatesEachCell() {
    ClassArrivalModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setScenario(baseScenario());
    QCOMPARE(model.rowCount(), 2);
    QSignalSpy rejected(&model, &ClassArrivalModel::editRejected);
    const QModelIndex rate = model.index(0, ClassArrivalModel::Rate);
    QVERIFY(!model.setData(rate, QStringLiteral("-1")));
    QVERIFY(!model.setData(rate, QStringLiteral("lots")));
    QCOMPARE(rejected.count(), 2);
    QVERIFY(model.lastError().contains(QStringLiteral("chat")));
    QCOMPARE(model.arrivals()[0].ratePerS, 10.0);
    QVERIFY(model.setData(rate, QStringLiteral("12.5")));
    QCOMPARE(model.arrivals()[0].ratePerS, 12.5);
    QVERIFY(model.lastError().isEmpty());

    const QModelIndex cv = model.index(1, ClassArrivalModel::Cv);
    QVERIFY(!model.setData(cv, QStringLiteral("2")));  // Poisson has no CV
    QVERIFY(model.setData(model.index(1, ClassArrivalModel::Process), QStringLiteral("gamma")));
    QVERIFY(!model.setData(cv, QStringLiteral("0")));
    QVERIFY(model.setData(cv, QStringLiteral("2")));
    QVERIFY(model.arrivals()[1].kind == engine::ArrivalKind::Gamma);
    QCOMPARE(model.arrivals()[1].cv, 2.0);
    QVERIFY(!model.setData(model.index(1, ClassArrivalModel::Process), QStringLiteral("bursty")));

    QVERIFY(!model.setData(model.index(0, ClassArrivalModel::Phases), QStringLiteral("300=1, 100=2")));
    QVERIFY(model.setData(model.index(0, ClassArrivalModel::Phases), QStringLiteral("100=20, 200-260=5")));
    QCOMPARE(model.arrivals()[0].phases.size(), std::size_t{2});
    QVERIFY(!(model.flags(model.index(0, ClassArrivalModel::Class)) & Qt::ItemIsEditable));
    QVERIFY(!model.setData(model.index(0, ClassArrivalModel::Class), QStringLiteral("renamed")));
  }

  void validEditsApplyToTheBridge() {
    EngineBridge bridge;
    bridge.setScenario(baseScenario());
    ScenarioEditor editor(&bridge);
    QSignalSpy applied(&editor, &ScenarioEditor::applied);
    QCOMPARE(editor.durationEdit()->text(), QLocale().toString(600.0, 'g', 10));
    editor.durationEdit()->setText(QLocale().toString(120.0));
    editor.seedEdit()->setText(QStringLiteral("9"));
    selectData(editor.executorCombo(), static_cast<int>(engine::ExecutorKind::Modeled));
    PoolGroupModel* groups = editor.groupModel();
    QCOMPARE(groups->rowCount(), 1);
    QVERIFY(!editor.tierRouterShown());  // one group: no tier router
    QVERIFY(groups->setData(groups->index(0, PoolGroupModel::Model), QStringLiteral("llama-3.1-8b")));
    QVERIFY(groups->setData(groups->index(0, PoolGroupModel::Hardware), QStringLiteral("a100-80g")));
    QVERIFY(groups->setData(groups->index(0, PoolGroupModel::Instances), 3));
    QVERIFY(groups->setData(groups->index(0, PoolGroupModel::Router), QStringLiteral("least-loaded")));
    selectData(editor.policyCombo(), static_cast<int>(engine::OrderingPolicy::Edf));
    editor.chunkingEdit()->setText(QStringLiteral("fixed:512"));
    editor.relegationCheck()->setChecked(false);
    QVERIFY(editor.arrivalModel()->setData(editor.arrivalModel()->index(0, ClassArrivalModel::Rate), QStringLiteral("4")));
    QVERIFY(editor.arrivalModel()->setData(editor.arrivalModel()->index(0, ClassArrivalModel::Phases),
                                           QStringLiteral("60=8")));
    QVERIFY(editor.apply());
    QCOMPARE(applied.count(), 1);

    const engine::Scenario& scenario = bridge.scenario();
    QCOMPARE(scenario.durationS, 120.0);
    QCOMPARE(scenario.seed, std::uint64_t{9});
    QVERIFY(scenario.executor.kind == engine::ExecutorKind::Modeled);
    QCOMPARE(scenario.executor.model, std::string("llama-3.1-8b"));
    QCOMPARE(scenario.executor.hardware, std::string("a100-80g"));
    QCOMPARE(scenario.pool.instances, 3);
    QVERIFY(scenario.pool.router == engine::RouterKind::LeastLoaded);
    QVERIFY(scenario.scheduler.policy == engine::OrderingPolicy::Edf);
    QVERIFY(scenario.scheduler.chunking.mode == engine::ChunkingMode::Fixed);
    QCOMPARE(scenario.scheduler.chunking.fixedTokens, 512);
    QVERIFY(scenario.scheduler.relegation == engine::Relegation::Off);
    QCOMPARE(scenario.classes[0].arrival.ratePerS, 4.0);
    QCOMPARE(scenario.classes[0].arrival.phases.size(), std::size_t{1});
    QCOMPARE(scenario.classes[0].qos.name, std::string("chat"));  // classes keep their SLOs
    QVERIFY(!scenario.trace);
    QCOMPARE(bridge.latest()->instances.size(), std::size_t{3});
    for (const char* key : {ScenarioEditor::kDuration, ScenarioEditor::kSeed, ScenarioEditor::kChunking,
                            ScenarioEditor::kGroups, ScenarioEditor::kScenario}) {
      QVERIFY(editor.fieldError(QLatin1String(key)).isEmpty());
    }
  }

  void invalidEditsShowErrorsAndKeepTheScenario() {
    EngineBridge bridge;
    bridge.setScenario(baseScenario());
    ScenarioEditor editor(&bridge);
    QSignalSpy changed(&bridge, &EngineBridge::scenarioChanged);
    editor.durationEdit()->setText(QStringLiteral("-5"));
    editor.seedEdit()->setText(QStringLiteral("seven"));
    editor.iterationEdit()->setText(QStringLiteral("0"));
    editor.chunkingEdit()->setText(QStringLiteral("fixed:0"));
    PoolGroupModel* groups = editor.groupModel();
    QVERIFY(groups->setData(groups->index(0, PoolGroupModel::Router), QStringLiteral("weighted")));
    editor.traceRadio()->setChecked(true);
    editor.tracePathEdit()->clear();
    QVERIFY(!editor.apply());
    for (const char* key : {ScenarioEditor::kDuration, ScenarioEditor::kSeed, ScenarioEditor::kIteration,
                            ScenarioEditor::kChunking, ScenarioEditor::kGroups, ScenarioEditor::kTrace}) {
      QVERIFY2(!editor.fieldError(QLatin1String(key)).isEmpty(), key);
    }
    QCOMPARE(changed.count(), 0);
    QCOMPARE(bridge.scenario().durationS, 600.0);
    QCOMPARE(bridge.scenario().scheduler.chunking.mode, engine::ChunkingMode::Dynamic);

    // Fixing every field clears the errors and applies.
    editor.durationEdit()->setText(QStringLiteral("300"));
    editor.seedEdit()->setText(QStringLiteral("7"));
    editor.iterationEdit()->setText(QStringLiteral("25"));
    editor.chunkingEdit()->setText(QStringLiteral("dynamic"));
    QVERIFY(groups->setData(groups->index(0, PoolGroupModel::Router), QStringLiteral("round-robin")));
    editor.classArrivalsRadio()->setChecked(true);
    QVERIFY(editor.apply());
    QVERIFY(editor.fieldError(QLatin1String(ScenarioEditor::kDuration)).isEmpty());
    QCOMPARE(bridge.scenario().durationS, 300.0);
    QCOMPARE(bridge.scenario().executor.iteration, engine::durationFromSeconds(0.025));
  }

  void traceNeedsAReadableFileAndAClassMix() {
    QTemporaryDir dir;
    const QString good = writeFile(dir, QStringLiteral("burst.csv"),
                                   "Timestamp,Model,Request tokens,Response tokens\n0,x,100,20\n1.5,x,200,10\n3,x,50,5\n");
    const QString bad = writeFile(dir, QStringLiteral("bad.csv"), "Timestamp,Request tokens\n0,100\n");
    EngineBridge bridge;
    bridge.setScenario(baseScenario());
    ScenarioEditor editor(&bridge);
    editor.traceRadio()->setChecked(true);
    selectData(editor.traceFormatCombo(), static_cast<int>(engine::TraceFormat::BurstGpt));

    editor.tracePathEdit()->setText(dir.filePath(QStringLiteral("missing.csv")));
    QVERIFY(!editor.apply());
    QVERIFY(editor.fieldError(QLatin1String(ScenarioEditor::kTrace)).contains(QStringLiteral("missing.csv")));

    editor.tracePathEdit()->setText(bad);
    QVERIFY(!editor.apply());
    QVERIFY(editor.fieldError(QLatin1String(ScenarioEditor::kTrace)).contains(QStringLiteral("bad.csv")));

    editor.tracePathEdit()->setText(good);
    ClassArrivalModel* model = editor.arrivalModel();
    QVERIFY(model->setData(model->index(0, ClassArrivalModel::TraceShare), QStringLiteral("0")));
    QVERIFY(model->setData(model->index(1, ClassArrivalModel::TraceShare), QStringLiteral("0")));
    QVERIFY(!editor.apply());
    QVERIFY(!editor.fieldError(QLatin1String(ScenarioEditor::kClasses)).isEmpty());
    QVERIFY(editor.fieldError(QLatin1String(ScenarioEditor::kTrace)).isEmpty());

    QVERIFY(model->setData(model->index(0, ClassArrivalModel::TraceShare), QStringLiteral("3")));
    QVERIFY(model->setData(model->index(1, ClassArrivalModel::TraceShare), QStringLiteral("1")));
    QVERIFY(editor.apply());
    const auto& trace = bridge.scenario().trace;
    QVERIFY(trace);
    QVERIFY(trace->format == engine::TraceFormat::BurstGpt);
    QCOMPARE(trace->classMix.at("chat"), 3.0);
    QCOMPARE(trace->classMix.at("batch"), 1.0);
    QCOMPARE(QString::fromStdString(trace->path.filename().string()), QStringLiteral("burst.csv"));
    bridge.step(5.0);
    QTRY_VERIFY(bridge.latest()->simulatedS >= 3.0);
    QCOMPARE(bridge.latest()->metrics->arrived, std::int64_t{3});
  }

  void revertReloadsTheBridgeScenario() {
    EngineBridge bridge;
    bridge.setScenario(baseScenario());
    ScenarioEditor editor(&bridge);
    editor.durationEdit()->setText(QStringLiteral("bad"));
    QVERIFY(!editor.apply());
    editor.revert();
    QVERIFY(editor.fieldError(QLatin1String(ScenarioEditor::kDuration)).isEmpty());
    QCOMPARE(editor.durationEdit()->text(), QLocale().toString(600.0, 'g', 10));
  }

  // The groups table edits a pool of model tiers; the tier router follows the groups; the scenario
  // saves to a workspace and comes back with its groups, and a new editor shows them as they were.
  void groupsTableEditsAndSavesAGroupedScenario() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    EngineBridge bridge;
    bridge.setScenario(modeledScenario());
    ScenarioEditor editor(&bridge);
    PoolGroupModel* groups = editor.groupModel();
    QCOMPARE(groups->rowCount(), 1);
    QVERIFY(!editor.tierRouterShown());
    editor.addGroupButton()->click();
    QCOMPARE(groups->rowCount(), 2);
    QVERIFY(editor.tierRouterShown());
    QVERIFY(groups->setData(groups->index(1, PoolGroupModel::Name), QStringLiteral("big")));
    QVERIFY(groups->setData(groups->index(1, PoolGroupModel::Model), QStringLiteral("llama-3.1-8b")));
    QVERIFY(groups->setData(groups->index(1, PoolGroupModel::Instances), 2));
    QVERIFY(groups->setData(groups->index(1, PoolGroupModel::Router), QStringLiteral("least-loaded")));
    // greedy, random, one static item per group, learned
    QCOMPARE(editor.tierRouterCombo()->count(), 5);
    QVERIFY(editor.setTierRouterText(QStringLiteral("static:big")));
    QVERIFY(editor.tierRouterCombo()->currentText().contains(QStringLiteral("big")));
    QVERIFY(editor.apply());

    const engine::Scenario applied = bridge.scenario();
    const auto pool = engine::poolGroups(applied);
    QCOMPARE(pool.size(), std::size_t{2});
    QCOMPARE(pool[0].name, std::string("llama-3.2-1b"));
    QCOMPARE(pool[0].pool.instances, 1);
    QCOMPARE(pool[1].name, std::string("big"));
    QCOMPARE(pool[1].executor.model, std::string("llama-3.1-8b"));
    QCOMPARE(pool[1].executor.hardware, std::string("a100-80g"));
    QCOMPARE(pool[1].pool.instances, 2);
    QVERIFY(pool[1].pool.router == engine::RouterKind::LeastLoaded);
    QCOMPARE(applied.tierRouter, std::string("static:big"));
    QCOMPARE(bridge.latest()->instances.size(), std::size_t{3});

    const std::filesystem::path file = dir.filePath(QStringLiteral("tiers.headroom")).toStdString();
    {
      auto workspace = engine::Workspace::create(file);
      workspace.saveScenario(applied);
    }
    const auto stored = engine::Workspace::open(file).scenario();
    QVERIFY(stored);
    QCOMPARE(engine::scenarioToJson(*stored).dump(), engine::scenarioToJson(applied).dump());
    QVERIFY(sameGroups(engine::poolGroups(*stored), pool));

    EngineBridge reopened;
    reopened.setScenario(*stored);
    ScenarioEditor again(&reopened);
    QCOMPARE(again.groupModel()->rowCount(), 2);
    QVERIFY(sameGroups(again.groupModel()->groups(), pool));
    QVERIFY(again.tierRouterShown());
    QVERIFY(again.tierRouterCombo()->currentText().contains(QStringLiteral("big")));
    // Renaming the group keeps the static choice on it.
    QVERIFY(again.groupModel()->setData(again.groupModel()->index(1, PoolGroupModel::Name), QStringLiteral("large")));
    QVERIFY(again.apply());
    QCOMPARE(reopened.scenario().tierRouter, std::string("static:large"));

    // Back to one group: no tier router, and the pool is the first group again.
    again.groupsView()->selectRow(1);
    again.removeGroupButton()->click();
    QVERIFY(!again.tierRouterShown());
    QVERIFY(again.apply());
    QCOMPARE(engine::poolGroups(reopened.scenario()).size(), std::size_t{1});
    QCOMPARE(reopened.scenario().executor.model, std::string("llama-3.2-1b"));
  }

  // A learned router needs its policy file; a constant iteration time serves one group only. Nothing
  // reaches the bridge until both are right.
  void tierRouterAndGroupErrorsShowBesideTheirFields() {
    QTemporaryDir dir;
    EngineBridge bridge;
    bridge.setScenario(modeledScenario());
    ScenarioEditor editor(&bridge);
    QSignalSpy changed(&bridge, &EngineBridge::scenarioChanged);
    editor.addGroupButton()->click();
    QVERIFY(editor.setTierRouterText(QStringLiteral("learned:") + dir.filePath(QStringLiteral("missing.json"))));
    QVERIFY(!editor.policyPathEdit()->isHidden());
    QVERIFY(!editor.apply());
    QVERIFY2(editor.fieldError(QLatin1String(ScenarioEditor::kTierRouter)).contains(QStringLiteral("missing.json")),
             qPrintable(editor.fieldError(QLatin1String(ScenarioEditor::kTierRouter))));
    editor.policyPathEdit()->clear();
    QVERIFY(!editor.apply());
    QVERIFY(!editor.fieldError(QLatin1String(ScenarioEditor::kTierRouter)).isEmpty());
    QVERIFY(editor.setTierRouterText(QStringLiteral("greedy")));
    QVERIFY(editor.policyPathEdit()->isHidden());

    selectData(editor.executorCombo(), static_cast<int>(engine::ExecutorKind::Constant));
    editor.iterationEdit()->setText(QStringLiteral("20"));
    QVERIFY(!editor.addGroupButton()->isEnabled());
    QVERIFY(!editor.apply());
    QVERIFY(!editor.fieldError(QLatin1String(ScenarioEditor::kGroups)).isEmpty());
    QCOMPARE(changed.count(), 0);
    QCOMPARE(engine::poolGroups(bridge.scenario()).size(), std::size_t{1});

    selectData(editor.executorCombo(), static_cast<int>(engine::ExecutorKind::Modeled));
    QVERIFY(editor.apply());
    QCOMPARE(engine::poolGroups(bridge.scenario()).size(), std::size_t{2});
    QCOMPARE(bridge.scenario().tierRouter, std::string("greedy"));
  }

  // A shipped one-model scenario applied unchanged saves exactly as it did.
  void oneGroupScenarioSavesAsBefore() {
    const engine::Scenario demo = engine::loadScenario(engine::resourceDir() / "scenarios" / "demo.json");
    EngineBridge bridge;
    bridge.setScenario(demo);
    ScenarioEditor editor(&bridge);
    QCOMPARE(editor.groupModel()->rowCount(), 1);
    QVERIFY(!editor.tierRouterShown());
    QVERIFY(editor.apply());
    QCOMPARE(engine::scenarioToJson(bridge.scenario()).dump(2), engine::scenarioToJson(demo).dump(2));
  }
};

QTEST_MAIN(TestScenarioEditor)
#include "tst_scenario_editor.moc"
