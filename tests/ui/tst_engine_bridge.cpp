// The bridge between the engine's runner and the widgets: views arrive on the UI thread through the
// frame timer; play, pause, step, speed, stop and restart drive the replay.
#include <QSignalSpy>
#include <QtTest>

#include "ui/bridge/engine_bridge.h"
#include "ui/bridge/log_forwarder.h"
#include "support/test_scenarios.h"

#include <spdlog/spdlog.h>

#include <cmath>
#include <thread>

using namespace headroom;
using namespace headroom::ui;

namespace {

engine::Scenario constantScenario(double durationS) {
  return test::oneClassScenario({.name = "ui-bridge", .seed = 4, .durationS = durationS, .ratePerS = 10.0});
}

}  // namespace

class TestEngineBridge : public QObject {
  Q_OBJECT

 private slots:
  void deliversViewsOnTheUiThread() {
    EngineBridge bridge;
    QVERIFY(!bridge.hasScenario());
    QSignalSpy views(&bridge, &EngineBridge::viewChanged);
    bridge.setScenario(constantScenario(600.0));
    QVERIFY(bridge.hasScenario());
    QVERIFY(bridge.latest());
    QVERIFY(bridge.latest()->state == engine::RunnerState::Paused);
    QCOMPARE(bridge.latest()->simulatedS, 0.0);
    QThread* uiThread = QThread::currentThread();
    bool offThread = false;
    connect(&bridge, &EngineBridge::viewChanged, this,
            [&](const ViewPtr&) { offThread = offThread || QThread::currentThread() != uiThread; });
    bridge.setSpeed(ReplaySpeed::Times100);
    bridge.play();
    // Several frames, however slow the machine: the count is waited for, not assumed from the time.
    QTRY_VERIFY_WITH_TIMEOUT(bridge.latest()->simulatedS > 5.0 && views.count() >= 3, 20000);
    QVERIFY(!offThread);
    const auto view = views.last().at(0).value<ViewPtr>();
    QVERIFY(view);
    QVERIFY(view->metrics->arrived > 0);
    QCOMPARE(view->instances.size(), std::size_t{2});
  }

  void playPauseAndStep() {
    EngineBridge bridge;
    bridge.setScenario(constantScenario(600.0));
    bridge.setSpeed(ReplaySpeed::Times10);
    QCOMPARE(bridge.speed(), ReplaySpeed::Times10);
    bridge.togglePlay();
    QTRY_VERIFY_WITH_TIMEOUT(bridge.playing(), 5000);
    QTRY_VERIFY_WITH_TIMEOUT(bridge.latest()->simulatedS > 1.0, 10000);
    bridge.togglePlay();
    QTRY_VERIFY_WITH_TIMEOUT(bridge.latest()->state == engine::RunnerState::Paused, 5000);
    const double pausedAt = bridge.latest()->simulatedS;
    QTest::qWait(200);
    QCOMPARE(bridge.latest()->simulatedS, pausedAt);  // paused means paused

    // Virtual time is whole microseconds; the view's seconds are a division of it, so pausedAt + 10.0
    // may differ from the stepped time in its last bit. Compare within half a microsecond.
    bridge.step(10.0);
    QTRY_VERIFY_WITH_TIMEOUT(bridge.latest()->simulatedS > pausedAt + 10.0 - 5e-7, 10000);
    QVERIFY2(std::abs(bridge.latest()->simulatedS - (pausedAt + 10.0)) < 5e-7,
             qPrintable(QString::number(bridge.latest()->simulatedS - pausedAt, 'g', 17)));
    QVERIFY(bridge.latest()->state == engine::RunnerState::Paused);
  }

  void speedSetsTheRate() {
    EngineBridge bridge;
    bridge.setScenario(constantScenario(3600.0));
    bridge.setSpeed(ReplaySpeed::RealTime);
    bridge.play();
    QTest::qWait(500);
    bridge.pause();
    QTRY_VERIFY_WITH_TIMEOUT(bridge.latest()->state == engine::RunnerState::Paused, 5000);
    const double realTimeS = bridge.latest()->simulatedS;
    QVERIFY2(realTimeS > 0.2 && realTimeS < 3.0, qPrintable(QString::number(realTimeS)));
    QCOMPARE(bridge.latest()->speed, 1.0);

    bridge.setSpeed(ReplaySpeed::Times100);
    bridge.play();
    QTest::qWait(500);
    bridge.pause();
    QTRY_VERIFY_WITH_TIMEOUT(bridge.latest()->state == engine::RunnerState::Paused, 5000);
    const double fastS = bridge.latest()->simulatedS - realTimeS;
    QVERIFY2(fastS > 20.0, qPrintable(QString::number(fastS)));
    QCOMPARE(bridge.latest()->speed, 100.0);
    QCOMPARE(speedFactor(ReplaySpeed::Max), 0.0);
  }

  void stopThenPlayStartsAgain() {
    EngineBridge bridge;
    bridge.setScenario(constantScenario(30.0));
    bridge.setSpeed(ReplaySpeed::Max);
    bridge.play();
    QTRY_VERIFY_WITH_TIMEOUT(bridge.latest()->state == engine::RunnerState::Finished, 20000);
    QCOMPARE(bridge.latest()->progress, 1.0);
    const auto finished = bridge.latest();
    bridge.setSpeed(ReplaySpeed::Times10);
    bridge.play();  // a finished replay starts over
    QTRY_VERIFY_WITH_TIMEOUT(bridge.latest()->state == engine::RunnerState::Playing, 5000);
    QVERIFY(bridge.latest()->simulatedS < finished->simulatedS);
    bridge.stop();
    QTRY_VERIFY_WITH_TIMEOUT(bridge.latest()->state == engine::RunnerState::Stopped, 5000);
    bridge.play();
    QTRY_VERIFY_WITH_TIMEOUT(bridge.latest()->state == engine::RunnerState::Playing, 5000);
  }

  void badScenarioKeepsTheCurrentOne() {
    EngineBridge bridge;
    bridge.setScenario(constantScenario(60.0));
    QString error;
    QVERIFY(!bridge.openScenario(QStringLiteral("/nonexistent/scenario.json"), &error));
    QVERIFY2(error.contains(QStringLiteral("/nonexistent/scenario.json")), qPrintable(error));
    QCOMPARE(QString::fromStdString(bridge.scenario().name), QStringLiteral("ui-bridge"));
    QVERIFY(bridge.openScenario(QStringLiteral(HEADROOM_RESOURCE_DIR_FOR_TESTS "/scenarios/demo.json"), &error));
    QCOMPARE(QString::fromStdString(bridge.scenario().name), QStringLiteral("demo"));
    QCOMPARE(bridge.classSpecs().size(), std::size_t{3});
  }

  void logRecordsReachTheUiThread() {
    LogForwarder forwarder;
    forwarder.install(spdlog::level::info);
    QSignalSpy records(&forwarder, &LogForwarder::record);
    std::thread worker([] { spdlog::warn("from a worker thread {}", 42); });
    worker.join();
    QCOMPARE(records.count(), 0);  // queued, not delivered on the worker
    QTRY_COMPARE(records.count(), 1);
    QCOMPARE(records.at(0).at(0).value<LogLevel>(), LogLevel::Warning);
    QCOMPARE(records.at(0).at(2).toString(), QStringLiteral("from a worker thread 42"));
  }
};

QTEST_MAIN(TestEngineBridge)
#include "tst_engine_bridge.moc"
