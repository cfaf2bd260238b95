// The console's workspace: New / Save As / Open round trips, a corrupt file refused with its error shown
// while the previous workspace stays open, class edits saved to the file, every replay recorded as a run,
// the recent list, the first start's demo workspace; every plan stored with its inputs, the run an
// applied plan starts linked to it, Apply asking before it stops a replay, and Open Scenario asking before
// it replaces the workspace's setup.
#include <QAction>
#include <QApplication>
#include <QMenu>
#include <QMessageBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

#include <QPushButton>
#include <QSignalSpy>

#include <fstream>

#include "engine/workload/scenario_json.h"

#include "engine/store/workspace.h"
#include "ui/mainwindow/main_window.h"
#include "ui/mainwindow/workspace_controller.h"
#include "ui/models/class_table_model.h"
#include "ui/widgets/planner_panel.h"
#include "support/planner_fixtures.h"
#include "support/test_files.h"
#include "support/test_scenarios.h"

using namespace headroom;
using namespace headroom::ui;

namespace {

// A replay short enough to finish within a second at full speed.
engine::Scenario shortScenario() {
  engine::Scenario scenario = test::demoScenario();
  scenario.name = "short";
  scenario.durationS = 8.0;
  scenario.executor = {engine::ExecutorKind::Constant, "", "", 0, engine::Duration{20'000}};
  return scenario;
}


// Records each question asked and answers it with `answer`.
struct ScriptedAnswer {
  QStringList questions;
  bool answer = false;
  Confirmation confirmation() {
    return [this](QWidget*, const QString&, const QString& question) {
      questions << question;
      return answer;
    };
  }
};

constexpr int kPlanTimeoutMs = 240000;

}  // namespace

class TestWorkspaceUi : public QObject {
  Q_OBJECT

 private:
  QTemporaryDir dir_;

  QString path(const QString& name) const { return dir_.filePath(name); }

  // Answers the next message box: records its text and closes it.
  void answerNextMessageBox(QString* text) {
    QTimer::singleShot(0, this, [text] {
      auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
      if (!box) {
        for (QWidget* widget : QApplication::topLevelWidgets()) {
          if (auto* candidate = qobject_cast<QMessageBox*>(widget); candidate && candidate->isVisible()) box = candidate;
        }
      }
      if (!box) return;
      *text = box->text();
      box->accept();
    });
  }

 private slots:
  void initTestCase() {
    QVERIFY(dir_.isValid());
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("HeadroomTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_workspace_ui"));
    QSettings().clear();
  }

  void newAndSaveAsRoundTrip() {
    MainWindow window;
    WorkspaceController* workspace = window.workspaceController();
    QVERIFY(!workspace->hasWorkspace());
    QVERIFY(!workspace->saveAsAction()->isEnabled());
    QString error;
    QVERIFY2(workspace->newWorkspace(path("first.headroom"), &error), qPrintable(error));
    QVERIFY(window.windowTitle().contains(QStringLiteral("first.headroom")));
    QVERIFY(workspace->saveAsAction()->isEnabled());
    QCOMPARE(window.classModel()->rowCount(), 3);

    // A class edit is saved to the workspace.
    QVERIFY(window.classModel()->setData(window.classModel()->index(0, ClassTableModel::Ttft), 3.5));
    QTRY_VERIFY(engine::Workspace::open(path("first.headroom").toStdString()).scenario()->classes[0].qos.slo.ttft ==
                engine::durationFromSeconds(3.5));

    QVERIFY2(workspace->saveWorkspaceAs(path("second.headroom"), &error), qPrintable(error));
    QVERIFY(window.windowTitle().contains(QStringLiteral("second.headroom")));
    QCOMPARE(workspace->filePath(), path("second.headroom"));
    const auto copied = engine::Workspace::open(path("second.headroom").toStdString()).scenario();
    QVERIFY(copied);
    QVERIFY(copied->classes[0].qos.slo.ttft == engine::durationFromSeconds(3.5));

    // Later edits go to the copy only.
    QVERIFY(window.classModel()->setData(window.classModel()->index(1, ClassTableModel::Ttlt), 90.0));
    QTRY_VERIFY(engine::Workspace::open(path("second.headroom").toStdString()).scenario()->classes[1].qos.slo.ttlt ==
                engine::durationFromSeconds(90.0));
    QVERIFY(engine::Workspace::open(path("first.headroom").toStdString()).scenario()->classes[1].qos.slo.ttlt ==
            engine::durationFromSeconds(60.0));

    // Save As refuses the open file and an existing one, and stays on the current workspace.
    QVERIFY(!workspace->saveWorkspaceAs(path("second.headroom"), &error));
    QVERIFY(!workspace->saveWorkspaceAs(path("first.headroom"), &error));
    QVERIFY2(error.contains(QStringLiteral("already exists")), qPrintable(error));
    QCOMPARE(workspace->filePath(), path("second.headroom"));

    // Reopening the first brings back its own setup.
    QVERIFY2(workspace->openWorkspace(path("first.headroom"), &error), qPrintable(error));
    QCOMPARE(window.classModel()->data(window.classModel()->index(1, ClassTableModel::Ttlt)).toDouble(), 60.0);
    QCOMPARE(window.classModel()->data(window.classModel()->index(0, ClassTableModel::Ttft)).toDouble(), 3.5);
  }

  void corruptWorkspaceIsRefusedAndThePreviousStaysOpen() {
    MainWindow window;
    WorkspaceController* workspace = window.workspaceController();
    QString error;
    QVERIFY2(workspace->newWorkspace(path("kept.headroom"), &error), qPrintable(error));
    const QString title = window.windowTitle();

    // A real workspace with a damaged page.
    const std::filesystem::path damaged = path("damaged.headroom").toStdString();
    {
      engine::Workspace ws = engine::Workspace::create(damaged);
      const auto run = ws.beginRun("r", shortScenario(), std::nullopt);
      std::vector<engine::SeriesWindow> windows(200);
      for (int i = 0; i < 200; ++i) {
        windows[i].start = engine::timeFromSeconds(i);
        windows[i].end = engine::timeFromSeconds(i + 1);
        windows[i].classes.resize(3);
      }
      ws.appendSamples(run, windows, engine::Snapshot{});
    }
    {
      std::fstream file(damaged, std::ios::in | std::ios::out | std::ios::binary);
      file.seekp(2 * 4096);
      const std::string garbage(4096, '\x5a');
      file.write(garbage.data(), static_cast<std::streamsize>(garbage.size()));
    }

    QVERIFY(!workspace->openWorkspace(path("damaged.headroom"), &error));
    QVERIFY2(error.contains(QStringLiteral("damaged.headroom")) && error.contains(QStringLiteral("damaged")),
             qPrintable(error));
    QCOMPARE(workspace->filePath(), path("kept.headroom"));
    QCOMPARE(window.windowTitle(), title);
    QCOMPARE(window.classModel()->rowCount(), 3);

    // Through the recent list the same error reaches the operator in a message box.
    QSettings().setValue(QStringLiteral("workspace/recent"),
                         QStringList{path("damaged.headroom"), path("kept.headroom")});
    emit workspace->recentMenu()->aboutToShow();
    QAction* damagedEntry = nullptr;
    for (QAction* action : workspace->recentMenu()->actions()) {
      if (action->toolTip() == path("damaged.headroom")) damagedEntry = action;
    }
    QVERIFY(damagedEntry);
    QString shown;
    answerNextMessageBox(&shown);
    damagedEntry->trigger();
    QVERIFY2(shown.contains(QStringLiteral("damaged.headroom")), qPrintable(shown));
    QVERIFY(shown.contains(QStringLiteral("current one stays open")));
    QCOMPARE(workspace->filePath(), path("kept.headroom"));
    QVERIFY(workspace->workspace()->scenario());
  }

  void everyReplayIsARecordedRun() {
    MainWindow window;
    WorkspaceController* workspace = window.workspaceController();
    QString error;
    QVERIFY2(workspace->newWorkspace(path("runs.headroom"), &error), qPrintable(error));
    window.setScenario(shortScenario());
    window.bridge()->setSpeed(ReplaySpeed::Max);
    QTRY_COMPARE(engine::Workspace::open(path("runs.headroom").toStdString()).scenario()->name,
                 std::string("short"));

    window.bridge()->play();
    QTRY_VERIFY_WITH_TIMEOUT(window.bridge()->latest() &&
                                 window.bridge()->latest()->state == engine::RunnerState::Finished,
                             30000);
    QTRY_VERIFY(!workspace->recorder());
    auto runs = workspace->workspace()->runs();
    QCOMPARE(runs.size(), std::size_t{1});
    QCOMPARE(engine::toString(runs[0].status), engine::toString(engine::RunStatus::Finished));
    QVERIFY(runs[0].name.starts_with("short "));
    const auto record = workspace->workspace()->loadRun(runs[0].id);
    QVERIFY(record.totals.series->size() >= 8);
    QCOMPARE(record.totals.arrived, window.bridge()->latest()->metrics->arrived);

    // Play again starts a new replay and a new run; Stop ends it as stopped.
    window.bridge()->setSpeed(ReplaySpeed::RealTime);
    window.bridge()->play();
    QTRY_VERIFY(workspace->recorder());
    window.bridge()->stop();
    QTRY_VERIFY(!workspace->recorder());
    runs = workspace->workspace()->runs();
    QCOMPARE(runs.size(), std::size_t{2});
    QCOMPARE(engine::toString(runs[0].status), engine::toString(engine::RunStatus::Stopped));
  }

  // A plan is stored with its inputs as soon as it is computed; Apply asks before it stops a replay in
  // progress, and the run it starts links the stored plan, so the report has the plan.
  void plansAreStoredAndAppliedRunsLinkThem() {
    QTemporaryDir curves;
    MainWindow window;
    ScriptedAnswer asked;
    window.setConfirmation(asked.confirmation());
    WorkspaceController* workspace = window.workspaceController();
    QString error;
    QVERIFY2(workspace->newWorkspace(path("plans.headroom"), &error), qPrintable(error));
    window.setScenario(test::plannableScenario());
    PlannerPanel* planner = window.plannerPanel();
    QVERIFY(planner);
    planner->setSweepOptions(test::quickSweep(curves));
    QSignalSpy planned(planner->task(), &PlannerTask::planned);
    planner->planButton()->click();
    QTRY_COMPARE_WITH_TIMEOUT(planned.count(), 1, kPlanTimeoutMs);

    const auto plans = workspace->workspace()->plans();
    QCOMPARE(plans.size(), std::size_t{1});
    QCOMPARE(planner->storedPlan(), std::optional<engine::PlanId>(plans[0].id));
    const auto stored = workspace->workspace()->loadPlan(plans[0].id);
    const auto& recommended = planner->outcome()->report.recommended;
    QCOMPARE(stored.at("instances_total").get<int>(), recommended.instancesTotal);
    // The inputs are the planned scenario with its modes: the file `headroom-cli plan` reads.
    const auto inputs = workspace->workspace()->loadPlanInputs(plans[0].id);
    QCOMPARE(inputs.at("name").get<std::string>(), std::string("plannable"));
    QCOMPARE(inputs.at("modes").size(), std::size_t{1});
    QCOMPARE(inputs.at("modes")[0].at("max_instances").get<int>(), 64);
    nlohmann::json scenarioPart = inputs;
    scenarioPart.erase("modes");
    QCOMPARE(engine::scenarioFromJson(scenarioPart, {}, engine::TraceFileCheck::Skipped).classes.size(), std::size_t{2});

    // A replay in progress: Apply asks, and declining leaves the replay and its pool alone.
    window.bridge()->setSpeed(ReplaySpeed::RealTime);
    window.bridge()->play();
    QTRY_VERIFY(window.bridge()->replayInProgress());
    QTRY_VERIFY(workspace->recorder());
    planner->applyButton()->click();
    QCOMPARE(asked.questions.size(), 1);
    QVERIFY2(asked.questions[0].contains(QStringLiteral("replay")), qPrintable(asked.questions[0]));
    QCOMPARE(window.bridge()->scenario().pool.instances, 1);
    QVERIFY(window.bridge()->replayInProgress());
    QVERIFY(!planner->verifyButton()->isEnabled());

    asked.answer = true;
    planner->applyButton()->click();
    QCOMPARE(asked.questions.size(), 2);
    QCOMPARE(window.bridge()->scenario().pool.instances, recommended.instancesTotal);
    QCOMPARE(workspace->appliedPlan(), std::optional<engine::PlanId>(plans[0].id));
    QTRY_VERIFY(!workspace->recorder());

    // The replay of the applied pool is a run that links the plan.
    window.bridge()->setSpeed(ReplaySpeed::Max);
    window.bridge()->play();
    QTRY_VERIFY_WITH_TIMEOUT(window.bridge()->latest() &&
                                 window.bridge()->latest()->state == engine::RunnerState::Finished,
                             60000);
    QTRY_VERIFY(!workspace->recorder());
    const auto runs = workspace->workspace()->runs();
    QCOMPARE(runs.size(), std::size_t{2});
    QVERIFY(!runs[1].planId);  // the replay before Apply
    QCOMPARE(runs[0].planId, std::optional<engine::PlanId>(plans[0].id));
    const auto record = workspace->workspace()->loadRun(runs[0].id);
    QVERIFY(record.plan);
    QCOMPARE(*record.plan, stored);
    QCOMPARE(runs[0].instances, recommended.instancesTotal);

    // Applied in another workspace, the plan shown is stored there and linked by that workspace's id.
    QVERIFY2(workspace->newWorkspace(path("plans-other.headroom"), &error), qPrintable(error));
    QVERIFY(!workspace->appliedPlan());
    QVERIFY(!planner->storedPlan());
    planner->applyButton()->click();
    const auto otherPlans = workspace->workspace()->plans();
    QCOMPARE(otherPlans.size(), std::size_t{1});
    QCOMPARE(workspace->appliedPlan(), std::optional<engine::PlanId>(otherPlans[0].id));
    QCOMPARE(workspace->workspace()->loadPlan(otherPlans[0].id), stored);
  }

  // Opening a scenario file replaces the workspace's setup only when the operator agrees.
  void openScenarioAsksBeforeReplacingTheSetup() {
    MainWindow window;
    ScriptedAnswer asked;
    window.setConfirmation(asked.confirmation());
    WorkspaceController* workspace = window.workspaceController();
    QString error;
    QVERIFY2(workspace->newWorkspace(path("setup.headroom"), &error), qPrintable(error));
    const std::string before = window.bridge()->scenario().name;
    const QString file = test::writeFile(dir_, QStringLiteral("other.json"),
                                         QByteArray::fromStdString(engine::scenarioToJson(shortScenario()).dump()));
    QVERIFY(!file.isEmpty());

    QVERIFY(!window.replaceSetupWithScenario(file, &error));
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(asked.questions.size(), 1);
    QVERIFY2(asked.questions[0].contains(QStringLiteral("other.json")) &&
                 asked.questions[0].contains(QStringLiteral("setup.headroom")),
             qPrintable(asked.questions[0]));
    QCOMPARE(window.bridge()->scenario().name, before);
    QCOMPARE(workspace->workspace()->scenario()->name, before);

    asked.answer = true;
    QVERIFY2(window.replaceSetupWithScenario(file, &error), qPrintable(error));
    QCOMPARE(asked.questions.size(), 2);
    QCOMPARE(window.bridge()->scenario().name, std::string("short"));
    QTRY_COMPARE(engine::Workspace::open(path("setup.headroom").toStdString()).scenario()->name,
                 std::string("short"));
  }

  void recentListKeepsEightExistingFiles() {
    QSettings().remove(QStringLiteral("workspace"));
    MainWindow window;
    WorkspaceController* workspace = window.workspaceController();
    QString error;
    for (int i = 0; i < 10; ++i) {
      QVERIFY2(workspace->newWorkspace(path(QStringLiteral("recent%1.headroom").arg(i)), &error), qPrintable(error));
    }
    QStringList recent = workspace->recentFiles();
    QCOMPARE(recent.size(), WorkspaceController::kMaxRecent);
    QCOMPARE(recent.front(), path(QStringLiteral("recent9.headroom")));
    QVERIFY(QFile::remove(path(QStringLiteral("recent8.headroom"))));
    recent = workspace->recentFiles();
    QCOMPARE(recent.size(), WorkspaceController::kMaxRecent - 1);
    QVERIFY(!recent.contains(path(QStringLiteral("recent8.headroom"))));
    emit workspace->recentMenu()->aboutToShow();
    int entries = 0;
    for (QAction* action : workspace->recentMenu()->actions()) entries += action->toolTip().endsWith(".headroom");
    QCOMPARE(entries, WorkspaceController::kMaxRecent - 1);
  }

  void firstStartCreatesTheDemoWorkspace() {
    QSettings().remove(QStringLiteral("workspace"));
    QFile::remove(WorkspaceController::demoWorkspacePath());
    {
      MainWindow window;
      QString warning;
      QVERIFY2(window.workspaceController()->openStartupWorkspace(&warning), qPrintable(warning));
      QVERIFY(warning.isEmpty());
      QCOMPARE(window.workspaceController()->filePath(), WorkspaceController::demoWorkspacePath());
      QCOMPARE(QString::fromStdString(window.bridge()->scenario().name), QStringLiteral("demo"));
      QVERIFY(window.windowTitle().contains(QStringLiteral("demo.headroom")));
    }
    // The next start opens the last workspace again; a vanished one falls back to the demo with a warning.
    QString error;
    {
      MainWindow window;
      QVERIFY(window.workspaceController()->newWorkspace(path("last.headroom"), &error));
    }
    {
      MainWindow window;
      QString warning;
      QVERIFY(window.workspaceController()->openStartupWorkspace(&warning));
      QCOMPARE(window.workspaceController()->filePath(), path("last.headroom"));
    }
    QVERIFY(QFile::remove(path("last.headroom")));
    MainWindow window;
    QString warning;
    QVERIFY(window.workspaceController()->openStartupWorkspace(&warning));
    QVERIFY2(warning.contains(QStringLiteral("last.headroom")), qPrintable(warning));
    QCOMPARE(window.workspaceController()->filePath(), WorkspaceController::demoWorkspacePath());
  }
};

QTEST_MAIN(TestWorkspaceUi)
#include "tst_workspace_ui.moc"
