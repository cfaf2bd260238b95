#include <QtTest>
#include <array>
#include <cmath>
#include <limits>
#include <optional>
#include <vector>

#include "engine/exec/sampler.h"

using namespace headroom::engine;

namespace {

// Shares of each token over `draws` samples with draw indices 0 .. draws-1.
std::vector<double> frequencies(const std::vector<float>& logits, const SamplingParams& params, int draws) {
  Sampler sampler;
  std::vector<double> counts(logits.size(), 0.0);
  for (int i = 0; i < draws; ++i) counts[static_cast<std::size_t>(sampler.sample(logits, params, static_cast<std::uint64_t>(i)))] += 1.0;
  for (double& count : counts) count /= draws;
  return counts;
}

std::vector<float> logitsOf(std::initializer_list<double> probabilities) {
  std::vector<float> logits;
  for (double p : probabilities) logits.push_back(static_cast<float>(std::log(p)));
  return logits;
}

}  // namespace

class TestSampler : public QObject {
  Q_OBJECT

 private slots:
  void greedyTakesTheLargestLowestIdOnTies() {
    Sampler sampler;
    QCOMPARE(sampler.sample(std::vector<float>{0.1f, 3.0f, -1.0f, 2.9f}, {}, 0), 1);
    QCOMPARE(Sampler::greedy(std::vector<float>{1.0f, 5.0f, 5.0f}), 1);
    QCOMPARE(sampler.sample(std::vector<float>{7.0f}, {0.0f, 1.0f, 3}, 9), 0);
  }

  void temperatureOneFollowsTheSoftmax() {
    const auto shares = frequencies(logitsOf({0.5, 0.3, 0.2}), {1.0f, 1.0f, 42}, 20000);
    QVERIFY2(std::abs(shares[0] - 0.5) < 0.015, qPrintable(QString::number(shares[0])));
    QVERIFY2(std::abs(shares[1] - 0.3) < 0.015, qPrintable(QString::number(shares[1])));
    QVERIFY2(std::abs(shares[2] - 0.2) < 0.015, qPrintable(QString::number(shares[2])));
  }

  void temperatureSharpensAndFlattens() {
    const auto cold = frequencies(logitsOf({0.5, 0.3, 0.2}), {0.25f, 1.0f, 1}, 10000);
    // p^4 normalised: 0.0625 / (0.0625 + 0.0081 + 0.0016) = 0.865.
    QVERIFY2(std::abs(cold[0] - 0.865) < 0.02, qPrintable(QString::number(cold[0])));
    const auto hot = frequencies(logitsOf({0.5, 0.3, 0.2}), {100.0f, 1.0f, 1}, 10000);
    QVERIFY2(std::abs(hot[2] - 1.0 / 3.0) < 0.02, qPrintable(QString::number(hot[2])));
  }

  void topPKeepsTheNucleusAndRenormalises() {
    // 0.5 + 0.3 reaches 0.75: the 0.2 token is cut and the others share 0.625 / 0.375.
    const auto shares = frequencies(logitsOf({0.2, 0.5, 0.3}), {1.0f, 0.75f, 5}, 20000);
    QCOMPARE(shares[0], 0.0);
    QVERIFY2(std::abs(shares[1] - 0.625) < 0.015, qPrintable(QString::number(shares[1])));
    // A tiny top-p leaves only the most likely token.
    const auto narrow = frequencies(logitsOf({0.2, 0.5, 0.3}), {1.0f, 0.01f, 5}, 500);
    QCOMPARE(narrow[1], 1.0);
  }

  void drawsDependOnSeedAndIndexOnly() {
    const std::vector<float> logits(50, 0.0f);
    Sampler a;
    Sampler b;
    int same = 0;
    for (std::uint64_t i = 0; i < 200; ++i) {
      const auto first = a.sample(logits, {1.0f, 1.0f, 11}, i);
      b.sample(logits, {1.0f, 1.0f, 11}, i + 1000);  // other draws in between change nothing
      QCOMPARE(b.sample(logits, {1.0f, 1.0f, 11}, i), first);
      if (a.sample(logits, {1.0f, 1.0f, 12}, i) == first) ++same;
    }
    QVERIFY2(same < 20, qPrintable(QString::number(same)));
  }

  void rejectsBadParameters() {
    Sampler sampler;
    const std::vector<float> logits{1.0f, 2.0f};
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, sampler.sample(logits, {-0.5f, 1.0f, 0}, 0));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, sampler.sample(logits, {1.0f, 0.0f, 0}, 0));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, sampler.sample(logits, {1.0f, 1.5f, 0}, 0));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, sampler.sample(std::vector<float>{}, {}, 0));
  }

  // The one rule every executor and the server's API share (checkSamplingParams).
  void samplingRule_data() {
    QTest::addColumn<float>("temperature");
    QTest::addColumn<float>("topP");
    QTest::addColumn<bool>("logprobs");
    QTest::addColumn<int>("topLogprobs");
    QTest::addColumn<int>("problem");  // -1: none
    const int none = -1;
    const int temperature = static_cast<int>(SamplingProblem::TemperatureInvalid);
    const int topP = static_cast<int>(SamplingProblem::TopPOutOfRange);
    const int top = static_cast<int>(SamplingProblem::TopLogprobsOutOfRange);
    QTest::newRow("defaults") << 0.0f << 1.0f << false << 0 << none;
    QTest::newRow("smallest float top_p") << 1.0f << std::numeric_limits<float>::denorm_min() << false << 0 << none;
    QTest::newRow("top_p 0") << 1.0f << 0.0f << false << 0 << topP;
    QTest::newRow("top_p 1e-300 as float") << 1.0f << static_cast<float>(1e-300) << false << 0 << topP;
    QTest::newRow("top_p above 1") << 1.0f << 1.0001f << false << 0 << topP;
    QTest::newRow("top_p NaN") << 1.0f << std::numeric_limits<float>::quiet_NaN() << false << 0 << topP;
    QTest::newRow("negative temperature") << -0.1f << 1.0f << false << 0 << temperature;
    QTest::newRow("infinite temperature") << std::numeric_limits<float>::infinity() << 1.0f << false << 0 << temperature;
    QTest::newRow("20 alternatives") << 1.0f << 1.0f << true << 20 << none;
    QTest::newRow("21 alternatives") << 1.0f << 1.0f << true << 21 << top;
    QTest::newRow("alternatives without logprobs") << 1.0f << 1.0f << false << 3 << top;
  }

  void samplingRule() {
    QFETCH(float, temperature);
    QFETCH(float, topP);
    QFETCH(bool, logprobs);
    QFETCH(int, topLogprobs);
    QFETCH(int, problem);
    SamplingParams params;
    params.temperature = temperature;
    params.topP = topP;
    params.logprobs = logprobs;
    params.topLogprobs = topLogprobs;
    const std::optional<SamplingProblem> found = checkSamplingParams(params);
    QCOMPARE(found ? static_cast<int>(*found) : -1, problem);
    // The sampler refuses exactly what the rule refuses, and samples the rest.
    Sampler sampler;
    const std::vector<float> logits{1.0f, 2.0f, 0.5f};
    if (found) {
      QVERIFY_THROWS_EXCEPTION(std::invalid_argument, sampler.sample(logits, params, 0));
    } else {
      const std::int32_t token = sampler.sample(logits, params, 0);
      QVERIFY(token >= 0 && token < 3);
    }
  }
};

QTEST_GUILESS_MAIN(TestSampler)
#include "tst_sampler.moc"
