// RetryAfterEstimator: the Retry-After of a full queue, from the requests ahead and the recent pace.
#include <QtTest>

#include <chrono>

#include "serve/server/retry_after_estimator.h"

using namespace headroom::engine;
using namespace headroom::serve;
using namespace std::chrono_literals;

namespace {

TimePoint at(double seconds) { return timeFromSeconds(seconds); }

}  // namespace

class TestRetryAfterEstimator : public QObject {
  Q_OBJECT

 private slots:
  // Requests take 2 s each, two run side by side: six ahead need 6 s, not the 1 s every client got.
  void workAheadAtTheRecentPace() {
    RetryAfterEstimator estimator;
    for (int i = 1; i <= 8; ++i) estimator.onFinished(at(100 + i), 2s, 2);
    QCOMPARE(*estimator.meanService(at(109)), Duration(2s));
    QCOMPARE(estimator.estimate(at(109), 4, 2), Duration(6s));
    QCOMPARE(estimator.estimate(at(109), 3, 2), Duration(5s));  // 5 x 2 s / 2
    QCOMPARE(estimator.estimate(at(109), 2, 4), Duration(3s));  // 6 x 2 s / 4: more run side by side now
    // Admitted but not yet scheduled: they will run two at a time, as the finished ones did.
    QCOMPARE(estimator.estimate(at(109), 6, 0), Duration(6s));
    QCOMPARE(estimator.estimate(at(109), 0, 1), Duration(1s));
  }

  void roundedUpToWholeSeconds() {
    RetryAfterEstimator estimator;
    estimator.onFinished(at(10), 1500ms, 1);
    QCOMPARE(estimator.estimate(at(10), 0, 1), Duration(2s));
  }

  void clampedToASaneRange() {
    RetryAfterEstimator estimator;
    estimator.onFinished(at(50), 100ms, 1);
    QCOMPARE(estimator.estimate(at(50), 0, 0), RetryAfterEstimator::kMinRetry);
    QCOMPARE(estimator.estimate(at(50), 1'000'000, 1), RetryAfterEstimator::kMaxRetry);
  }

  // Only the window counts: slow requests long ago say nothing about now.
  void oldCompletionsAgeOut() {
    RetryAfterEstimator estimator;
    for (int i = 1; i <= 10; ++i) estimator.onFinished(at(i), 100s, 1);
    estimator.onFinished(at(55), 1s, 1);
    QCOMPARE(*estimator.meanService(at(60)), Duration(1s));
    QCOMPARE(estimator.estimate(at(60), 3, 1), Duration(4s));
  }

  // Nothing finished in the window (or ever): the pace is unknown; at least the window.
  void nothingFinishedMeansTheWindow() {
    RetryAfterEstimator fresh;
    QVERIFY(!fresh.meanService(at(3)));
    QCOMPARE(fresh.estimate(at(3), 50, 2), RetryAfterEstimator::kWindow);
    RetryAfterEstimator quiet;
    quiet.onFinished(at(1), 1s, 1);
    QCOMPARE(quiet.estimate(at(100), 50, 2), RetryAfterEstimator::kWindow);
  }
};

QTEST_GUILESS_MAIN(TestRetryAfterEstimator)
#include "tst_retry_after_estimator.moc"
