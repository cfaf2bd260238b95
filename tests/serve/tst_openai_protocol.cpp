#include <QtTest>

#include <optional>
#include <string_view>

#include "engine/exec/sampling_params.h"

#include "serve/protocol/api_error.h"
#include "serve/protocol/completion_formatter.h"
#include "serve/protocol/completion_request.h"
#include "serve/protocol/json_object_body.h"
#include "serve/protocol/json_text.h"
#include "serve/protocol/logprobs_json.h"
#include "serve/protocol/request_id.h"
#include "serve/protocol/prometheus_writer.h"
#include "support/prometheus_lint.h"

using namespace headroom::engine;
using namespace headroom::serve;
using nlohmann::json;

namespace {

// The error's message, or "" when the body was accepted (for test failure messages).
std::string errorText(const std::variant<CompletionRequest, ApiError>& parsed) {
  const ApiError* error = std::get_if<ApiError>(&parsed);
  return error ? error->message : std::string();
}

}  // namespace

class TestOpenAiProtocol : public QObject {
  Q_OBJECT

 private slots:
  void estimatesTokensFromText() {
    QCOMPARE(estimateTokens(""), 1);
    QCOMPARE(estimateTokens("abcd"), 1);
    QCOMPARE(estimateTokens("abcde"), 2);
    QCOMPARE(estimateTokens(std::string(4000, 'x')), 1000);
  }

  void readsCompletionRequests() {
    ServeLimits limits;
    auto parsed = parseCompletionRequest(CompletionEndpoint::Completions,
                                         R"({"model": "m", "prompt": [[5, 6, 7]], "max_tokens": 9, "stream": true,)"
                                         R"( "stream_options": {"include_usage": true}, "qos_class": "batch"})",
                                         limits);
    QVERIFY(std::holds_alternative<CompletionRequest>(parsed));
    const CompletionRequest& request = std::get<CompletionRequest>(parsed);
    QCOMPARE(request.promptTokens, 3);
    QCOMPARE(request.maxTokens, 9);
    QVERIFY(request.stream && request.includeUsage);
    QCOMPARE(*request.qosClass, std::string("batch"));
    // Completions default to 16 tokens as OpenAI's do; chat to the server's default.
    QCOMPARE(std::get<CompletionRequest>(parseCompletionRequest(CompletionEndpoint::Completions, R"({"model": "m", "prompt": "x"})", limits)).maxTokens, 16);
    const auto chat = parseCompletionRequest(
        CompletionEndpoint::ChatCompletions,
        R"({"model": "m", "messages": [{"role": "user", "content": [{"type": "text", "text": "12345678"}]},)"
        R"( {"role": "assistant", "content": null}], "max_completion_tokens": 4})",
        limits);
    QVERIFY(std::holds_alternative<CompletionRequest>(chat));
    QCOMPARE(std::get<CompletionRequest>(chat).promptTokens, 3 + 4 + 2 + 4);
    QCOMPARE(std::get<CompletionRequest>(chat).maxTokens, 4);
    QCOMPARE(std::get<CompletionRequest>(chat).maxTokens, 4);
  }

  void rejectsWithTheParameterNamed() {
    ServeLimits limits;
    limits.maxBodyBytes = 100;
    const auto tooBig = parseCompletionRequest(CompletionEndpoint::Completions, std::string(101, ' '), limits);
    QCOMPARE(std::get<ApiError>(tooBig).status, 413);
    const auto wrong = parseCompletionRequest(CompletionEndpoint::Completions, R"({"model": "m", "prompt": "x", "top_p": 3})", limits);
    QCOMPARE(std::get<ApiError>(wrong).param, std::string("top_p"));
    const json body = json::parse(std::get<ApiError>(wrong).body());
    QCOMPARE(body["error"]["type"], "invalid_request_error");
    QVERIFY(body["error"]["code"].is_null());
    const auto several = parseCompletionRequest(CompletionEndpoint::Completions, R"({"model": "m", "prompt": ["a", "b"]})", limits);
    QVERIFY(std::get<ApiError>(several).message.find("one prompt") != std::string::npos);
  }

