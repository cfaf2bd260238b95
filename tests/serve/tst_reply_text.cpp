// ReplyText: tokens to text for each served request (byte tokens decoded as UTF-8, synthetic words
// for a modeled executor), stop strings and the end-of-sequence token ending a reply early, and how
// each listener hears the end.
#include <QtTest>

#include <memory>
#include <string>
#include <vector>

#include "engine/exec/llama/byte_tokenizer.h"
#include "serve/protocol/synthetic_text.h"
#include "serve/server/reply_text.h"

using namespace headroom::engine;
using namespace headroom::serve;

namespace {

class Recorder final : public RequestListener {
 public:
  void onToken(std::int32_t tokenId, std::int32_t index, std::string_view released) override {
    tokenIds.push_back(tokenId);
    indices.push_back(index);
    text += released;
  }
  void onFinished(const FinishedRequest& done) override {
    finished = done;
    text += done.text;
    ++finishCalls;
  }
  std::vector<std::int32_t> tokenIds;
  std::vector<std::int32_t> indices;
  std::string text;
  FinishedRequest finished;
  int finishCalls = 0;
};

RequestState stateOf(RequestId id, std::int32_t outputTokens) {
  RequestState state;
  state.request.id = id;
  state.request.promptTokens = 7;
  state.request.outputTokens = outputTokens;
  return state;
}

// Feeds `text` as byte tokens; returns true when a call said the reply ended.
bool feedBytes(ReplyText& replies, RequestState& state, const std::string& text) {
  bool ended = false;
  for (const unsigned char byte : text) {
    ++state.generatedTokens;
    ended = replies.onToken(state, static_cast<std::int32_t>(byte)) || ended;
  }
  return ended;
}

}  // namespace

class TestReplyText : public QObject {
  Q_OBJECT

 private slots:
  void computedTokensDecodeToUtf8() {
    ReplyText replies;
    auto listener = std::make_shared<Recorder>();
    replies.add(1, listener, 0, {});
    RequestState state = stateOf(1, 4);
    QVERIFY(!feedBytes(replies, state, "h\xC3\xA9!"));  // "hé!": the two-byte é arrives in two tokens
    replies.onFinished(state);
    QCOMPARE(listener->text, std::string("h\xC3\xA9!"));
    QCOMPARE(listener->indices, (std::vector<std::int32_t>{0, 1, 2, 3}));
    QCOMPARE(listener->finished.reason, FinishReason::Length);
    QCOMPARE(listener->finished.promptTokens, 7);
    QCOMPARE(listener->finished.completionTokens, 4);
    QCOMPARE(listener->finishCalls, 1);
  }

  void aStopStringEndsTheReplyEarly() {
    ReplyText replies;
    auto listener = std::make_shared<Recorder>();
    replies.add(2, listener, 0, {"END"});
    RequestState state = stateOf(2, 100);
    QVERIFY(feedBytes(replies, state, "abcEND"));
    const std::size_t heard = listener->tokenIds.size();
    QVERIFY(!feedBytes(replies, state, "more"));  // ignored once ended
    QCOMPARE(listener->tokenIds.size(), heard);
    replies.onFinished(state);
    QCOMPARE(listener->text, std::string("abc"));
    QCOMPARE(listener->finished.reason, FinishReason::Stop);
  }

  void endOfSequenceEndsTheReply() {
    ReplyText replies;
    auto listener = std::make_shared<Recorder>();
    replies.add(3, listener, 0, {});
    RequestState state = stateOf(3, 10);
    feedBytes(replies, state, "ok");
    ++state.generatedTokens;
    QVERIFY(replies.onToken(state, ByteTokenizer::kEos));
    replies.onFinished(state);
    QCOMPARE(listener->text, std::string("ok"));
    QCOMPARE(listener->finished.reason, FinishReason::Stop);
  }

  void modeledRepliesAreSyntheticWords() {
    ReplyText replies;
    auto listener = std::make_shared<Recorder>();
    replies.add(4, listener, 0, {});
    RequestState state = stateOf(4, 3);
    std::string expected;
    for (std::int32_t i = 0; i < 3; ++i) {
      ++state.generatedTokens;
      QVERIFY(!replies.onToken(state, std::nullopt));
      expected += tokenText(ReplyText::syntheticToken(4, i));
    }
    replies.onFinished(state);
    QCOMPARE(listener->text, expected);
    QCOMPARE(listener->tokenIds[1], ReplyText::syntheticToken(4, 1));
    QCOMPARE(listener->finished.reason, FinishReason::Length);
  }

  void abandonedAndRemainingRepliesHearTheirEnd() {
    ReplyText replies;
    auto cancelled = std::make_shared<Recorder>();
    auto stopped = std::make_shared<Recorder>();
    replies.add(5, cancelled, 1, {});
    replies.add(6, stopped, 0, {});
    QCOMPARE(replies.abandon(5, FinishReason::Cancelled, 9), std::optional<ClassId>(1));
    QCOMPARE(cancelled->finished.reason, FinishReason::Cancelled);
    QCOMPARE(cancelled->finished.promptTokens, 9);
    QVERIFY(!replies.abandon(5, FinishReason::Cancelled).has_value());
    RequestState state = stateOf(5, 1);
    replies.onFinished(state);  // already forgotten: no second end
    QCOMPARE(cancelled->finishCalls, 1);
    replies.finishAll(FinishReason::Failed);
    QCOMPARE(stopped->finished.reason, FinishReason::Failed);
    QCOMPARE(stopped->finishCalls, 1);
    replies.finishAll(FinishReason::Failed);
    QCOMPARE(stopped->finishCalls, 1);
  }
};

QTEST_GUILESS_MAIN(TestReplyText)
#include "tst_reply_text.moc"
