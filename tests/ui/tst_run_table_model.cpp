// The runs table, the comparison model and dialog, and the runs panel over a run source without a
// workspace: model conformance, what each cell shows, selection-driven actions, export and errors.
#include <QAbstractItemModelTester>
#include <QAction>
#include <QFile>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

#include <QFont>

#include <algorithm>
#include <map>
#include <stdexcept>

#include "support/run_records.h"
#include "ui/dialogs/run_compare_dialog.h"
#include "ui/models/run_comparison_model.h"
#include "ui/models/run_table_model.h"
#include "ui/report/setting_changes.h"
#include "ui/widgets/runs_panel.h"

using namespace headroom;
using namespace headroom::ui;

namespace {

engine::RunSummary summary(engine::RunId id, const std::string& name, engine::RunStatus status, double simulatedS) {
  engine::RunSummary s;
  s.id = id;
  s.name = name;
  s.scenarioName = "demo";
  s.startedAtUtc = "2026-11-21T14:0" + std::to_string(id) + ":00Z";
  s.simulatedS = simulatedS;
  s.durationS = 600.0;
  s.status = status;
  return s;
}

// Two small classes; run b is `b` with attainment, goodput and latency set by hand.
engine::RunRecord handRun(engine::RunId id, const std::string& name, double attainment, std::int64_t sloMet,
                          double watchedS) {
  engine::RunRecord run;
  run.summary = summary(id, name, engine::RunStatus::Finished, 610.0);
  for (int c = 0; c < 2; ++c) {
    engine::ClassSnapshot cls;
    cls.name = c == 0 ? "chat" : "batch";
    if (c == 0) {
      cls.slo.ttft = std::chrono::seconds(2);
    } else {
      cls.slo.ttlt = std::chrono::seconds(60);
      cls.slo.percentile = 95.0;
    }
    cls.completed = 100;
    cls.sloMet = sloMet;
    cls.attainment = attainment;
    auto& stats = c == 0 ? cls.ttft : cls.ttlt;
    stats.count = 100;
    stats.watchedS = watchedS * (c + 1);
    run.totals.classes.push_back(cls);
  }
  return run;
}

}  // namespace