  // What the API accepts every executor runs: sampling values the engine's rule refuses are 400s naming
  // the parameter, whether they are out of range as written or only once they are a float.
  void samplingFieldsFollowTheEngineRule_data() {
    QTest::addColumn<QString>("fields");
    QTest::addColumn<QString>("param");  // empty: accepted
    QTest::newRow("top_p 0") << R"("top_p": 0)" << "top_p";
    QTest::newRow("top_p underflows to 0") << R"("top_p": 1e-400)" << "top_p";
    QTest::newRow("top_p 0 as a float") << R"("top_p": 1e-300)" << "top_p";
    QTest::newRow("top_p negative") << R"("top_p": -0.5)" << "top_p";
    QTest::newRow("top_p above 1") << R"("top_p": 1.5)" << "top_p";
    QTest::newRow("top_p a string") << R"("top_p": "0.5")" << "top_p";
    QTest::newRow("top_p tiny but a float") << R"("top_p": 1e-30)" << "";
    QTest::newRow("top_p 1") << R"("top_p": 1)" << "";
    QTest::newRow("temperature 0") << R"("temperature": 0)" << "";
    QTest::newRow("temperature negative") << R"("temperature": -1)" << "temperature";
    QTest::newRow("temperature above 2") << R"("temperature": 2.5)" << "temperature";
    QTest::newRow("temperature tiny") << R"("temperature": 1e-300)" << "";
    QTest::newRow("presence_penalty 0") << R"("presence_penalty": 0)" << "";
    QTest::newRow("presence_penalty 0.5") << R"("presence_penalty": 0.5)" << "presence_penalty";
    QTest::newRow("frequency_penalty -1") << R"("frequency_penalty": -1)" << "frequency_penalty";
    QTest::newRow("n 2") << R"("n": 2)" << "n";
    QTest::newRow("seed float") << R"("seed": 1.5)" << "seed";
    QTest::newRow("seed negative") << R"("seed": -3)" << "";
    QTest::newRow("max_tokens 0") << R"("max_tokens": 0)" << "max_tokens";
    QTest::newRow("max_tokens float") << R"("max_tokens": 4.0)" << "max_tokens";
    QTest::newRow("stop five") << R"("stop": ["a", "b", "c", "d", "e"])" << "stop";
  }

  void samplingFieldsFollowTheEngineRule() {
    QFETCH(QString, fields);
    QFETCH(QString, param);
    const std::string body = R"({"model": "m", "prompt": "x", )" + fields.toStdString() + "}";
    const auto parsed = parseCompletionRequest(CompletionEndpoint::Completions, body, ServeLimits{});
    if (param.isEmpty()) {
      QVERIFY2(std::holds_alternative<CompletionRequest>(parsed), errorText(parsed).c_str());
      const CompletionRequest& request = std::get<CompletionRequest>(parsed);
      SamplingParams sampling{request.temperature, request.topP, 0, request.logprobs, request.topLogprobs};
      QVERIFY(!checkSamplingParams(sampling));
    } else {
      QVERIFY2(std::holds_alternative<ApiError>(parsed), body.c_str());
      const ApiError& error = std::get<ApiError>(parsed);
      QCOMPARE(error.status, 400);
      QCOMPARE(QString::fromStdString(error.param), param);
    }
  }

