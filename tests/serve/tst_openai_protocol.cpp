#include <QtTest>

#include "serve/protocol/api_error.h"
#include "serve/protocol/completion_formatter.h"
#include "serve/protocol/completion_request.h"
#include "serve/protocol/json_object_body.h"
#include "serve/protocol/json_text.h"
#include "serve/protocol/prometheus_writer.h"
#include "support/prometheus_lint.h"

using namespace headroom::engine;
using namespace headroom::serve;
using nlohmann::json;

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
