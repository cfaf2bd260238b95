#include <QtTest>

#include <algorithm>
#include <cmath>
#include <map>
#include <vector>

#include "engine/workload/length_distribution.h"

using namespace headroom::engine;

namespace {

LengthSpec lognormal(double median, double p90, std::int32_t max) {
  LengthSpec spec;
  spec.kind = LengthKind::Lognormal;
  spec.median = median;
  spec.p90 = p90;
  spec.max = max;
  return spec;
}

std::vector<std::int32_t> draw(const LengthSpec& spec, int count, std::uint64_t seed = 1) {
  const LengthDistribution distribution(spec);
  Rng rng(seed);
  std::vector<std::int32_t> values;
  values.reserve(static_cast<std::size_t>(count));
  for (int i = 0; i < count; ++i) values.push_back(distribution.sample(rng));
  return values;
}

double quantile(std::vector<std::int32_t> values, double q) {
  std::sort(values.begin(), values.end());
  return values[static_cast<std::size_t>(q * static_cast<double>(values.size() - 1))];
}

double normalTail(double z) { return 0.5 * std::erfc(z / std::sqrt(2.0)); }

}  // namespace

class TestLengthDistribution : public QObject {
  Q_OBJECT

 private slots:
  void fixedAlwaysGivesItsValue() {
    LengthSpec spec;
    spec.kind = LengthKind::Fixed;
    spec.value = 321;
    for (std::int32_t value : draw(spec, 1000)) QCOMPARE(value, 321);
    QCOMPARE(LengthDistribution(spec).meanTokens(), 321.0);
  }

  void uniformCoversItsRangeEvenly() {
    LengthSpec spec;
    spec.kind = LengthKind::Uniform;
    spec.min = 5;
    spec.max = 9;
    std::map<std::int32_t, int> counts;
    const auto values = draw(spec, 50000);
    for (std::int32_t value : values) {
      QVERIFY(value >= 5 && value <= 9);
      ++counts[value];
    }
    QCOMPARE(counts.size(), std::size_t{5});
    for (const auto& [value, count] : counts)
      QVERIFY2(std::abs(count - 10000) < 500, qPrintable(QString::number(value)));
    QCOMPARE(LengthDistribution(spec).meanTokens(), 7.0);
  }

  void lognormalMatchesMedianAndP90() {
    const auto values = draw(lognormal(600, 2000, 1'000'000'000), 200000);
    const double median = quantile(values, 0.5);
    const double p90 = quantile(values, 0.9);
    QVERIFY2(std::abs(median - 600) < 0.02 * 600, qPrintable(QString::number(median)));
    QVERIFY2(std::abs(p90 - 2000) < 0.03 * 2000, qPrintable(QString::number(p90)));
  }

  void lognormalClipsToMax() {
    // median 150, p90 500, max 200: every value above 199.5 lands on 200.
    const auto values = draw(lognormal(150, 500, 200), 100000);
    QVERIFY(*std::max_element(values.begin(), values.end()) == 200);
    const double sigma = std::log(500.0 / 150.0) / kNormalQuantile90;
    const double expectedAtMax = normalTail(std::log(199.5 / 150.0) / sigma);
    const double atMax = static_cast<double>(std::count(values.begin(), values.end(), 200)) / values.size();
    QVERIFY2(std::abs(atMax - expectedAtMax) < 0.01,
             qPrintable(QString("%1 vs %2").arg(atMax).arg(expectedAtMax)));
  }

  void lognormalNeverBelowOne() {
    // median 1.2 tokens: a large share would round to 0 without the floor.
    const auto values = draw(lognormal(1.2, 3.0, 50), 100000);
    QCOMPARE(*std::min_element(values.begin(), values.end()), 1);
    const double sigma = std::log(3.0 / 1.2) / kNormalQuantile90;
    const double expectedOnes = 1.0 - normalTail(std::log(1.5 / 1.2) / sigma);
    const double ones = static_cast<double>(std::count(values.begin(), values.end(), 1)) / values.size();
    QVERIFY2(std::abs(ones - expectedOnes) < 0.01,
             qPrintable(QString("%1 vs %2").arg(ones).arg(expectedOnes)));
  }

  void empiricalDrawsOnlyItsValuesEvenly() {
    LengthSpec spec;
    spec.kind = LengthKind::Empirical;
    spec.values = {3, 70, 70, 1000};
    std::map<std::int32_t, int> counts;
    for (std::int32_t value : draw(spec, 40000)) ++counts[value];
    QCOMPARE(counts.size(), std::size_t{3});
    QVERIFY(std::abs(counts[3] - 10000) < 500);
    QVERIFY(std::abs(counts[70] - 20000) < 700);
    QVERIFY(std::abs(counts[1000] - 10000) < 500);
    QCOMPARE(LengthDistribution(spec).meanTokens(), (3.0 + 70 + 70 + 1000) / 4);
  }

  void sameSeedSameLengths() {
    const LengthSpec spec = lognormal(600, 2000, 8000);
    QCOMPARE(draw(spec, 1000, 9), draw(spec, 1000, 9));
    QVERIFY(draw(spec, 1000, 9) != draw(spec, 1000, 10));
  }
};

QTEST_GUILESS_MAIN(TestLengthDistribution)
#include "tst_length_distribution.moc"