  // OpenAI fields the server cannot honour are refused by name, unless they ask for nothing.
  void unsupportedFieldsAreRefusedByName_data() {
    QTest::addColumn<QString>("fields");
    QTest::addColumn<QString>("param");  // empty: accepted
    QTest::newRow("tools") << R"("tools": [{"type": "function", "function": {"name": "f"}}])" << "tools";
    QTest::newRow("no tools") << R"("tools": [])" << "";
    QTest::newRow("tool_choice auto") << R"("tool_choice": "auto")" << "tool_choice";
    QTest::newRow("tool_choice none") << R"("tool_choice": "none")" << "";
    QTest::newRow("functions") << R"("functions": [{"name": "f"}])" << "functions";
    QTest::newRow("response_format json") << R"("response_format": {"type": "json_object"})" << "response_format";
    QTest::newRow("response_format text") << R"("response_format": {"type": "text"})" << "";
    QTest::newRow("logit_bias") << R"("logit_bias": {"50256": -100})" << "logit_bias";
    QTest::newRow("empty logit_bias") << R"("logit_bias": {})" << "";
    QTest::newRow("echo") << R"("echo": true)" << "echo";
    QTest::newRow("no echo") << R"("echo": false)" << "";
    QTest::newRow("suffix") << R"("suffix": "end")" << "suffix";
    QTest::newRow("best_of 3") << R"("best_of": 3)" << "best_of";
    QTest::newRow("best_of 1") << R"("best_of": 1)" << "";
    QTest::newRow("null tools") << R"("tools": null)" << "";
  }

  void unsupportedFieldsAreRefusedByName() {
    QFETCH(QString, fields);
    QFETCH(QString, param);
    for (const CompletionEndpoint endpoint : {CompletionEndpoint::Completions, CompletionEndpoint::ChatCompletions}) {
      const std::string body = std::string(R"({"model": "m", "prompt": "x", "messages": [{"role": "user", "content": "x"}], )") +
                               fields.toStdString() + "}";
      const auto parsed = parseCompletionRequest(endpoint, body, ServeLimits{});
      if (param.isEmpty()) {
        QVERIFY2(std::holds_alternative<CompletionRequest>(parsed), errorText(parsed).c_str());
        continue;
      }
      QVERIFY2(std::holds_alternative<ApiError>(parsed), body.c_str());
      const ApiError& error = std::get<ApiError>(parsed);
      QCOMPARE(error.status, 400);
      QCOMPARE(QString::fromStdString(error.param), param);
      QCOMPARE(error.code, std::string("unsupported_parameter"));
      QVERIFY2(error.message.find("not supported") != std::string::npos, error.message.c_str());
    }
  }

  void readsLogprobsInEachEndpointsShape() {
    const ServeLimits limits;
    const auto chat = parseCompletionRequest(
        CompletionEndpoint::ChatCompletions,
        R"({"model": "m", "messages": [{"role": "user", "content": "x"}], "logprobs": true, "top_logprobs": 4})", limits);
    QVERIFY(std::get<CompletionRequest>(chat).logprobs);
    QCOMPARE(std::get<CompletionRequest>(chat).topLogprobs, 4);
    const auto completion =
        parseCompletionRequest(CompletionEndpoint::Completions, R"({"model": "m", "prompt": "x", "logprobs": 2})", limits);
    QVERIFY(std::get<CompletionRequest>(completion).logprobs);
    QCOMPARE(std::get<CompletionRequest>(completion).topLogprobs, 2);
    const auto zero =
        parseCompletionRequest(CompletionEndpoint::Completions, R"({"model": "m", "prompt": "x", "logprobs": 0})", limits);
    QVERIFY(std::get<CompletionRequest>(zero).logprobs);
    QCOMPARE(std::get<CompletionRequest>(zero).topLogprobs, 0);
    const auto none = parseCompletionRequest(CompletionEndpoint::Completions, R"({"model": "m", "prompt": "x"})", limits);
    QVERIFY(!std::get<CompletionRequest>(none).logprobs);

    const auto refused = [&](CompletionEndpoint endpoint, const std::string& fields) {
      const std::string body =
          R"({"model": "m", "prompt": "x", "messages": [{"role": "user", "content": "x"}], )" + fields + "}";
      const auto parsed = parseCompletionRequest(endpoint, body, limits);
      return std::holds_alternative<ApiError>(parsed) ? std::get<ApiError>(parsed).param : std::string();
    };
    QCOMPARE(refused(CompletionEndpoint::ChatCompletions, R"("top_logprobs": 3)"), std::string("top_logprobs"));
    QCOMPARE(refused(CompletionEndpoint::ChatCompletions, R"("logprobs": true, "top_logprobs": 21)"), std::string("top_logprobs"));
    QCOMPARE(refused(CompletionEndpoint::ChatCompletions, R"("logprobs": 3)"), std::string("logprobs"));
    QCOMPARE(refused(CompletionEndpoint::Completions, R"("logprobs": 6)"), std::string("logprobs"));
    QCOMPARE(refused(CompletionEndpoint::Completions, R"("logprobs": true)"), std::string("logprobs"));
    QCOMPARE(refused(CompletionEndpoint::Completions, R"("top_logprobs": 2)"), std::string("top_logprobs"));
  }

