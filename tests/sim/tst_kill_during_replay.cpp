#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>
#include <sys/wait.h>
#include <unistd.h>

#include <thread>

#include "engine/sim/replay_runner.h"
#include "engine/sim/simulation.h"
#include "engine/store/run_recorder.h"
#include "engine/store/workspace.h"
#include "support/test_scenarios.h"

using namespace headroom::engine;
using namespace std::chrono_literals;

namespace {

constexpr double kSpeed = 20.0;
constexpr std::size_t kWindowsBeforeKill = 20;

using headroom::test::demoScenario;

// The forked process: replays the demo at kSpeed and records it like the console does, until killed.
[[noreturn]] void replayAndRecord(const std::filesystem::path& file) {
  try {
    const Scenario scenario = demoScenario();
    ReplayRunner runner(scenario, ReplayOptions{});
    runner.setSpeed(kSpeed);
    RunRecorder recorder(file, "killed mid-run", scenario, std::nullopt, 200ms);
    runner.play();
    for (;;) {
      if (const auto view = runner.latest(); view && view->metrics) recorder.record(view->metrics);
      std::this_thread::sleep_for(20ms);
    }
  } catch (...) {
    _exit(3);
  }
}

}  // namespace

class TestKillDuringReplay : public QObject {
  Q_OBJECT

 private:
  QTemporaryDir dir_;

 private slots:
  void initTestCase() { QVERIFY(dir_.isValid()); }

  void killedReplayLeavesAnInterruptedRunUpToItsLastSave() {
    const auto file = std::filesystem::path(dir_.path().toStdString()) / "killed.headroom";
    Workspace::create(file).saveScenario(demoScenario());

    const pid_t child = fork();
    QVERIFY(child >= 0);
    if (child == 0) replayAndRecord(file);

    std::size_t seen = 0;
    RunId run = 0;
    {
      Workspace reader = Workspace::open(file);
      QElapsedTimer timer;
      timer.start();
      while (seen < kWindowsBeforeKill && timer.elapsed() < 60'000) {
        std::this_thread::sleep_for(50ms);
        const auto runs = reader.runs();
        if (runs.empty()) continue;
        QCOMPARE(toString(runs.front().status), toString(RunStatus::Running));
        run = runs.front().id;
        seen = reader.loadRun(run).totals.series->size();
      }
    }
    QCOMPARE(::kill(child, SIGKILL), 0);
    int status = 0;
    QCOMPARE(waitpid(child, &status, 0), child);
    QVERIFY2(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL, "the replay ended before it was killed");
    QVERIFY2(seen >= kWindowsBeforeKill, "the recorder saved too few windows within a minute");

    Workspace reopened = Workspace::open(file);
    QVERIFY(reopened.scenario());
    const RunRecord record = reopened.loadRun(run);
    QCOMPARE(toString(record.summary.status), toString(RunStatus::Interrupted));
    const MetricsSeries& stored = *record.totals.series;
    QVERIFY(stored.size() >= seen);
    QCOMPARE(stored.front().start, kTimeZero);
    for (std::size_t i = 1; i < stored.size(); ++i) QCOMPARE(stored[i].start, stored[i - 1].end);
    QVERIFY(record.summary.simulatedS >= toSeconds(stored.back().end));
    QCOMPARE(record.totals.classes.size(), std::size_t{3});

    // The replay is deterministic: every saved window is exactly what an uninterrupted replay has there.
    Simulation reference(demoScenario(), ReplayOptions{});
    reference.runUntil(stored.back().end);
    const auto expected = reference.snapshot()->series;
    QVERIFY(expected->size() >= stored.size());
    for (std::size_t i = 0; i < stored.size(); ++i) {
      QVERIFY2(stored[i] == (*expected)[i], ("window " + std::to_string(i)).c_str());
    }
    std::int64_t windowArrivals = 0;
    for (const SeriesWindow& window : stored) {
      for (const WindowClassStats& c : window.classes) windowArrivals += c.arrivals;
    }
    QVERIFY(record.totals.arrived >= windowArrivals);
    QVERIFY(windowArrivals > 0);
  }
};

QTEST_GUILESS_MAIN(TestKillDuringReplay)
#include "tst_kill_during_replay.moc"
