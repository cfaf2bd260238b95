// computeLogprobs: the log-softmax every executor reports logprobs with.
#include <QtTest>

#include <cmath>
#include <stdexcept>
#include <vector>

#include "engine/exec/token_logprobs.h"

using namespace headroom::engine;

class TestTokenLogprobs : public QObject {
  Q_OBJECT

 private slots:
  void sampledTokenIsItsLogSoftmax() {
    const std::vector<float> logits{std::log(0.5f), std::log(0.3f), std::log(0.2f)};
    const TokenLogprobs result = computeLogprobs(logits, 1, 0);
    QCOMPARE(result.sampled.token, 1);
    QVERIFY(std::abs(result.sampled.logprob - std::log(0.3)) < 1e-6);
    QVERIFY(result.top.empty());
  }

  // Shifting every logit changes nothing; huge logits neither overflow nor lose the ranking.
  void stableUnderShiftAndScale() {
    const std::vector<float> logits{1000.0f, 999.0f, 998.0f, -1000.0f};
    const TokenLogprobs result = computeLogprobs(logits, 3, 4);
    double total = 0.0;
    for (const TokenLogprob& entry : result.top) {
      QVERIFY(std::isfinite(entry.logprob) || entry.token == 3);
      total += std::exp(static_cast<double>(entry.logprob));
    }
    QVERIFY2(std::abs(total - 1.0) < 1e-5, qPrintable(QString::number(total)));
    QVERIFY(result.sampled.logprob < -1000.0f);
    const TokenLogprobs shifted = computeLogprobs(std::vector<float>{1.0f, 0.0f, -1.0f, -1999.0f}, 0, 0);
    QVERIFY(std::abs(shifted.sampled.logprob - result.top[0].logprob) < 1e-5);
  }

  void topIsMostLikelyFirstLowestIdOnTies() {
    const std::vector<float> logits{0.0f, 2.0f, 1.0f, 2.0f, -3.0f};
    const TokenLogprobs result = computeLogprobs(logits, 4, 3);
    QCOMPARE(result.top.size(), std::size_t{3});
    QCOMPARE(result.top[0].token, 1);
    QCOMPARE(result.top[1].token, 3);
    QCOMPARE(result.top[2].token, 2);
    QCOMPARE(result.top[0].logprob, result.top[1].logprob);
    QVERIFY(result.top[1].logprob > result.top[2].logprob);
    // More alternatives than tokens: every token, once.
    QCOMPARE(computeLogprobs(logits, 0, 20).top.size(), logits.size());
  }

  void refusesWhatItCannotAnswer() {
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, computeLogprobs(std::vector<float>{}, 0, 0));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, computeLogprobs(std::vector<float>{1.0f}, 1, 0));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, computeLogprobs(std::vector<float>{1.0f}, -1, 0));
  }
};

QTEST_GUILESS_MAIN(TestTokenLogprobs)
#include "tst_token_logprobs.moc"