  // An error quotes a client's input only up to a bound, never its bulk.
  void errorsEchoInputOnlyUpToABound() {
    QCOMPARE(echoInput("short"), std::string("short"));
    QCOMPARE(echoInput(std::string(64, 'a')), std::string(64, 'a'));
    QCOMPARE(echoInput(std::string(65, 'a')), std::string(64, 'a') + "...");
    // Whole UTF-8 characters: 70 two-byte characters become 64 of them.
    std::string umlauts;
    for (int i = 0; i < 70; ++i) umlauts += "\xc3\xa4";
    QCOMPARE(echoInput(umlauts), umlauts.substr(0, 128) + "...");
    const std::string huge = std::string("{\"model\": \"m\", \"prompt\": \"x\", \"temperature\": \"") + std::string(100000, 'x') + "\"}";
    ServeLimits roomy;
    roomy.maxBodyBytes = 1 << 20;
    const auto parsed = parseCompletionRequest(CompletionEndpoint::Completions, huge, roomy);
    const ApiError& error = std::get<ApiError>(parsed);
    QCOMPARE(error.param, std::string("temperature"));
    QVERIFY2(error.message.size() < 200, error.message.c_str());
    const auto role = parseCompletionRequest(CompletionEndpoint::ChatCompletions,
                                             R"({"model": "m", "messages": [{"role": ")" + std::string(5000, 'r') + R"(", "content": "x"}]})",
                                             ServeLimits{});
    QVERIFY2(std::get<ApiError>(role).message.size() < 200, std::get<ApiError>(role).message.c_str());
  }

  void requestIdsAreTheClientsWhenSane() {
    QCOMPARE(*saneRequestId(std::string_view("abc-123_x.y:z")), std::string("abc-123_x.y:z"));
    QVERIFY(!saneRequestId(std::nullopt));
    QVERIFY(!saneRequestId(std::string_view("")));
    QVERIFY(!saneRequestId(std::string_view("has space")));
    QVERIFY(!saneRequestId(std::string_view("new\nline")));
    QVERIFY(!saneRequestId(std::string_view(std::string(65, 'a'))));
    QVERIFY(saneRequestId(std::string_view(std::string(64, 'a'))));
    const std::string fresh = requestIdFor(std::string_view("bad id"));
    QVERIFY2(fresh.starts_with("req-") && fresh.size() == 28, fresh.c_str());
    QVERIFY(saneRequestId(std::string_view(fresh)));
    QVERIFY(requestIdFor(std::nullopt) != fresh);
    QCOMPARE(requestIdFor(std::string_view("mine-1")), std::string("mine-1"));
  }

