// StreamingReply: the SSE chunks of one streamed completion: text chunks carry the logprobs of the
// tokens whose text they bring, a finished request ends with its finish chunk and [DONE], a failed one
// with an error event in the API's shape.
#include <QtTest>

#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "serve/server/streaming_reply.h"

using namespace headroom;
using namespace headroom::serve;
using nlohmann::json;

namespace {

// Keeps what a reply sends.
class RecordingExchange final : public net::HttpExchange {
 public:
  void respond(net::HttpResponse response) override { status = response.status; }
  void startStream(int code, net::HttpHeaders) override { status = code; }
  void sendChunk(std::string data) override { body += data; }
  void endStream() override { ended = true; }
  void onClose(std::function<void()>) override {}

  int status = 0;
  std::string body;
  bool ended = false;
};

// The data of each event of an SSE body.
std::vector<std::string> events(const std::string& body) {
  std::vector<std::string> out;
  std::size_t at = 0;
  while ((at = body.find("data: ", at)) != std::string::npos) {
    const std::size_t end = body.find("\n\n", at);
    out.push_back(body.substr(at + 6, end - at - 6));
    at = end;
  }
  return out;
}

engine::TokenLogprobs logprobsOf(std::int32_t token, float logprob) { return {{token, logprob}, {{token, logprob}}}; }

}  // namespace

class TestStreamingReply : public QObject {
  Q_OBJECT

 private slots:
  // A token whose text is held back (a split character) sends its logprobs with the next text chunk.
  void chunksCarryTheLogprobsOfTheirTokens() {
    auto exchange = std::make_shared<RecordingExchange>();
    StreamingReply reply(exchange, CompletionFormatter(CompletionEndpoint::ChatCompletions, "chatcmpl-1", "m", 1), false, {});
    reply.begin(true);
    reply.onLogprobs(0, logprobsOf('h', -0.5f));
    reply.onToken('h', 0, "h");
    reply.onLogprobs(1, logprobsOf(0xc3, -1.0f));
    reply.onToken(0xc3, 1, "");
    reply.onLogprobs(2, logprobsOf(0xa4, -2.0f));
    reply.onToken(0xa4, 2, "\xc3\xa4");
    reply.onFinished({3, 3, FinishReason::Length, {}});
    const std::vector<std::string> data = events(exchange->body);
    QCOMPARE(data.size(), std::size_t{5});  // role, "h", "ä", finish, [DONE]
    QVERIFY(json::parse(data[0])["choices"][0]["logprobs"].is_null());
    const json first = json::parse(data[1])["choices"][0]["logprobs"]["content"];
    QCOMPARE(first.size(), std::size_t{1});
    QCOMPARE(first[0]["token"], "h");
    const json second = json::parse(data[2])["choices"][0]["logprobs"]["content"];
    QCOMPARE(second.size(), std::size_t{2});
    QCOMPARE(second[0]["bytes"], json::array({0xc3}));
    QCOMPARE(second[1]["logprob"].get<double>(), -2.0);
    QVERIFY(json::parse(data[3])["choices"][0]["logprobs"].is_null());
    QCOMPARE(data[4], std::string("[DONE]"));
    QVERIFY(exchange->ended);
  }

  // A failed request ends with an error event the OpenAI SDKs raise: no finish chunk, no [DONE].
  void aFailedRequestEndsWithAnErrorEvent() {
    auto exchange = std::make_shared<RecordingExchange>();
    StreamingReply reply(exchange, CompletionFormatter(CompletionEndpoint::Completions, "cmpl-1", "m", 1), false, {});
    reply.begin(false);
    reply.onToken('a', 0, "a");
    reply.onFinished({3, 1, FinishReason::Failed, {}});
    const std::vector<std::string> data = events(exchange->body);
    QCOMPARE(data.size(), std::size_t{2});
    const json error = json::parse(data[1]);
    QCOMPARE(error["error"]["type"], "server_error");
    QVERIFY(!error["error"]["message"].get<std::string>().empty());
    QVERIFY(exchange->body.find("[DONE]") == std::string::npos);
    QVERIFY(exchange->body.find("finish_reason\":\"error") == std::string::npos);
    QVERIFY(exchange->ended);
  }
};

QTEST_GUILESS_MAIN(TestStreamingReply)
#include "tst_streaming_reply.moc"
