#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QtTest>

#include <thread>

#include "engine/store/run_recorder.h"
#include "engine/store/workspace.h"
#include "support/wait_for.h"
#include "support/test_scenarios.h"

using namespace headroom::engine;
using namespace std::chrono_literals;

namespace {

using headroom::test::demoScenario;

SeriesWindow window(int second, std::size_t classes) {
  SeriesWindow w;
  w.start = timeFromSeconds(second);
  w.end = timeFromSeconds(second + 1);
  for (std::size_t i = 0; i < classes; ++i) {
    WindowClassStats c;
    c.arrivals = second + static_cast<std::int64_t>(i);
    c.completions = second;
    c.ttft = {0.25 + second / 1000.0, 0.5};
    w.classes.push_back(c);
  }
  return w;
}

// A snapshot at `seconds` of virtual time whose series holds the windows [0, seconds).
std::shared_ptr<const Snapshot> snapshotAt(int seconds, std::size_t classes = 3) {
  auto series = std::make_shared<MetricsSeries>();
  for (int s = 0; s < seconds; ++s) series->push_back(window(s, classes));
  auto snapshot = std::make_shared<Snapshot>();
  snapshot->time = timeFromSeconds(seconds + 0.25);
  snapshot->windowLength = Duration{1'000'000};
  snapshot->arrived = 10 * seconds;
  snapshot->completed = 9 * seconds;
  for (std::size_t i = 0; i < classes; ++i) {
    ClassSnapshot c;
    c.name = "c" + std::to_string(i);
    c.arrived = seconds;
    snapshot->classes.push_back(c);
  }
  snapshot->series = std::move(series);
  return snapshot;
}

using headroom::test::waitFor;

}  // namespace

class TestRunRecorder : public QObject {
  Q_OBJECT

 private:
  QTemporaryDir dir_;
  int counter_ = 0;

  std::filesystem::path freshWorkspace() {
    const auto file =
        std::filesystem::path(dir_.path().toStdString()) / ("rec" + std::to_string(++counter_) + ".headroom");
    Workspace::create(file);
    return file;
  }

 private slots:
  void initTestCase() { QVERIFY(dir_.isValid()); }

  void recordsWindowsAndTotalsUntilFinished() {
    const auto file = freshWorkspace();
    const PlanId plan = Workspace::open(file).savePlan("applied", nlohmann::json{{"instances", 3}});
    RunRecorder recorder(file, "demo run", demoScenario(), plan, 20ms);
    const auto run = recorder.waitUntilStarted();
    QVERIFY(run);
    for (int s = 1; s <= 30; ++s) {
      recorder.record(snapshotAt(s));
      std::this_thread::sleep_for(2ms);
    }
    const auto last = snapshotAt(37);
    recorder.record(last);
    recorder.finish(RunStatus::Finished);
    QVERIFY2(recorder.error().empty(), recorder.error().c_str());
    QCOMPARE(recorder.savedWindows(), std::int64_t{37});

    const RunRecord record = Workspace::open(file).loadRun(*run);
    QCOMPARE(toString(record.summary.status), toString(RunStatus::Finished));
    QCOMPARE(record.summary.name, std::string("demo run"));
    QCOMPARE(record.summary.simulatedS, 37.25);
    QCOMPARE(record.totals.arrived, last->arrived);
    QCOMPARE(record.totals.classes.size(), std::size_t{3});
    QVERIFY(*record.totals.series == *last->series);
    QCOMPARE((*record.plan)["instances"].get<int>(), 3);
    QCOMPARE(record.summary.planId, std::optional<PlanId>(plan));
  }

  void savesWhileRunningWithoutFinish() {
    const auto file = freshWorkspace();
    RunRecorder recorder(file, "live", demoScenario(), std::nullopt, 50ms);
    const auto run = recorder.waitUntilStarted();
    QVERIFY(run);
    recorder.record(snapshotAt(12));
    Workspace reader = Workspace::open(file);
    QVERIFY(waitFor([&] { return reader.loadRun(*run).totals.series->size() == 12; }));
    QCOMPARE(toString(reader.loadRun(*run).summary.status), toString(RunStatus::Running));
    recorder.record(snapshotAt(20));
    QVERIFY(waitFor([&] { return reader.loadRun(*run).totals.series->size() == 20; }));
    QCOMPARE(reader.loadRun(*run).summary.simulatedS, 20.25);
  }