  void logprobsInTheOpenAiShapes() {
    const std::vector<TokenLogprobs> tokens = {{{'h', -0.5f}, {{'h', -0.5f}, {'H', -1.5f}}},
                                               {{0xe2, -2.0f}, {{'i', -0.25f}, {0xe2, -2.0f}}}};
    const json chat = logprobsJson(CompletionEndpoint::ChatCompletions, tokens, 0);
    QVERIFY(chat["refusal"].is_null());
    QCOMPARE(chat["content"].size(), std::size_t{2});
    QCOMPARE(chat["content"][0]["token"], "h");
    QCOMPARE(chat["content"][0]["logprob"].get<double>(), -0.5);
    QCOMPARE(chat["content"][0]["bytes"], json::array({104}));
    QCOMPARE(chat["content"][0]["top_logprobs"][1]["token"], "H");
    QCOMPARE(chat["content"][1]["token"], "bytes:\\xe2");
    QCOMPARE(chat["content"][1]["bytes"], json::array({0xe2}));
    const json plain = logprobsJson(CompletionEndpoint::Completions, tokens, 7);
    QCOMPARE(plain["tokens"], json::array({"h", "bytes:\\xe2"}));
    QCOMPARE(plain["token_logprobs"][1].get<double>(), -2.0);
    QCOMPARE(plain["top_logprobs"][0]["H"].get<double>(), -1.5);
    QCOMPARE(plain["text_offset"], json::array({7, 8}));
    QCOMPARE(logprobTokenText(257), std::string("<|eos|>"));
    QVERIFY(logprobTokenBytes(257).empty());

    CompletionFormatter formatter(CompletionEndpoint::ChatCompletions, "chatcmpl-1", "m", 17);
    const json full = json::parse(formatter.fullResponse("hi", "stop", 1, 2, chat));
    QCOMPARE(full["choices"][0]["logprobs"], chat);
    QVERIFY(json::parse(formatter.fullResponse("hi", "stop", 1, 2))["choices"][0]["logprobs"].is_null());
    const json chunk = json::parse(formatter.tokenChunk("h", chat.dump()).substr(6));
    QCOMPARE(chunk["choices"][0]["logprobs"], chat);
    QVERIFY(json::parse(formatter.tokenChunk("h").substr(6))["choices"][0]["logprobs"].is_null());
    const json finish = json::parse(formatter.finishChunk("stop", chat.dump()).substr(6));
    QCOMPARE(finish["choices"][0]["logprobs"], chat);
  }

  void nestingDepthSkipsStrings() {
    QCOMPARE(jsonNestingDepth(R"({"a": [1, {"b": 2}]})", 10), 3);
    QCOMPARE(jsonNestingDepth("{\"a\": \"[[[[[[\\\"[[[\"}", 10), 1);
    QCOMPARE(jsonNestingDepth(std::string(100, '['), 5), 6);
  }

  void jsonObjectBodies_data() {
    QTest::addColumn<QString>("body");
    QTest::addColumn<bool>("isObject");
    QTest::addColumn<bool>("tooDeep");
    QTest::newRow("object") << R"({"policy": "edf", "n": [1, 2]})" << true << false;
    QTest::newRow("array") << "[1, 2]" << false << false;
    QTest::newRow("number") << "42" << false << false;
    QTest::newRow("not json") << "{policy: edf" << false << false;
    QTest::newRow("empty") << "" << false << false;
    QTest::newRow("too deep") << (QString("{\"a\": ") + QString(40, '[') + QString(40, ']') + "}") << false << true;
  }

  void jsonObjectBodies() {
    QFETCH(QString, body);
    QFETCH(bool, isObject);
    QFETCH(bool, tooDeep);
    const JsonObjectBody parsed = parseJsonObjectBody(body.toStdString());
    QCOMPARE(parsed.object.has_value(), isObject);
    QCOMPARE(parsed.tooDeep, tooDeep);
    if (isObject) QCOMPARE(parsed.object->at("policy"), nlohmann::json("edf"));
  }

  void streamChunksAreJsonWithEscapedText() {
    CompletionFormatter chat(CompletionEndpoint::ChatCompletions, "chatcmpl-1", "m\"odel", 17, true);
    const std::string chunk = chat.tokenChunk("a \"quoted\"\n\x01 piece");
    QVERIFY(chunk.starts_with("data: ") && chunk.ends_with("\n\n"));
    const json parsed = json::parse(chunk.substr(6));
    QCOMPARE(parsed["choices"][0]["delta"]["content"], "a \"quoted\"\n\x01 piece");
    QCOMPARE(parsed["model"], "m\"odel");
    QVERIFY(parsed["usage"].is_null());
    const json usage = json::parse(chat.usageChunk(5, 7).substr(6));
    QCOMPARE(usage["usage"]["total_tokens"], 12);
    QVERIFY(usage["choices"].empty());
    CompletionFormatter plain(CompletionEndpoint::Completions, "cmpl-1", "m", 17);
    const json finish = json::parse(plain.finishChunk("length").substr(6));
    QCOMPARE(finish["choices"][0]["finish_reason"], "length");
    QVERIFY(!finish.contains("usage"));
    const json full = json::parse(plain.fullResponse("hi", "length", 2, 3));
    QCOMPARE(full["object"], "text_completion");
    QCOMPARE(full["choices"][0]["text"], "hi");
    QCOMPARE(full["usage"]["total_tokens"], 5);
  }