class TestRunTableModel : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() { QLocale::setDefault(QLocale::c()); }

  void passesTheModelTester() {
    RunTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRuns({summary(3, "c", engine::RunStatus::Running, 10), summary(2, "b", engine::RunStatus::Finished, 600)});
    QCOMPARE(model.rowCount(), 2);
    model.setRuns({});
    QCOMPARE(model.rowCount(), 0);
  }

  void showsEachRun() {
    RunTableModel model;
    model.setRuns({summary(4, "interrupted one", engine::RunStatus::Interrupted, 123.4),
                   summary(2, "done", engine::RunStatus::Finished, 612.0)});
    QCOMPARE(model.data(model.index(0, RunTableModel::Id)).toString(), QStringLiteral("4"));
    QCOMPARE(model.data(model.index(0, RunTableModel::Name)).toString(), QStringLiteral("interrupted one"));
    QCOMPARE(model.data(model.index(0, RunTableModel::Scenario)).toString(), QStringLiteral("demo"));
    QCOMPARE(model.data(model.index(0, RunTableModel::Started)).toString(), QStringLiteral("2026-11-21 14:04:00 UTC"));
    QCOMPARE(model.data(model.index(0, RunTableModel::Status)).toString(), QStringLiteral("interrupted"));
    QCOMPARE(model.data(model.index(0, RunTableModel::VirtualTime)).toString(), QStringLiteral("123 / 600 s"));
    QVERIFY(model.data(model.index(0, RunTableModel::Status), Qt::ForegroundRole).isValid());
    QVERIFY(!model.data(model.index(0, RunTableModel::Status), Qt::ToolTipRole).toString().isEmpty());
    QCOMPARE(model.data(model.index(1, RunTableModel::Status)).toString(), QStringLiteral("finished"));
    QVERIFY(!model.data(model.index(1, RunTableModel::Status), Qt::ForegroundRole).isValid());
    QCOMPARE(model.headerData(RunTableModel::Status, Qt::Horizontal).toString(), QStringLiteral("Status"));
    QCOMPARE(model.rowOf(2), 1);
    QCOMPARE(model.rowOf(99), -1);
    QCOMPARE(model.runAt(1)->name, std::string("done"));
    QVERIFY(!model.runAt(2));
  }

  // Beside each run: its overall attainment, the pool's instance count and the ordering policy.
  void showsAttainmentInstancesAndPolicy() {
    RunTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    auto planned = summary(5, "planned", engine::RunStatus::Finished, 600.0);
    planned.attainment = 0.987;
    planned.instances = 3;
    planned.policy = "priority";
    planned.planId = 2;
    auto fresh = summary(4, "fresh", engine::RunStatus::Running, 0.0);
    fresh.instances = 1;
    fresh.policy = "hybrid";
    model.setRuns({planned, fresh});
    const auto text = [&](int row, int column) { return model.data(model.index(row, column)).toString(); };
    QCOMPARE(model.headerData(RunTableModel::Attainment, Qt::Horizontal).toString(), QStringLiteral("Attainment"));
    QCOMPARE(model.headerData(RunTableModel::Instances, Qt::Horizontal).toString(), QStringLiteral("Instances"));
    QCOMPARE(model.headerData(RunTableModel::Policy, Qt::Horizontal).toString(), QStringLiteral("Policy"));
    QCOMPARE(text(0, RunTableModel::Attainment), QStringLiteral("98.7 %"));
    QCOMPARE(text(0, RunTableModel::Instances), QStringLiteral("3"));
    QCOMPARE(text(0, RunTableModel::Policy), QStringLiteral("priority"));
    QVERIFY(model.data(model.index(0, RunTableModel::Instances), Qt::ToolTipRole).toString().contains(QStringLiteral("2")));
    QCOMPARE(text(1, RunTableModel::Attainment), QStringLiteral("—"));
    QCOMPARE(text(1, RunTableModel::Policy), QStringLiteral("hybrid"));
    QVERIFY(model.data(model.index(1, RunTableModel::Instances), Qt::ToolTipRole).toString().isEmpty());
  }

  void comparisonModelShowsBothRunsAndTheDifference() {
    RunComparisonModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const auto a = handRun(1, "before", 0.90, 540, 1.5);
    const auto b = handRun(2, "after", 0.995, 600, 0.25);
    model.setComparison(compareRuns(a, b));
    QCOMPARE(model.rowCount(), 3);  // two classes and all classes
    const auto text = [&](int row, int column) { return model.data(model.index(row, column)).toString(); };
    QCOMPARE(text(0, RunComparisonModel::Class), QStringLiteral("chat"));
    QCOMPARE(text(0, RunComparisonModel::Watched), QStringLiteral("TTFT p99"));
    QCOMPARE(text(1, RunComparisonModel::Watched), QStringLiteral("TTLT p95"));
    QCOMPARE(text(0, RunComparisonModel::AttainmentA), QStringLiteral("90.0 %"));
    QCOMPARE(text(0, RunComparisonModel::AttainmentB), QStringLiteral("99.5 %"));
    QCOMPARE(text(0, RunComparisonModel::AttainmentDelta), QStringLiteral("+9.5 pp"));
    // Goodput over the arrival window (600 s): 540 and 600 requests met.
    QCOMPARE(text(0, RunComparisonModel::GoodputA), QStringLiteral("0.90 req/s"));
    QCOMPARE(text(0, RunComparisonModel::GoodputB), QStringLiteral("1.00 req/s"));
    QCOMPARE(text(0, RunComparisonModel::GoodputDelta), QStringLiteral("+0.10 req/s"));
    QCOMPARE(text(0, RunComparisonModel::LatencyA), QStringLiteral("1.50 s"));
    QCOMPARE(text(0, RunComparisonModel::LatencyB), QStringLiteral("250 ms"));
    QCOMPARE(text(0, RunComparisonModel::LatencyDelta), QStringLiteral("−1.25 s"));
    QCOMPARE(text(1, RunComparisonModel::LatencyA), QStringLiteral("3.00 s"));
    QCOMPARE(text(1, RunComparisonModel::LatencyDelta), QStringLiteral("−2.50 s"));
    // b is better everywhere: green; the reverse comparison is red.
    const auto colour = [&](int row, int column) {
      return model.data(model.index(row, column), Qt::ForegroundRole).value<QBrush>().color();
    };
    const QColor better = colour(0, RunComparisonModel::AttainmentDelta);
    QCOMPARE(colour(0, RunComparisonModel::LatencyDelta), better);
    model.setComparison(compareRuns(b, a));
    QVERIFY(colour(0, RunComparisonModel::LatencyDelta) != better);
    QCOMPARE(text(0, RunComparisonModel::AttainmentDelta), QStringLiteral("−9.5 pp"));
    QVERIFY(model.headerData(RunComparisonModel::AttainmentA, Qt::Horizontal, Qt::ToolTipRole)
                .toString()
                .contains(QStringLiteral("after")));
  }

  void compareDialogShowsTheRuns() {
    RunCompareDialog dialog(handRun(1, "before", 0.9, 540, 1.5), handRun(2, "after", 0.995, 600, 0.25));
    QVERIFY(dialog.headingText().contains(QStringLiteral("a: before (id 1")));
    QVERIFY(dialog.headingText().contains(QStringLiteral("b: after (id 2")));
    QCOMPARE(dialog.view()->model(), dialog.model());
    QCOMPARE(dialog.model()->rowCount(), 3);
    QCOMPARE(dialog.model()->data(dialog.model()->index(1, RunComparisonModel::AttainmentDelta)).toString(),
             QStringLiteral("+9.5 pp"));
    QCOMPARE(dialog.changesText(), QStringLiteral("Both runs ran with the same settings."));
  }

  // The last row is every class together: attainment over all completed requests, goodput of all.
  void comparisonHasAnAllClassesRow() {
    RunComparisonModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    auto a = handRun(1, "before", 0.90, 540, 1.5);
    auto b = handRun(2, "after", 0.995, 600, 0.25);
    a.totals.completed = 200;
    a.totals.sloMet = 150;
    b.totals.completed = 200;
    b.totals.sloMet = 190;
    model.setComparison(compareRuns(a, b));
    const int all = model.allClassesRow();
    QCOMPARE(all, 2);
    const auto text = [&](int column) { return model.data(model.index(all, column)).toString(); };
    QCOMPARE(text(RunComparisonModel::Class), QStringLiteral("All classes"));
    QCOMPARE(text(RunComparisonModel::AttainmentA), QStringLiteral("75.0 %"));
    QCOMPARE(text(RunComparisonModel::AttainmentB), QStringLiteral("95.0 %"));
    QCOMPARE(text(RunComparisonModel::AttainmentDelta), QStringLiteral("+20.0 pp"));
    QCOMPARE(text(RunComparisonModel::GoodputA), QStringLiteral("0.25 req/s"));  // 150 over 600 s
    QCOMPARE(text(RunComparisonModel::GoodputB), QStringLiteral("0.32 req/s"));
    QCOMPARE(text(RunComparisonModel::LatencyDelta), QStringLiteral("—"));
    QVERIFY(model.data(model.index(all, RunComparisonModel::Class), Qt::FontRole).value<QFont>().bold());
    model.setComparison(RunComparison{});
    QCOMPARE(model.rowCount(), 0);
  }

  // Compare says which settings changed from run a to run b, class settings included.
  void compareDialogSaysWhatChanged() {
    auto a = handRun(1, "before", 0.9, 540, 1.5);
    auto b = handRun(2, "after", 0.995, 600, 0.25);
    a.scenario = test::reportScenario(2, 600.0, 1.0);
    b.scenario = a.scenario;
    b.scenario.pool.instances = 3;
    b.scenario.scheduler.policy = engine::OrderingPolicy::Edf;
    b.scenario.classes[1].arrival.ratePerS = 2.5;
    b.scenario.classes[1].qos.slo.ttlt = std::chrono::seconds(8);
    RunCompareDialog dialog(a, b);
    const QString changes = dialog.changesText();
    QVERIFY2(changes.contains(QStringLiteral("Instances: 2 → 3")), qPrintable(changes));
    QVERIFY2(changes.contains(QStringLiteral("Scheduler policy: hybrid → edf")), qPrintable(changes));
    QVERIFY2(changes.contains(QStringLiteral("batch-1: arrival rate: 1.00 req/s → 2.50 req/s")), qPrintable(changes));
    QVERIFY2(changes.contains(QStringLiteral("batch-1: SLO: ")), qPrintable(changes));
    QVERIFY2(!changes.contains(QStringLiteral("chat-0")), qPrintable(changes));
    QVERIFY2(!changes.contains(QStringLiteral("Seed")), qPrintable(changes));

    // A class only one run has shows as absent on the other side.
    b.scenario.classes.pop_back();
    const auto removed = settingChanges(a, b);
    const auto rank = std::find_if(removed.begin(), removed.end(),
                                   [](const SettingChange& c) { return c.label == QStringLiteral("batch-1: rank"); });
    QVERIFY(rank != removed.end());
    QCOMPARE(rank->valueA, QStringLiteral("1"));
    QCOMPARE(rank->valueB, QStringLiteral("—"));
  }

  void panelComparesAndExportsSelectedRuns() {
    std::map<engine::RunId, engine::RunRecord> stored;
    stored[1] = test::replayedRun(test::reportScenario(2, 20.0, 2.0), 1, "light");
    stored[2] = test::replayedRun(test::reportScenario(2, 20.0, 2.0), 2, "heavy", 4.0);
    stored[3] = stored[1];
    stored[3].summary.id = 3;
    stored[3].summary.name = "missing";
    int loads = 0;
    RunSource source;
    source.list = [&] {
      std::vector<engine::RunSummary> runs;
      for (auto it = stored.rbegin(); it != stored.rend(); ++it) runs.push_back(it->second.summary);
      return runs;
    };
    source.load = [&](engine::RunId id) {
      ++loads;
      if (id == 3) throw std::out_of_range("run 3 is not in the workspace");
      return stored.at(id);
    };
    RunsPanel panel(source);
    QCOMPARE(panel.model()->rowCount(), 3);
    QCOMPARE(panel.model()->runAt(0)->id, engine::RunId{3});  // newest first, as listed
    QVERIFY(!panel.compareAction()->isEnabled());
    QVERIFY(!panel.exportAction()->isEnabled());

    auto* selection = panel.view()->selectionModel();
    selection->select(panel.model()->index(panel.model()->rowOf(2), 0),
                      QItemSelectionModel::Select | QItemSelectionModel::Rows);
    QVERIFY(!panel.compareAction()->isEnabled());
    QVERIFY(panel.exportAction()->isEnabled());
    selection->select(panel.model()->index(panel.model()->rowOf(1), 0),
                      QItemSelectionModel::Select | QItemSelectionModel::Rows);
    QCOMPARE(panel.selectedRuns(), (std::vector<engine::RunId>{1, 2}));
    QVERIFY(panel.compareAction()->isEnabled());

    RunCompareDialog* dialog = panel.openComparison(1, 2);
    QVERIFY(dialog);
    const auto& rows = dialog->model()->comparison().classes;
    QCOMPARE(rows.size(), std::size_t{2});
    QCOMPARE(*rows[0].goodputPerSA, static_cast<double>(stored[1].totals.classes[0].sloMet) / 20.0);
    QCOMPARE(*rows[0].goodputPerSB, static_cast<double>(stored[2].totals.classes[0].sloMet) / 20.0);
    QVERIFY(*rows[0].goodputPerSB > 3.0 * *rows[0].goodputPerSA);  // four times the load, mostly met
    dialog->close();

    QTemporaryDir dir;
    QSignalSpy exported(&panel, &RunsPanel::exported);
    QSignalSpy failed(&panel, &RunsPanel::failed);
    const QString html = dir.filePath(QStringLiteral("heavy.html"));
    QVERIFY(panel.exportReport(2, engine::RunId{1}, html));
    QCOMPARE(exported.size(), 1);
    QVERIFY(QFile(html).size() > 1000);
    QVERIFY(panel.statusText().contains(QStringLiteral("heavy.html")));
    const QString pdf = dir.filePath(QStringLiteral("light.pdf"));
    QVERIFY(panel.exportReport(1, std::nullopt, pdf));
    QFile file(pdf);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.readAll().startsWith("%PDF-"));

    // Errors: a run that cannot be loaded, a suffix no writer knows.
    QVERIFY(!panel.exportReport(3, std::nullopt, dir.filePath(QStringLiteral("x.pdf"))));
    QCOMPARE(failed.size(), 1);
    QVERIFY(failed.back().front().toString().contains(QStringLiteral("run 3 is not in the workspace")));
    QVERIFY(!panel.openComparison(1, 3));
    QCOMPARE(failed.size(), 2);
    const QString odd = dir.filePath(QStringLiteral("light.docx"));
    QVERIFY(!panel.exportReport(1, std::nullopt, odd));
    QVERIFY(panel.statusText().contains(odd));
    QVERIFY(!QFile::exists(odd));
    QCOMPARE(exported.size(), 2);

    // Without a workspace the panel lists nothing and offers nothing.
    panel.setSource({});
    QCOMPARE(panel.model()->rowCount(), 0);
    QVERIFY(!panel.exportAction()->isEnabled());
    QVERIFY(loads > 0);
  }
};

QTEST_MAIN(TestRunTableModel)
#include "tst_run_table_model.moc"