  void savesAboutOncePerInterval() {
    const auto file = freshWorkspace();
    RunRecorder recorder(file, "paced", demoScenario(), std::nullopt, 300ms);
    QVERIFY(recorder.waitUntilStarted());
    QElapsedTimer timer;
    timer.start();
    int second = 0;
    while (timer.elapsed() < 1000) {
      recorder.record(snapshotAt(++second));
      std::this_thread::sleep_for(5ms);
    }
    const std::int64_t saves = recorder.saves();
    QVERIFY2(saves >= 1 && saves <= 5, std::to_string(saves).c_str());
    QVERIFY(second > 50);
  }

  void recordIsCheap() {
    const auto file = freshWorkspace();
    RunRecorder recorder(file, "cheap", demoScenario(), std::nullopt, 1000ms);
    const auto snapshot = snapshotAt(600, 8);
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < 100'000; ++i) recorder.record(snapshot);
    const double perCallUs = static_cast<double>(timer.nsecsElapsed()) / 1e3 / 100'000;
    qInfo("record(): %.3f us per call", perCallUs);
    QVERIFY2(perCallUs < 50.0, std::to_string(perCallUs).c_str());
  }

  void downsampledWindowsAreNotSavedTwice() {
    const auto file = freshWorkspace();
    RunRecorder recorder(file, "downsampled", demoScenario(), std::nullopt, 20ms);
    const auto run = recorder.waitUntilStarted();
    recorder.record(snapshotAt(3));
    QVERIFY(waitFor([&] { return recorder.savedWindows() == 3; }));
    // The collector merged [2, 3) and [3, 4) into [2, 4), then closed [4, 6) at the doubled resolution.
    auto merged = std::make_shared<Snapshot>(*snapshotAt(6));
    auto series = std::make_shared<MetricsSeries>();
    series->push_back(window(0, 3));
    series->push_back(window(1, 3));
    SeriesWindow pair = window(2, 3);
    pair.end = timeFromSeconds(4);
    series->push_back(pair);
    SeriesWindow later = window(4, 3);
    later.end = timeFromSeconds(6);
    series->push_back(later);
    merged->series = series;
    recorder.record(merged);
    recorder.finish(RunStatus::Stopped);
    const auto stored = Workspace::open(file).loadRun(*run).totals.series;
    QCOMPARE(stored->size(), std::size_t{4});
    QCOMPARE((*stored)[2], window(2, 3));
    QCOMPARE((*stored)[3], later);
  }

  void destructionFinishesAsStopped() {
    const auto file = freshWorkspace();
    std::optional<RunId> run;
    {
      RunRecorder recorder(file, "dropped", demoScenario(), std::nullopt, 1000ms);
      run = recorder.waitUntilStarted();
      recorder.record(snapshotAt(5));
    }
    QVERIFY(run);
    const RunRecord record = Workspace::open(file).loadRun(*run);
    QCOMPARE(toString(record.summary.status), toString(RunStatus::Stopped));
    QCOMPARE(record.totals.series->size(), std::size_t{5});
  }

  void finishWithoutSamples() {
    const auto file = freshWorkspace();
    RunRecorder recorder(file, "empty", demoScenario(), std::nullopt);
    recorder.finish(RunStatus::Failed);
    recorder.finish(RunStatus::Finished);
    const auto runs = Workspace::open(file).runs();
    QCOMPARE(runs.size(), std::size_t{1});
    QCOMPARE(toString(runs[0].status), toString(RunStatus::Failed));
    QCOMPARE(recorder.saves(), std::int64_t{0});
  }

  void unusableWorkspaceIsReported() {
    const auto file = std::filesystem::path(dir_.path().toStdString()) / "absent.headroom";
    RunRecorder recorder(file, "nowhere", demoScenario(), std::nullopt);
    QVERIFY(!recorder.waitUntilStarted());
    recorder.record(snapshotAt(2));
    recorder.finish(RunStatus::Finished);
    QVERIFY(recorder.error().find("no such file") != std::string::npos);
    QVERIFY(!std::filesystem::exists(file));
  }
};

QTEST_GUILESS_MAIN(TestRunRecorder)
#include "tst_run_recorder.moc"
