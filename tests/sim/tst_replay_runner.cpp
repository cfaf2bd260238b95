// The threaded runner a live console drives: play, pause, step, speed, live SLO edits, stop.
#include <QtTest>

#include <chrono>
#include <thread>

#include "engine/sim/replay_runner.h"
#include "support/wait_for.h"
#include "support/test_scenarios.h"

using namespace headroom::engine;
using namespace std::chrono_literals;

namespace {

Scenario smallScenario(double durationS) {
  return headroom::test::oneClassScenario({.name = "runner", .seed = 2, .durationS = durationS, .ratePerS = 20.0});
}

using headroom::test::waitFor;

}  // namespace

class TestReplayRunner : public QObject {
  Q_OBJECT

 private slots:
  void startsPausedAndStepsExactly() {
    ReplayRunner runner(smallScenario(60.0), ReplayOptions{});
    QVERIFY(runner.latest()->state == RunnerState::Paused);
    QCOMPARE(runner.latest()->simulatedS, 0.0);
    std::this_thread::sleep_for(50ms);
    QCOMPARE(runner.latest()->simulatedS, 0.0);  // paused means paused
    runner.step(std::chrono::seconds(5));
    const auto view = waitFor(runner, [](const RunnerView& v) { return v.simulatedS >= 5.0; });
    QCOMPARE(view->simulatedS, 5.0);
    QVERIFY(view->state == RunnerState::Paused);
    QVERIFY(view->metrics->arrived > 50);
    QCOMPARE(view->instances.size(), std::size_t{2});
  }

  void playsAsFastAsPossibleToTheEnd() {
    ReplayRunner runner(smallScenario(60.0), ReplayOptions{});
    runner.setSpeed(0.0);
    runner.play();
    const auto view = waitFor(runner, [](const RunnerView& v) { return v.state == RunnerState::Finished; });
    QVERIFY(view->state == RunnerState::Finished);
    QCOMPARE(view->progress, 1.0);
    QCOMPARE(view->metrics->completed, view->metrics->arrived);
    QVERIFY(view->metrics->arrived > 1000);
  }

  void realTimeSpeedFollowsTheWallClock() {
    ReplayRunner runner(smallScenario(600.0), ReplayOptions{});
    runner.setSpeed(10.0);
    runner.play();
    std::this_thread::sleep_for(400ms);
    runner.pause();
    const auto view = waitFor(runner, [](const RunnerView& v) { return v.state == RunnerState::Paused; });
    // 10x for ~0.4 s of wall time: a few virtual seconds, nowhere near the end.
    QVERIFY2(view->simulatedS > 2.0 && view->simulatedS < 10.0, qPrintable(QString::number(view->simulatedS)));
    const double pausedAt = view->simulatedS;
    std::this_thread::sleep_for(100ms);
    QCOMPARE(runner.latest()->simulatedS, pausedAt);
  }

  void classEditsApplyLive() {
    ReplayRunner runner(smallScenario(60.0), ReplayOptions{});
    Scenario scenario = smallScenario(60.0);
    QosClass impossible = scenario.classes[0].qos;
    impossible.slo.ttft = Duration{1};  // 1 us: nothing can meet it
    runner.setClasses({impossible});
    runner.setSpeed(0.0);
    runner.play();
    const auto view = waitFor(runner, [](const RunnerView& v) { return v.state == RunnerState::Finished; });
    QVERIFY(view->state == RunnerState::Finished);
    QCOMPARE(view->metrics->sloMet, std::int64_t{0});
    QCOMPARE(view->metrics->classes[0].slo.ttft, std::optional<Duration>(Duration{1}));
  }

  void stopIsFinal() {
    ReplayRunner runner(smallScenario(600.0), ReplayOptions{});
    runner.setSpeed(1.0);
    runner.play();
    runner.stop();
    const auto view = waitFor(runner, [](const RunnerView& v) { return v.state == RunnerState::Stopped; });
    QVERIFY(view->state == RunnerState::Stopped);
    runner.play();
    std::this_thread::sleep_for(50ms);
    QVERIFY(runner.latest()->state == RunnerState::Stopped);
  }
};

QTEST_GUILESS_MAIN(TestReplayRunner)
#include "tst_replay_runner.moc"
