// RetryAfterEstimator: the Retry-After of a full queue, from the requests ahead and the recent rate.
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
  // Two requests finished per second recently, 30 ahead: 15 s, not the 1 s every client would get.
  void requestsAheadOverTheRecentRate() {
    RetryAfterEstimator estimator(at(0));
    for (int i = 1; i <= 40; ++i) estimator.onFinished(at(100 + i * 0.5));
    QCOMPARE(estimator.requestsPerS(at(119.9)), 2.0);
    QCOMPARE(estimator.estimate(at(119.9), 30), Duration(15s));
    QCOMPARE(estimator.estimate(at(119.9), 3), Duration(2s));  // 1.5 s, rounded up to whole seconds
  }

  void clampedToASaneRange() {
    RetryAfterEstimator estimator(at(0));
    for (int i = 1; i <= 100; ++i) estimator.onFinished(at(50 + i * 0.1));
    QCOMPARE(estimator.estimate(at(60), 0), RetryAfterEstimator::kMinRetry);
    QCOMPARE(estimator.estimate(at(60), 1), RetryAfterEstimator::kMinRetry);
    QCOMPARE(estimator.estimate(at(60), 1'000'000), RetryAfterEstimator::kMaxRetry);
  }

  // Only the window counts: a burst long ago says nothing about now.
  void oldCompletionsAgeOut() {
    RetryAfterEstimator estimator(at(0));
    for (int i = 1; i <= 100; ++i) estimator.onFinished(at(i * 0.01));
    estimator.onFinished(at(55));
    QCOMPARE(estimator.requestsPerS(at(60)), 0.1);
    QCOMPARE(estimator.estimate(at(60), 4), Duration(40s));
  }

  // Nothing finished in the window (or ever): at least the window, however young the host.
  void nothingFinishedMeansAtLeastTheWindow() {
    RetryAfterEstimator young(at(0));
    QCOMPARE(young.estimate(at(3.2), 50), RetryAfterEstimator::kWindow);
    QCOMPARE(young.estimate(at(0.1), 1), RetryAfterEstimator::kWindow);
    RetryAfterEstimator old(at(0));
    old.onFinished(at(1));
    QCOMPARE(old.estimate(at(100), 50), RetryAfterEstimator::kWindow);
  }

  // A host younger than the window measures its rate over its life, not over time it did not exist.
  void youngHostUsesItsAge() {
    RetryAfterEstimator estimator(at(0));
    estimator.onFinished(at(1.5));
    estimator.onFinished(at(2));
    QCOMPARE(estimator.requestsPerS(at(2)), 1.0);
    QCOMPARE(estimator.estimate(at(2), 5), Duration(5s));
  }
};

QTEST_GUILESS_MAIN(TestRetryAfterEstimator)
#include "tst_retry_after_estimator.moc"
