#include <QtTest>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <limits>
#include <memory>
#include <new>
#include <cmath>
#include <cstdint>
#include <random>
#include <vector>

#include "engine/metrics/log_histogram.h"

using namespace headroom::engine;

std::atomic<std::int64_t> gAllocations{0};

void* operator new(std::size_t size) {
  ++gAllocations;
  if (void* p = std::malloc(size == 0 ? 1 : size)) return p;
  throw std::bad_alloc();
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }

namespace {

enum class Shape { UniformSmall, UniformWide, Exponential, LogNormalHeavy, Pareto, Bimodal, Constant };

std::vector<std::int64_t> sample(Shape shape, int count, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::vector<std::int64_t> values;
  values.reserve(static_cast<std::size_t>(count));
  std::uniform_int_distribution<std::int64_t> small(0, 300);
  std::uniform_int_distribution<std::int64_t> wide(0, 1'000'000'000'000);
  std::exponential_distribution<double> exponential(1.0 / 50'000.0);
  std::lognormal_distribution<double> logNormal(10.0, 2.5);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  std::normal_distribution<double> fast(5'000.0, 300.0);
  std::normal_distribution<double> slow(2'000'000.0, 100'000.0);
  for (int i = 0; i < count; ++i) {
    double v = 0.0;
    switch (shape) {
      case Shape::UniformSmall: v = static_cast<double>(small(rng)); break;
      case Shape::UniformWide: v = static_cast<double>(wide(rng)); break;
      case Shape::Exponential: v = exponential(rng); break;
      case Shape::LogNormalHeavy: v = std::min(logNormal(rng), 1e12); break;
      case Shape::Pareto: v = 1'000.0 / std::pow(1.0 - unit(rng), 1.0 / 1.1); break;
      case Shape::Bimodal: v = unit(rng) < 0.9 ? fast(rng) : slow(rng); break;
      case Shape::Constant: v = 12'345.0; break;
    }
    values.push_back(std::max<std::int64_t>(0, std::llround(std::min(v, 1e12))));
  }
  return values;
}

// Nearest rank on the sorted samples: the same definition LogHistogram documents.
std::int64_t exactPercentile(const std::vector<std::int64_t>& sorted, double p) {
  const auto n = static_cast<std::int64_t>(sorted.size());
  auto rank = static_cast<std::int64_t>(std::ceil(p / 100.0 * static_cast<double>(n)));
  rank = std::clamp<std::int64_t>(rank, 1, n);
  return sorted[static_cast<std::size_t>(rank - 1)];
}

}  // namespace

class TestLogHistogram : public QObject {
  Q_OBJECT

 private slots:
  void percentilesWithinOnePercent_data() {
    QTest::addColumn<int>("shape");
    QTest::addColumn<int>("count");
    QTest::newRow("uniform 0..300 us") << int(Shape::UniformSmall) << 20'000;
    QTest::newRow("uniform 0..1e12 us") << int(Shape::UniformWide) << 50'000;
    QTest::newRow("exponential mean 50 ms") << int(Shape::Exponential) << 100'000;
    QTest::newRow("lognormal heavy tail") << int(Shape::LogNormalHeavy) << 100'000;
    QTest::newRow("pareto alpha 1.1") << int(Shape::Pareto) << 100'000;
    QTest::newRow("bimodal 5 ms / 2 s") << int(Shape::Bimodal) << 50'000;
    QTest::newRow("constant") << int(Shape::Constant) << 1'000;
    QTest::newRow("three samples") << int(Shape::Exponential) << 3;
  }

  void percentilesWithinOnePercent() {
    QFETCH(int, shape);
    QFETCH(int, count);
    std::vector<std::int64_t> values = sample(static_cast<Shape>(shape), count, 42 + std::uint64_t(shape));
    LogHistogram histogram;
    for (std::int64_t v : values) histogram.record(Duration{v});
    std::sort(values.begin(), values.end());

    for (double p : {0.0, 1.0, 10.0, 25.0, 50.0, 75.0, 90.0, 95.0, 99.0, 99.9, 99.99, 100.0}) {
      const auto exact = static_cast<double>(exactPercentile(values, p));
      const auto got = static_cast<double>(histogram.percentile(p).count());
      const double error = std::abs(got - exact);
      if (error > 0.01 * exact) {
        QFAIL(qPrintable(QStringLiteral("p%1: got %2 us, exact %3 us").arg(p).arg(got).arg(exact)));
      }
    }
  }

  void countSumMinMaxAreExact() {
    const std::vector<std::int64_t> values = sample(Shape::LogNormalHeavy, 10'000, 7);
    LogHistogram histogram;
    std::int64_t sum = 0;
    for (std::int64_t v : values) {
      histogram.record(Duration{v});
      sum += v;
    }
    QCOMPARE(histogram.count(), std::int64_t(values.size()));
    QCOMPARE(histogram.sum().count(), sum);
    QCOMPARE(histogram.min().count(), *std::min_element(values.begin(), values.end()));
    QCOMPARE(histogram.max().count(), *std::max_element(values.begin(), values.end()));
    QCOMPARE(histogram.meanUs(), static_cast<double>(sum) / static_cast<double>(values.size()));
    QCOMPARE(histogram.percentile(0.0), histogram.min());
    QCOMPARE(histogram.percentile(100.0), histogram.max());
  }

  void mergeEqualsRecordingBoth() {
    const std::vector<std::int64_t> a = sample(Shape::Bimodal, 5'000, 1);
    const std::vector<std::int64_t> b = sample(Shape::Pareto, 7'000, 2);
    LogHistogram left;
    LogHistogram right;
    LogHistogram both;
    for (std::int64_t v : a) {
      left.record(Duration{v});
      both.record(Duration{v});
    }
    for (std::int64_t v : b) {
      right.record(Duration{v});
      both.record(Duration{v});
    }
    QVERIFY(!(left == both));
    left.merge(right);
    QVERIFY(left == both);
    QCOMPARE(left.percentile(99.0), both.percentile(99.0));

    LogHistogram empty;
    left.merge(empty);
    QVERIFY(left == both);
    empty.merge(both);
    QVERIFY(empty == both);
  }

  void resetEmptiesAndIsReusable() {
    LogHistogram histogram;
    QVERIFY(histogram.empty());
    QCOMPARE(histogram.percentile(50.0).count(), 0);
    QCOMPARE(histogram.min().count(), 0);
    QCOMPARE(histogram.meanUs(), 0.0);
    for (std::int64_t v : sample(Shape::UniformWide, 1'000, 3)) histogram.record(Duration{v});
    QVERIFY(!histogram.empty());
    histogram.reset();
    QVERIFY(histogram.empty());
    QVERIFY(histogram == LogHistogram{});
    histogram.record(Duration{40});
    QCOMPARE(histogram.percentile(50.0).count(), 40);
    QCOMPARE(histogram.count(), 1);
  }

  void memoryDoesNotGrowWithCount() {
    // All state is inline and fixed in size; recording millions of values allocates nothing.
    static_assert(sizeof(LogHistogram) < 40 * 1024);
    auto histogram = std::make_unique<LogHistogram>();
    std::mt19937_64 rng(9);
    std::uniform_int_distribution<std::int64_t> any(0, LogHistogram::kMaxTrackable);
    const std::int64_t allocationsBefore = gAllocations.load();
    for (int i = 0; i < 2'000'000; ++i) histogram->record(Duration{any(rng)});
    LogHistogram other;
    other.merge(*histogram);
    other.reset();
    QCOMPARE(gAllocations.load() - allocationsBefore, 0);
    QCOMPARE(histogram->count(), 2'000'000);
    // Every bucket index stays inside the fixed array, up to and past the trackable range.
    QCOMPARE(LogHistogram::bucketIndex(LogHistogram::kMaxTrackable), LogHistogram::kBucketCount - 1);
    QCOMPARE(LogHistogram::bucketIndex(std::numeric_limits<std::int64_t>::max()), LogHistogram::kBucketCount - 1);
  }

  void bucketsTileTheRange() {
    // Consecutive buckets are adjacent, widths are powers of two, and relative width stays under 1%.
    QCOMPARE(LogHistogram::bucketLowest(0), 0);
    for (std::size_t i = 1; i < LogHistogram::kBucketCount; ++i) {
      const std::int64_t lowest = LogHistogram::bucketLowest(i);
      QCOMPARE(lowest, LogHistogram::bucketLowest(i - 1) + LogHistogram::bucketWidth(i - 1));
      QCOMPARE(LogHistogram::bucketIndex(lowest), i);
      QCOMPARE(LogHistogram::bucketIndex(lowest - 1), i - 1);
      if (LogHistogram::bucketWidth(i) > 1) QVERIFY(LogHistogram::bucketWidth(i) * 100 <= lowest);
    }
  }

  void zeroAndHugeValues() {
    LogHistogram histogram;
    histogram.record(Duration{0});
    histogram.record(Duration{0});
    histogram.record(Duration{-5});
    QCOMPARE(histogram.percentile(50.0).count(), 0);
    QCOMPARE(histogram.max().count(), 0);

    const std::int64_t huge = 1'000'000'000'000;
    histogram.record(Duration{huge});
    QCOMPARE(histogram.max().count(), huge);
    QCOMPARE(histogram.percentile(100.0).count(), huge);
    QCOMPARE(histogram.percentile(75.0).count(), 0);
    QCOMPARE(histogram.sum().count(), huge);

    // Beyond the trackable range: bucketed in the top bucket, but max and sum stay exact.
    const std::int64_t beyond = std::int64_t{1} << 50;
    LogHistogram big;
    big.record(Duration{beyond});
    big.record(Duration{beyond});
    big.record(Duration{huge});
    QCOMPARE(big.max().count(), beyond);
    QCOMPARE(big.min().count(), huge);
    QCOMPARE(big.sum().count(), 2 * beyond + huge);
    QCOMPARE(big.percentile(90.0).count(), beyond);
    const double p50 = static_cast<double>(big.percentile(50.0).count());
    QVERIFY(p50 >= static_cast<double>(huge) && p50 <= static_cast<double>(beyond));
  }
};

QTEST_GUILESS_MAIN(TestLogHistogram)
#include "tst_log_histogram.moc"