  void prometheusTextFormat() {
    BucketHistogram histogram({0.1, 1.0, 0.1, -1.0});
    QCOMPARE(histogram.boundsS(), (std::vector<double>{0.1, 1.0}));
    histogram.record(std::chrono::milliseconds(50));
    histogram.record(std::chrono::milliseconds(100));
    histogram.record(std::chrono::seconds(5));
    PrometheusWriter out;
    out.family("x_seconds", "histogram", "help");
    out.histogram("x_seconds", {{"class", "a\"b"}}, histogram);
    const std::string& text = out.text();
    QVERIFY(text.find("# TYPE x_seconds histogram\n") != std::string::npos);
    QVERIFY(text.find("x_seconds_bucket{class=\"a\\\"b\",le=\"0.1\"} 2\n") != std::string::npos);
    QVERIFY(text.find("x_seconds_bucket{class=\"a\\\"b\",le=\"1\"} 2\n") != std::string::npos);
    QVERIFY(text.find("x_seconds_bucket{class=\"a\\\"b\",le=\"+Inf\"} 3\n") != std::string::npos);
    QVERIFY(text.find("x_seconds_count{class=\"a\\\"b\"} 3\n") != std::string::npos);
    QVERIFY(text.find("x_seconds_sum{class=\"a\\\"b\"} 5.15\n") != std::string::npos);
    QVERIFY(headroom::test::prometheusLintProblems(text).empty());
  }

  // The checks the /metrics tests rely on find what promtool would.
  void prometheusLintFindsBadExpositions() {
    PrometheusWriter good;
    good.family("x_total", "counter", "help");
    good.sample("x_total", {{"class", "a"}}, std::uint64_t{1});
    QVERIFY(headroom::test::prometheusLintProblems(good.text()).empty());
    const std::string bad[] = {
        "# HELP x counter\n# TYPE x counter\nx 1\n",                                  // no _total
        "# HELP x_total h\n# TYPE x_total counter\nx_total 1\n# HELP x_total h\n# TYPE x_total counter\n",
        "# HELP x_total h\n# TYPE x_total counter\ny_total 1\n",                       // outside its family
        "# HELP g_total h\n# TYPE g_total gauge\ng_total 1\n",                         // _total on a gauge
        "# HELP h_seconds h\n# TYPE h_seconds histogram\nh_seconds_bucket{le=\"1\"} 2\n"
        "h_seconds_bucket{le=\"+Inf\"} 1\nh_seconds_sum 1\nh_seconds_count 1\n",             // not cumulative
        "# HELP h_seconds h\n# TYPE h_seconds histogram\nh_seconds_bucket{le=\"+Inf\"} 2\n"
        "h_seconds_sum 1\nh_seconds_count 3\n",                                              // count != +Inf
    };
    for (const std::string& text : bad) QVERIFY2(!headroom::test::prometheusLintProblems(text).empty(), text.c_str());
  }

  void apiErrorAsAStreamEvent() {
    const ApiError error = ApiError::make(502, "gone", "server_error", "member_failed");
    const std::string event = error.sseEvent();
    QVERIFY(event.starts_with("data: {"));
    QVERIFY(event.ends_with("}\n\n"));
    const json parsed = json::parse(event.substr(6));
    QCOMPARE(parsed["error"]["message"], "gone");
    QCOMPARE(parsed["error"]["code"], "member_failed");
  }
};

QTEST_GUILESS_MAIN(TestOpenAiProtocol)
#include "tst_openai_protocol.moc"
