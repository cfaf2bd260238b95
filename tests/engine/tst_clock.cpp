#include <QtTest>

#include "engine/core/clock.h"
#include "engine/core/time.h"

using namespace headroom::engine;

class TestClock : public QObject {
  Q_OBJECT

 private slots:
  void secondsRoundTrip() {
    QCOMPARE(durationFromSeconds(1.5).count(), 1'500'000);
    QCOMPARE(durationFromSeconds(0.0000004).count(), 0);
    QCOMPARE(durationFromSeconds(0.0000006).count(), 1);
    QCOMPARE(toSeconds(timeFromSeconds(2.25)), 2.25);
  }

  void virtualClockOnlyMovesForward() {
    VirtualClock clock;
    QCOMPARE(clock.now(), kTimeZero);
    clock.advanceTo(timeFromSeconds(3.0));
    QCOMPARE(toSeconds(clock.now()), 3.0);
    clock.advanceTo(timeFromSeconds(1.0));
    QCOMPARE(toSeconds(clock.now()), 3.0);
  }

  void wallClockAdvances() {
    WallClock clock;
    const TimePoint first = clock.now();
    QTest::qWait(5);
    QVERIFY(clock.now() > first);
  }
};

QTEST_GUILESS_MAIN(TestClock)
#include "tst_clock.moc"
