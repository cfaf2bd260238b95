// The router's SLO judgement of relayed answers (RelayedSlo) and how it counts tokens in what it relays.
#include <QtTest>

#include "serve/router/relayed_slo.h"

using namespace headroom::engine;
using namespace headroom::serve;
using namespace std::chrono_literals;

namespace {

Slo interactive() {
  Slo slo;
  slo.ttft = Duration{1s};
  slo.tbt = Duration{100ms};
  return slo;
}

TimePoint at(Duration d) { return TimePoint{d}; }

}  // namespace

class TestRelayedSlo : public QObject {
  Q_OBJECT

 private slots:
  void tokensOnTimeMeetEveryBound() {
    RelayedSlo slo(interactive(), at(0s));
    slo.tokens(1, at(500ms));
    slo.tokens(1, at(1050ms));  // due by 1 s + 100 ms
    slo.tokens(1, at(1190ms));  // due by 1.2 s
    QCOMPARE(slo.count(), 3);
    const SloOutcome outcome = slo.judge(at(1200ms));
    QCOMPARE(outcome.ttft, std::optional<bool>(true));
    QCOMPARE(outcome.tbt, std::optional<bool>(true));
    QVERIFY(outcome.met());
  }

  void lateFirstTokenMissesTtft() {
    RelayedSlo slo(interactive(), at(0s));
    slo.tokens(1, at(1500ms));
    QCOMPARE(slo.judge(at(1500ms)).ttft, std::optional<bool>(false));
  }

  void lateLaterTokenMissesTbt() {
    RelayedSlo slo(interactive(), at(0s));
    slo.tokens(1, at(100ms));
    slo.tokens(1, at(200ms));
    slo.tokens(1, at(1300ms));  // token 3 due by 1.2 s
    const SloOutcome outcome = slo.judge(at(1300ms));
    QCOMPARE(outcome.ttft, std::optional<bool>(true));
    QCOMPARE(outcome.tbt, std::optional<bool>(false));
    QVERIFY(!outcome.met());
  }

  // A whole answer's tokens all arrive with it: judged like tokens that came at once.
  void wholeAnswerAtOnce() {
    RelayedSlo early(interactive(), at(0s));
    early.tokens(40, at(900ms));
    QVERIFY(early.judge(at(900ms)).met());
    RelayedSlo late(interactive(), at(0s));
    late.tokens(40, at(1150ms));  // the first token was late, and token 2 (due by 1.1 s) too
    const SloOutcome outcome = late.judge(at(1150ms));
    QCOMPARE(outcome.ttft, std::optional<bool>(false));
    QCOMPARE(outcome.tbt, std::optional<bool>(false));
  }

  void ttltIsJudgedAtTheEnd() {
    Slo slo;
    slo.ttlt = Duration{2s};
    RelayedSlo met(slo, at(1s));
    met.tokens(10, at(2500ms));
    QVERIFY(met.judge(at(3s)).met());
    RelayedSlo missed(slo, at(1s));
    missed.tokens(10, at(2500ms));
    QVERIFY(!missed.judge(at(3001ms)).met());
  }

  void streamedTokensCountTextOnly_data() {
    QTest::addColumn<QString>("event");
    QTest::addColumn<int>("tokens");
    QTest::newRow("completion text") << R"({"choices": [{"index": 0, "text": "Hi", "finish_reason": null}]})" << 1;
    QTest::newRow("chat content") << R"({"choices": [{"index": 0, "delta": {"content": "Hi"}}]})" << 1;
    QTest::newRow("chat role chunk") << R"({"choices": [{"index": 0, "delta": {"role": "assistant"}}]})" << 0;
    QTest::newRow("finish chunk") << R"({"choices": [{"index": 0, "text": "", "finish_reason": "length"}]})" << 0;
    QTest::newRow("usage chunk") << R"({"choices": [], "usage": {"completion_tokens": 3}})" << 0;
    QTest::newRow("done") << "[DONE]" << 0;
    QTest::newRow("error event") << R"({"error": {"message": "x"}})" << 0;
    QTest::newRow("not json") << "{oops" << 0;
  }
  void streamedTokensCountTextOnly() {
    QFETCH(QString, event);
    QFETCH(int, tokens);
    QCOMPARE(streamedTokens(event.toStdString()), tokens);
  }

  void completionTokensOfAWholeAnswer() {
    QCOMPARE(completionTokens(R"({"choices": [], "usage": {"prompt_tokens": 3, "completion_tokens": 12}})"), std::optional<std::int32_t>(12));
    QVERIFY(!completionTokens(R"({"choices": []})"));
    QVERIFY(!completionTokens("not json"));
    QVERIFY(!completionTokens(R"({"usage": {"completion_tokens": -1}})"));
  }
};

QTEST_GUILESS_MAIN(TestRelayedSlo)
#include "tst_relayed_slo.moc"
