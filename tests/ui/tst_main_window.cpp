// The console's main window on the bundled demo: classes and pool shown, Play advances virtual time and
// fills the charts and figures, shortcuts and speed drive the replay, settings persist, edits are checked.
#include <QAction>
#include <QStandardPaths>
#include <QTableView>
#include <QtTest>

#include <cmath>

#include "engine/core/resource_paths.h"
#include "ui/charts/class_latency_chart.h"
#include "ui/models/class_table_model.h"
#include "ui/models/pool_table_model.h"
#include "ui/widgets/class_editor.h"
#include "ui/widgets/class_figures_panel.h"
#include "ui/widgets/dashboard.h"
#include "ui/widgets/log_panel.h"
#include "ui/widgets/replay_controls.h"
#include "ui/mainwindow/main_window.h"

using namespace headroom;
using namespace headroom::ui;

namespace {

const QString kDemo = QStringLiteral(HEADROOM_RESOURCE_DIR_FOR_TESTS "/scenarios/demo.json");

}  // namespace

class TestMainWindow : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("HeadroomTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_main_window"));
    QSettings().clear();
  }

  void opensOnTheDemoAndPlays() {
    MainWindow window;
    QString error;
    QVERIFY2(window.openScenario(kDemo, &error), qPrintable(error));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.windowTitle().contains(QStringLiteral("demo")));
    QCOMPARE(window.classModel()->rowCount(), 3);
    QCOMPARE(window.classModel()->data(window.classModel()->index(0, ClassTableModel::Name)).toString(),
             QStringLiteral("alan"));
    QTRY_COMPARE(window.poolModel()->rowCount(), 3);
    QCOMPARE(window.stateText(), QStringLiteral("Paused"));
    QTRY_COMPARE(window.dashboard()->chartCount(), 3);
    QCOMPARE(window.dashboard()->chart(0)->p50Count(), 0);

    // 100x, not as fast as possible: the pause below must land well before the demo's end even when
    // the machine is busy and the test polls late.
    window.controls()->setSpeed(ReplaySpeed::Times100);
    QCOMPARE(window.bridge()->speed(), ReplaySpeed::Times100);
    window.playPauseAction()->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(window.stateText(), QStringLiteral("Playing"), 5000);
    QTRY_VERIFY_WITH_TIMEOUT(window.bridge()->latest()->simulatedS > 60.0, 30000);
    window.playPauseAction()->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(window.stateText(), QStringLiteral("Paused"), 5000);
    QCOMPARE(window.playPauseAction()->text(), QStringLiteral("&Play"));

    const double pausedAt = window.bridge()->latest()->simulatedS;
    QVERIFY(window.controls()->progressPercent() >= 10);
    QVERIFY(window.controls()->timeText().startsWith(QStringLiteral("1:")) ||
            window.controls()->timeText().startsWith(QStringLiteral("2:")) || pausedAt >= 180.0);
    for (int c = 0; c < 3; ++c) {
      QVERIFY2(window.dashboard()->chart(c)->p50Count() > 30, qPrintable(QString::number(c)));
      QVERIFY(window.dashboard()->chart(c)->watchedCount() > 30);
      QVERIFY(window.dashboard()->chart(c)->boundLineS() > 0.0);
    }
    QCOMPARE(window.dashboard()->chart(0)->boundLineS(), 2.0);    // alan: TTFT 2 s
    QCOMPARE(window.dashboard()->chart(1)->boundLineS(), 60.0);   // noel: TTLT 60 s
    const auto* figures = window.dashboard()->figures();
    QCOMPARE(figures->tileCount(), 4);
    QVERIFY(figures->tile(0)->attainmentText().contains(QLatin1Char('%')));
    QVERIFY(window.frameStats().frames > 0);
    QVERIFY(window.logPanel()->text().contains(QStringLiteral("opened scenario")));
    qInfo("dashboard frame on the demo: mean %.2f ms, max %.2f ms over %d frames", window.frameStats().meanMs,
          window.frameStats().maxMs, window.frameStats().frames);

    // Step moves exactly ten virtual seconds.
    window.stepAction()->trigger();
    // Seconds are a division of whole microseconds: compare within half a microsecond.
    QTRY_VERIFY_WITH_TIMEOUT(window.bridge()->latest()->simulatedS > pausedAt + 10.0 - 5e-7, 10000);
    QVERIFY(std::abs(window.bridge()->latest()->simulatedS - (pausedAt + 10.0)) < 5e-7);
  }

  void spaceTogglesPlay() {
    MainWindow window;
    QString error;
    QVERIFY(window.openScenario(kDemo, &error));
    window.show();
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QTest::keyClick(&window, Qt::Key_Space);
    QTRY_COMPARE_WITH_TIMEOUT(window.stateText(), QStringLiteral("Playing"), 5000);
    QTest::keyClick(&window, Qt::Key_Space);
    QTRY_COMPARE_WITH_TIMEOUT(window.stateText(), QStringLiteral("Paused"), 5000);
    QTest::keyClick(&window, Qt::Key_Period, Qt::ControlModifier);  // stop
    QTRY_COMPARE_WITH_TIMEOUT(window.stateText(), QStringLiteral("Stopped"), 5000);
  }

  void rejectedEditIsExplained() {
    MainWindow window;
    QString error;
    QVERIFY(window.openScenario(kDemo, &error));
    auto* model = window.classModel();
    QVERIFY(!model->setData(model->index(1, ClassTableModel::Name), QStringLiteral("alan")));
    QVERIFY2(window.classEditor()->message().contains(QStringLiteral("already named")),
             qPrintable(window.classEditor()->message()));
    QVERIFY(window.classEditor()->message().startsWith(QStringLiteral("noel")));
    QVERIFY(model->setData(model->index(1, ClassTableModel::Ttlt), 30.0));
    QVERIFY(window.classEditor()->message().isEmpty());
    QCOMPARE(window.bridge()->scenario().classes[1].qos.slo.ttlt, std::optional(engine::Duration{std::chrono::seconds(30)}));
  }

  void badScenarioNamesTheFile() {
    MainWindow window;
    QString error;
    QTemporaryFile file;
    QVERIFY(file.open());
    file.write(R"({"name": "broken", "duration_s": 60, "classes": [{"name": "x", "slo": {"percentile": 120}}]})");
    file.close();
    QVERIFY(!window.openScenario(file.fileName(), &error));
    QVERIFY2(error.contains(file.fileName()), qPrintable(error));
    QVERIFY2(error.contains(QStringLiteral("/classes/0")), qPrintable(error));
    QVERIFY(!window.bridge()->hasScenario());
  }

  void settingsPersist() {
    {
      MainWindow window;
      QString error;
      QVERIFY(window.openScenario(kDemo, &error));
      window.controls()->setSpeed(ReplaySpeed::Times100);
      window.dashboard()->setWindowS(60.0);
      window.resize(1234, 777);
      window.show();
      QVERIFY(QTest::qWaitForWindowExposed(&window));
      window.close();
    }
    MainWindow again;
    QCOMPARE(again.bridge()->speed(), ReplaySpeed::Times100);
    QCOMPARE(again.controls()->speed(), ReplaySpeed::Times100);
    QCOMPARE(again.dashboard()->windowS(), 60.0);
    QCOMPARE(again.size(), QSize(1234, 777));
  }
};

QTEST_MAIN(TestMainWindow)
#include "tst_main_window.moc"
