// Progress and cancellation of the planner's long jobs: curve measurement and verification by replay.
#include <QtTest>

#include <QTemporaryDir>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <thread>

#include "solver/curve_measurement.h"
#include "solver/planner.h"
#include "solver/planning_scenario.h"
#include "solver/sweep_control.h"

using namespace headroom::solver;

namespace {

QByteArray scenarioText(double durationS = 600.0) {
  return QByteArray(R"({
    "name": "small", "seed": 3, "duration_s": )") + QByteArray::number(durationS) + R"(,
    "executor": {"kind": "constant", "iteration_s": 0.05},
    "scheduler": {"policy": "priority", "chunking": "fixed:256"},
    "modes": [{"name": "slow", "iteration_s": 0.05}, {"name": "fast", "iteration_s": 0.02, "cost": 2}],
    "classes": [
      {"name": "chat", "rank": 0, "slo": {"ttft_s": 1.0, "percentile": 95},
       "arrival": {"process": "poisson", "rate_per_s": 20.0},
       "prompt_tokens": 100, "output_tokens": 8},
      {"name": "batch", "rank": 1, "slo": {"ttlt_s": 30, "percentile": 95},
       "arrival": {"process": "poisson", "rate_per_s": 8.0},
       "prompt_tokens": 400, "output_tokens": 8}
    ]})";
}

PlanningScenario writeAndLoad(const QTemporaryDir& dir, const QByteArray& text) {
  const QString path = dir.filePath("s.json");
  QFile file(path);
  if (!file.open(QIODevice::WriteOnly)) return {};
  file.write(text);
  file.close();
  return loadPlanningScenario(path.toStdString());
}

std::size_t filesUnder(const std::filesystem::path& dir) {
  std::error_code error;
  std::size_t count = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir, error)) {
    count += entry.is_regular_file() ? 1 : 0;
  }
  return count;
}

// Short replay windows keep each replay quick; the shape of the sweep is the same.
CurveSweepOptions shortSweep() {
  CurveSweepOptions options;
  options.minWindowS = 120.0;
  options.maxWindowS = 300.0;
  options.refinements = 2;
  options.shapePoints = 2;
  return options;
}

}  // namespace

class TestSweepControl : public QObject {
  Q_OBJECT

 private slots:
  void progressCountsEveryReplayOverAllModes() {
    QTemporaryDir dir;
    const PlanningScenario planning = writeAndLoad(dir, scenarioText());
    CurveSweepOptions options = shortSweep();
    options.cacheDir = dir.filePath("cache").toStdString();
    std::vector<SweepProgress> steps;
    SweepControl control;
    control.progress = [&](const SweepProgress& step) { steps.push_back(step); };
    std::int32_t replays = 0;
    const PlanningInput input = planningInputFromScenario(planning, options, control, &replays);
    QCOMPARE(input.modes.size(), std::size_t{2});
    QCOMPARE(static_cast<std::int32_t>(steps.size()), replays);
    for (std::size_t i = 0; i < steps.size(); ++i) {
      QCOMPARE(steps[i].pointsMeasured, static_cast<std::int32_t>(i + 1));
      QVERIFY(steps[i].pointsExpected >= steps[i].pointsMeasured);
      QVERIFY(!steps[i].message.empty());
    }
    // Before the first class is done the total covers both modes' searches.
    QVERIFY(steps.front().pointsExpected >= 4 * (options.refinements + options.shapePoints));
    QCOMPARE(steps.back().pointsExpected, steps.back().pointsMeasured);

    // A second run reads both modes from the cache: no replay, and the total drops to nothing.
    steps.clear();
    replays = 0;
    planningInputFromScenario(planning, options, control, &replays);
    QCOMPARE(replays, 0);
    QCOMPARE(steps.size(), std::size_t{2});
    QCOMPARE(steps.back().pointsExpected, 0);
  }

  void cancelStopsTheSweepAndCachesNothing() {
    QTemporaryDir dir;
    const PlanningScenario planning = writeAndLoad(dir, scenarioText());
    CurveSweepOptions options = shortSweep();
    options.cacheDir = dir.filePath("cache").toStdString();
    std::atomic<bool> cancel{false};
    std::int32_t seen = 0;
    SweepControl control;
    control.cancel = &cancel;
    control.progress = [&](const SweepProgress& step) {
      seen = step.pointsMeasured;
      if (step.pointsMeasured == 3) cancel = true;
    };
    QVERIFY_THROWS_EXCEPTION(SweepCancelled, planningInputFromScenario(planning, options, control));
    QCOMPARE(seen, 3);
    QCOMPARE(filesUnder(dir.filePath("cache").toStdString()), std::size_t{0});
  }

  void cancelFromAnotherThreadInterruptsAReplay() {
    // One mode and long windows: each replay takes a while, so the flag must be seen inside one.
    QTemporaryDir dir;
    const PlanningScenario planning = writeAndLoad(dir, scenarioText());
    CurveSweepOptions options;
    options.useCache = false;
    options.minWindowS = 200000.0;
    options.maxWindowS = 200000.0;
    options.startRatePerS = 40.0;
    std::atomic<bool> cancel{false};
    SweepControl control;
    control.cancel = &cancel;
    std::thread canceller([&] {
      std::this_thread::sleep_for(std::chrono::milliseconds(300));
      cancel = true;
    });
    const auto start = std::chrono::steady_clock::now();
    bool cancelled = false;
    try {
      measureClassCurves(planning.scenario, planning.modes[0], planningClasses(planning), options, control);
    } catch (const SweepCancelled&) {
      cancelled = true;
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    canceller.join();
    QVERIFY(cancelled);
    QVERIFY2(seconds < 3.0, qPrintable(QString("took %1 s to stop").arg(seconds)));
  }

  void verificationReportsAndCancels() {
    QTemporaryDir dir;
    const PlanningScenario planning = writeAndLoad(dir, scenarioText());
    CurveSweepOptions options = shortSweep();
    options.cacheDir = dir.filePath("cache").toStdString();
    const PlanningInput input = planningInputFromScenario(planning, options);
    const PlanReport report = planCapacity(input, PlanOptions{});
    QVERIFY(report.recommended.solutionFound);
    std::vector<SweepProgress> steps;
    SweepControl control;
    control.progress = [&](const SweepProgress& step) { steps.push_back(step); };
    const Verification verification = verifyPlan(planning, input, report.recommended, control);
    QCOMPARE(static_cast<std::int32_t>(steps.size()), verification.replays);
    QCOMPARE(steps.back().pointsMeasured, steps.back().pointsExpected);

    std::atomic<bool> cancel{true};
    control.cancel = &cancel;
    QVERIFY_THROWS_EXCEPTION(SweepCancelled, verifyPlan(planning, input, report.recommended, control));
  }
};

QTEST_GUILESS_MAIN(TestSweepControl)
#include "tst_sweep_control.moc"
