// `headroom-cli serve` started as a real process on a loopback port and driven over HTTP.
#include <QtTest>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

#include <memory>

#include "support/http_test_client.h"
#include "support/metric_value.h"
#include "support/prometheus_lint.h"
#include "support/server_process.h"
#include "support/test_files.h"

using headroom::test::HttpConnection;
using headroom::test::HttpReply;
using headroom::test::ServerProcess;
using headroom::test::httpRequest;
using headroom::test::metricValue;
using headroom::test::sseData;

namespace {

const char* const kModel = "test-model";
const std::pair<std::string, std::string> kAcme{"Authorization", "Bearer sk-acme-0123456789"};
const std::pair<std::string, std::string> kBulk{"Authorization", "Bearer sk-bulk-0123456789"};
const std::pair<std::string, std::string> kAdmin{"Authorization", "Bearer sk-admin-0123456789"};

// Two classes on a constant executor. acme may use both (default chat), bulk only batch.
QByteArray serveConfig(double iterationS, int maxBatchSize, const QByteArray& chatExtra = {},
                       const QByteArray& batchExtra = {}) {
  return QByteArray(R"({
    "model_name": "test-model",
    "executor": {"kind": "constant", "iteration_s": )") +
         QByteArray::number(iterationS) + R"(},
    "scheduler": {"policy": "priority", "chunking": "fixed:256", "max_batch_size": )" +
         QByteArray::number(maxBatchSize) + R"(},
    "classes": [
      {"name": "chat", "rank": 0, "slo": {"ttft_s": 1.0, "tbt_s": 0.1})" + chatExtra + R"(},
      {"name": "batch", "rank": 1, "slo": {"ttlt_s": 60})" + batchExtra + R"(}
    ],
    "tenants": [
      {"name": "acme", "classes": ["chat", "batch"], "default_class": "chat", "keys": ["sk-acme-0123456789"]},
      {"name": "bulk", "classes": ["batch"], "keys": ["sk-bulk-0123456789"]}
    ],
    "admin_keys": ["sk-admin-0123456789"],
    "limits": {"max_body_bytes": 4096, "max_header_bytes": 2048, "max_prompt_tokens": 256,
               "max_output_tokens": 300, "default_max_tokens": 8}
  })";
}

using headroom::test::writeFile;

const QJsonObject jsonOf(const std::string& text) { return QJsonDocument::fromJson(QByteArray::fromStdString(text)).object(); }

std::string completionBody(int maxTokens, bool stream = false, const std::string& extra = {}) {
  return std::string(R"({"model": "test-model", "prompt": "Say something about queues", "max_tokens": )") +
         std::to_string(maxTokens) + (stream ? R"(, "stream": true)" : "") + extra + "}";
}

std::string chatBody(int maxTokens, bool stream = false, const std::string& extra = {}) {
  return std::string(R"({"model": "test-model", "messages": [{"role": "system", "content": "Be brief."},)"
                     R"({"role": "user", "content": "Hello"}], "max_tokens": )") +
         std::to_string(maxTokens) + (stream ? R"(, "stream": true)" : "") + extra + "}";
}


void verifyError(const HttpReply& reply, int status, const char* type, const char* param = nullptr) {
  QCOMPARE(reply.status, status);
  QCOMPARE(QString::fromStdString(reply.header("content-type")), QString("application/json"));
  const QJsonObject error = jsonOf(reply.body)["error"].toObject();
  QVERIFY2(!error.isEmpty(), reply.body.c_str());
  QVERIFY(!error["message"].toString().isEmpty());
  QCOMPARE(error["type"].toString(), QString(type));
  QVERIFY(error.contains("param") && error.contains("code"));
  if (param) QCOMPARE(error["param"].toString(), QString(param));
}

}  // namespace

class TestServe : public QObject {
  Q_OBJECT

 private:
  QTemporaryDir dir_;
  std::unique_ptr<ServerProcess> server_;  // fast: 5 ms iterations

  std::uint16_t port() const { return server_->port(); }

 private slots:
  void initTestCase() {
    QVERIFY(dir_.isValid());
    const QString config = writeFile(dir_, "fast.json", serveConfig(0.005, 64));
    server_ = std::make_unique<ServerProcess>(QStringList{"serve", config});
    QVERIFY2(server_->started(), server_->errorOutput().constData());
  }

  void cleanupTestCase() {
    QCOMPARE(server_->stop(), 0);
  }

  void healthAndModels() {
    const HttpReply health = httpRequest(port(), "GET", "/health");
    QCOMPARE(health.status, 200);
    QCOMPARE(jsonOf(health.body)["status"].toString(), QString("ok"));
    const HttpReply models = httpRequest(port(), "GET", "/v1/models", {}, {kAcme});
    QCOMPARE(models.status, 200);
    const QJsonObject list = jsonOf(models.body);
    QCOMPARE(list["object"].toString(), QString("list"));
    QCOMPARE(list["data"].toArray().size(), 1);
    QCOMPARE(list["data"][0]["id"].toString(), QString(kModel));
    QCOMPARE(list["data"][0]["object"].toString(), QString("model"));
    QCOMPARE(httpRequest(port(), "GET", "/v1/models").status, 401);
  }

  void completionHasTheOfficialShape() {
    const HttpReply reply = httpRequest(port(), "POST", "/v1/completions", completionBody(6), {kAcme});
    QCOMPARE(reply.status, 200);
    const QJsonObject body = jsonOf(reply.body);
    QVERIFY(body["id"].toString().startsWith("cmpl-"));
    QCOMPARE(body["object"].toString(), QString("text_completion"));
    QVERIFY(body["created"].toInteger() > 1'600'000'000);
    QCOMPARE(body["model"].toString(), QString(kModel));
    const QJsonArray choices = body["choices"].toArray();
    QCOMPARE(choices.size(), 1);
    QCOMPARE(choices[0]["index"].toInt(), 0);
    QVERIFY(choices[0]["text"].isString());
    QVERIFY(!choices[0]["text"].toString().isEmpty());
    QCOMPARE(choices[0]["finish_reason"].toString(), QString("length"));
    QVERIFY(choices[0].toObject().contains("logprobs"));
    const QJsonObject usage = body["usage"].toObject();
    QCOMPARE(usage["completion_tokens"].toInt(), 6);
    QVERIFY(usage["prompt_tokens"].toInt() >= 1);
    QCOMPARE(usage["total_tokens"].toInt(), usage["prompt_tokens"].toInt() + 6);
    QCOMPARE(QString::fromStdString(reply.header("x-headroom-class")), QString("chat"));
  }

  void chatCompletionHasTheOfficialShape() {
    const HttpReply reply = httpRequest(port(), "POST", "/v1/chat/completions", chatBody(4), {kAcme});
    QCOMPARE(reply.status, 200);
    const QJsonObject body = jsonOf(reply.body);
    QVERIFY(body["id"].toString().startsWith("chatcmpl-"));
    QCOMPARE(body["object"].toString(), QString("chat.completion"));
    QCOMPARE(body["model"].toString(), QString(kModel));
    const QJsonObject choice = body["choices"][0].toObject();
    QCOMPARE(choice["index"].toInt(), 0);
    QCOMPARE(choice["message"]["role"].toString(), QString("assistant"));
    QVERIFY(!choice["message"]["content"].toString().isEmpty());
    QCOMPARE(choice["finish_reason"].toString(), QString("length"));
    QCOMPARE(body["usage"]["completion_tokens"].toInt(), 4);
  }

  void defaultMaxTokensApply() {
    const HttpReply reply = httpRequest(port(), "POST", "/v1/chat/completions",
                                        R"({"model": "test-model", "messages": [{"role": "user", "content": "x"}]})",
                                        {kAcme});
    QCOMPARE(reply.status, 200);
    QCOMPARE(jsonOf(reply.body)["usage"]["completion_tokens"].toInt(), 8);
  }

  void completionStreamsInOrder() {
    HttpConnection connection(port());
    QVERIFY(connection.send("POST", "/v1/completions", completionBody(5, true), {kAcme}));
    int chunksSeen = 0;
    const HttpReply reply = connection.read(std::chrono::seconds(20), [&](const std::string&) { ++chunksSeen; });
    QCOMPARE(reply.status, 200);
    QVERIFY(reply.chunked);
    QCOMPARE(QString::fromStdString(reply.header("content-type")), QString("text/event-stream"));
    QVERIFY(chunksSeen >= 2);
    const std::vector<std::string> events = sseData(reply.body);
    QCOMPARE(events.size(), 7u);  // 5 tokens, the finish chunk, [DONE]
    QCOMPARE(events.back(), std::string("[DONE]"));
    QString id;
    QString text;
    for (std::size_t i = 0; i + 1 < events.size(); ++i) {
      const QJsonObject chunk = jsonOf(events[i]);
      QCOMPARE(chunk["object"].toString(), QString("text_completion"));
      if (id.isEmpty()) id = chunk["id"].toString();
      QCOMPARE(chunk["id"].toString(), id);
      QVERIFY(!chunk.contains("usage"));
      const QJsonObject choice = chunk["choices"][0].toObject();
      QCOMPARE(choice["index"].toInt(), 0);
      if (i < 5) {
        QVERIFY(choice["finish_reason"].isNull());
        QVERIFY(!choice["text"].toString().isEmpty());
        text += choice["text"].toString();
      } else {
        QCOMPARE(choice["finish_reason"].toString(), QString("length"));
      }
    }
    QVERIFY(id.startsWith("cmpl-"));
    QVERIFY(!text.isEmpty());
  }

  void chatStreamCarriesRoleThenContentThenUsage() {
    HttpConnection connection(port());
    QVERIFY(connection.send("POST", "/v1/chat/completions",
                            chatBody(3, true, R"(, "stream_options": {"include_usage": true})"), {kAcme}));
    const HttpReply reply = connection.read();
    QCOMPARE(reply.status, 200);
    const std::vector<std::string> events = sseData(reply.body);
    QCOMPARE(events.size(), 7u);  // role, 3 tokens, finish, usage, [DONE]
    const QJsonObject first = jsonOf(events[0]);
    QCOMPARE(first["object"].toString(), QString("chat.completion.chunk"));
    QCOMPARE(first["choices"][0]["delta"]["role"].toString(), QString("assistant"));
    for (int i = 1; i <= 3; ++i) {
      const QJsonObject chunk = jsonOf(events[static_cast<std::size_t>(i)]);
      QVERIFY(!chunk["choices"][0]["delta"]["content"].toString().isEmpty());
      QVERIFY(chunk.contains("usage") && chunk["usage"].isNull());
    }
    const QJsonObject finish = jsonOf(events[4]);
    QCOMPARE(finish["choices"][0]["finish_reason"].toString(), QString("length"));
    QVERIFY(finish["choices"][0]["delta"].toObject().isEmpty());
    const QJsonObject usage = jsonOf(events[5]);
    QCOMPARE(usage["choices"].toArray().size(), 0);
    QCOMPARE(usage["usage"]["completion_tokens"].toInt(), 3);
    QCOMPARE(usage["id"].toString(), first["id"].toString());
    QCOMPARE(events[6], std::string("[DONE]"));
  }

  void keepAliveServesSeveralRequestsOnOneConnection() {
    HttpConnection connection(port());
    for (int i = 0; i < 3; ++i) {
      QVERIFY(connection.send("POST", "/v1/completions", completionBody(2), {kAcme}));
      const HttpReply reply = connection.read();
      QCOMPARE(reply.status, 200);
      QCOMPARE(jsonOf(reply.body)["usage"]["completion_tokens"].toInt(), 2);
    }
  }

  void authentication() {
    verifyError(httpRequest(port(), "POST", "/v1/completions", completionBody(2)), 401, "invalid_request_error");
    verifyError(httpRequest(port(), "POST", "/v1/completions", completionBody(2), {{"Authorization", "Bearer sk-nope-0000000"}}),
                401, "invalid_request_error");
    const HttpReply wrongScheme =
        httpRequest(port(), "POST", "/v1/chat/completions", chatBody(2), {{"Authorization", "Basic abc"}});
    QCOMPARE(wrongScheme.status, 401);
    QCOMPARE(jsonOf(wrongScheme.body)["error"]["code"].toString(), QString("invalid_api_key"));
  }

  void classBinding() {
    // A tenant's default class, a narrowing by header or body, and no way into a class not given.
    const HttpReply bulk = httpRequest(port(), "POST", "/v1/completions", completionBody(2), {kBulk});
    QCOMPARE(bulk.status, 200);
    QCOMPARE(QString::fromStdString(bulk.header("x-headroom-class")), QString("batch"));
    const HttpReply narrowed =
        httpRequest(port(), "POST", "/v1/completions", completionBody(2), {kAcme, {"X-Headroom-Class", "batch"}});
    QCOMPARE(narrowed.status, 200);
    QCOMPARE(QString::fromStdString(narrowed.header("x-headroom-class")), QString("batch"));
    const HttpReply byBody =
        httpRequest(port(), "POST", "/v1/completions", completionBody(2, false, R"(, "qos_class": "batch")"), {kAcme});
    QCOMPARE(byBody.status, 200);
    QCOMPARE(QString::fromStdString(byBody.header("x-headroom-class")), QString("batch"));
    verifyError(httpRequest(port(), "POST", "/v1/completions", completionBody(2), {kBulk, {"X-Headroom-Class", "chat"}}),
                403, "permission_error", "qos_class");
    verifyError(httpRequest(port(), "POST", "/v1/chat/completions", chatBody(2, false, R"(, "qos_class": "chat")"), {kBulk}),
                403, "permission_error", "qos_class");
    verifyError(httpRequest(port(), "POST", "/v1/completions", completionBody(2), {kAcme, {"X-Headroom-Class", "gold"}}),
                400, "invalid_request_error", "qos_class");
    verifyError(httpRequest(port(), "POST", "/v1/completions", completionBody(2, false, R"(, "qos_class": "chat")"),
                            {kAcme, {"X-Headroom-Class", "batch"}}),
                400, "invalid_request_error", "qos_class");
  }

  void badBodies_data() {
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("param");
    const QString completions = "/v1/completions";
    const QString chat = "/v1/chat/completions";
    QTest::newRow("malformed json") << completions << QByteArray(R"({"model": "test-model", "prompt": )") << 400 << "";
    QTest::newRow("not an object") << completions << QByteArray("[1, 2, 3]") << 400 << "";
    QTest::newRow("empty body") << chat << QByteArray() << 400 << "";
    QTest::newRow("no model") << completions << QByteArray(R"({"prompt": "x"})") << 400 << "model";
    QTest::newRow("model is a number") << completions << QByteArray(R"({"model": 7, "prompt": "x"})") << 400 << "model";
    QTest::newRow("unknown model") << completions << QByteArray(R"({"model": "gpt-9", "prompt": "x"})") << 404 << "model";
    QTest::newRow("no prompt") << completions << QByteArray(R"({"model": "test-model"})") << 400 << "prompt";
    QTest::newRow("prompt is an object") << completions << QByteArray(R"({"model": "test-model", "prompt": {}})") << 400 << "prompt";
    QTest::newRow("max_tokens a string") << completions
                                         << QByteArray(R"({"model": "test-model", "prompt": "x", "max_tokens": "9"})")
                                         << 400 << "max_tokens";
    QTest::newRow("max_tokens too large") << completions
                                          << QByteArray(R"({"model": "test-model", "prompt": "x", "max_tokens": 301})")
                                          << 400 << "max_tokens";
    QTest::newRow("max_tokens zero") << chat
                                     << QByteArray(R"({"model": "test-model", "messages": [{"role": "user", "content": "x"}], "max_tokens": 0})")
                                     << 400 << "max_tokens";
    QTest::newRow("stream not a bool") << completions
                                       << QByteArray(R"({"model": "test-model", "prompt": "x", "stream": "yes"})") << 400
                                       << "stream";
    QTest::newRow("stream_options without stream")
        << completions << QByteArray(R"({"model": "test-model", "prompt": "x", "stream_options": {"include_usage": true}})")
        << 400 << "stream_options";
    QTest::newRow("n above 1") << completions << QByteArray(R"({"model": "test-model", "prompt": "x", "n": 2})") << 400 << "n";
    QTest::newRow("temperature out of range")
        << completions << QByteArray(R"({"model": "test-model", "prompt": "x", "temperature": 9})") << 400 << "temperature";
    QTest::newRow("messages empty") << chat << QByteArray(R"({"model": "test-model", "messages": []})") << 400 << "messages";
    QTest::newRow("message without role") << chat << QByteArray(R"({"model": "test-model", "messages": [{"content": "x"}]})")
                                          << 400 << "messages[0].role";
    QTest::newRow("bad role") << chat
                              << QByteArray(R"({"model": "test-model", "messages": [{"role": "wizard", "content": "x"}]})")
                              << 400 << "messages[0].role";
    QTest::newRow("content a number") << chat
                                      << QByteArray(R"({"model": "test-model", "messages": [{"role": "user", "content": 5}]})")
                                      << 400 << "messages[0].content";
    QTest::newRow("prompt too long") << completions
                                     << (QByteArray(R"({"model": "test-model", "prompt": ")") + QByteArray(2000, 'a') + "\"}")
                                     << 400 << "prompt";
    QTest::newRow("token ids with a negative") << completions
                                               << QByteArray(R"({"model": "test-model", "prompt": [1, 2, -3]})") << 400
                                               << "prompt";
    QTest::newRow("deep nesting") << completions
                                  << (QByteArray(R"({"model": "test-model", "prompt": "x", "user": )") +
                                      QByteArray(200, '[') + QByteArray(200, ']') + "}")
                                  << 400 << "";
    QTest::newRow("top_p 0") << completions << QByteArray(R"({"model": "test-model", "prompt": "x", "top_p": 0})") << 400
                             << "top_p";
    QTest::newRow("tools") << chat
                           << QByteArray(R"({"model": "test-model", "messages": [{"role": "user", "content": "x"}],)"
                                         R"( "tools": [{"type": "function"}]})")
                           << 400 << "tools";
    // The modeled executor computes no logits.
    QTest::newRow("logprobs on a modeled executor")
        << chat << QByteArray(R"({"model": "test-model", "messages": [{"role": "user", "content": "x"}], "logprobs": true})")
        << 400 << "logprobs";
    QTest::newRow("completion logprobs on a modeled executor")
        << completions << QByteArray(R"({"model": "test-model", "prompt": "x", "logprobs": 1})") << 400 << "logprobs";
    QTest::newRow("oversize body") << completions
                                   << (QByteArray(R"({"model": "test-model", "prompt": ")") + QByteArray(5000, 'a') + "\"}")
                                   << 413 << "";
  }

  void badBodies() {
    QFETCH(QString, path);
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QString, param);
    const HttpReply reply = httpRequest(port(), "POST", path.toStdString(), body.toStdString(), {kAcme});
    verifyError(reply, status, "invalid_request_error", param.isEmpty() ? nullptr : param.toUtf8().constData());
    // The server is still there.
    QCOMPARE(httpRequest(port(), "GET", "/health").status, 200);
  }

  void badRequestsOnTheWire() {
    {
      HttpConnection connection(port());
      QVERIFY(connection.sendRaw("THIS IS NOT HTTP\r\n\r\n"));
      const HttpReply reply = connection.read();
      QCOMPARE(reply.status, 400);
      QVERIFY(reply.header("x-request-id").starts_with("req-"));  // every answer carries one
      QVERIFY(connection.closedByPeer(std::chrono::seconds(5)));
    }
    {
      HttpConnection connection(port());
      QVERIFY(connection.send("GET", "/health", {}, {{"X-Filler", std::string(4000, 'x')}}));
      const HttpReply reply = connection.read();
      QCOMPARE(reply.status, 431);
      QVERIFY(!reply.header("x-request-id").empty());
    }
    {
      HttpConnection connection(port());
      QVERIFY(connection.sendRaw("POST /v1/completions HTTP/1.1\r\nHost: x\r\nContent-Length: 100000\r\n\r\n"));
      const HttpReply reply = connection.read();
      QCOMPARE(reply.status, 413);
      QVERIFY(!reply.header("x-request-id").empty());
    }
    verifyError(httpRequest(port(), "GET", "/v1/nothing-here"), 404, "invalid_request_error");
    const HttpReply wrongMethod = httpRequest(port(), "GET", "/v1/completions", {}, {kAcme});
    verifyError(wrongMethod, 405, "invalid_request_error");
    QCOMPARE(QString::fromStdString(wrongMethod.header("allow")), QString("POST"));
    QCOMPARE(httpRequest(port(), "GET", "/health").status, 200);
  }

  void disconnectMidStreamCancels() {
    {
      HttpConnection connection(port());
      QVERIFY(connection.send("POST", "/v1/completions", completionBody(300, true), {kBulk}));
      // Leave after the head and first chunk arrive.
      int chunks = 0;
      connection.read(std::chrono::milliseconds(300), [&](const std::string&) { ++chunks; });
      QVERIFY(chunks > 0);
    }
    QTRY_VERIFY_WITH_TIMEOUT(
        metricValue(httpRequest(port(), "GET", "/metrics").body, R"(headroom_requests_cancelled_total{class="batch"})") >= 1.0,
        10000);
  }

  void metricsExposeClassesAndSloBuckets() {
    QCOMPARE(httpRequest(port(), "POST", "/v1/completions", completionBody(3), {kAcme}).status, 200);
    const HttpReply reply = httpRequest(port(), "GET", "/metrics");
    QCOMPARE(reply.status, 200);
    QVERIFY(QString::fromStdString(reply.header("content-type")).startsWith("text/plain; version=0.0.4"));
    const std::string& text = reply.body;
    for (const char* family : {"headroom_queue_seconds", "headroom_ttft_seconds", "headroom_tbt_seconds", "headroom_token_gap_seconds",
                               "headroom_e2e_seconds"}) {
      QVERIFY2(text.find(std::string("# TYPE ") + family + " histogram") != std::string::npos, family);
    }
    // One bucket set for every class, whatever its SLO.
    QVERIFY(metricValue(text, R"(headroom_tbt_seconds_bucket{class="chat",le="0.1"})") >= 0.0);
    QVERIFY(metricValue(text, R"(headroom_ttft_seconds_bucket{class="chat",le="1"})") >= 1.0);
    QVERIFY(metricValue(text, R"(headroom_e2e_seconds_bucket{class="batch",le="60"})") >= 0.0);
    QVERIFY(metricValue(text, R"(headroom_e2e_seconds_bucket{class="chat",le="60"})") >= 0.0);
    QVERIFY(metricValue(text, R"(headroom_tbt_seconds_bucket{class="batch",le="0.1"})") >= 0.0);
    // Attainment per class and bound: chat has TTFT and TBT bounds, no TTLT bound.
    const double judged = metricValue(text, R"(headroom_slo_requests_total{class="chat",metric="ttft"})");
    QVERIFY(judged >= 1.0);
    const double met = metricValue(text, R"(headroom_slo_met_total{class="chat",metric="ttft"})");
    QVERIFY(met >= 0.0 && met <= judged);
    QCOMPARE(metricValue(text, R"(headroom_slo_requests_total{class="chat",metric="ttlt"})"), 0.0);
    const std::vector<std::string> problems = headroom::test::prometheusLintProblems(text);
    QVERIFY2(problems.empty(), problems.empty() ? "" : problems.front().c_str());
    const double ttftCount = metricValue(text, R"(headroom_ttft_seconds_count{class="chat"})");
    QCOMPARE(metricValue(text, R"(headroom_ttft_seconds_bucket{class="chat",le="+Inf"})"), ttftCount);
    QVERIFY(metricValue(text, R"(headroom_requests_total{class="chat"})") >= 1.0);
    QVERIFY(metricValue(text, R"(headroom_tokens_total{class="chat",kind="completion"})") >= 3.0);
    QCOMPARE(metricValue(text, R"(headroom_rejections_total{class="chat",reason="queue_full"})"), 0.0);
    QVERIFY(metricValue(text, R"(headroom_relegations_total{class="batch",reason="overload"})") >= 0.0);
  }

  void adminEndpointsNeedTheAdminKey() {
    QCOMPARE(httpRequest(port(), "GET", "/v1/headroom/admin/classes").status, 401);
    verifyError(httpRequest(port(), "GET", "/v1/headroom/admin/classes", {}, {kAcme}), 403, "permission_error");
    const HttpReply classes = httpRequest(port(), "GET", "/v1/headroom/admin/classes", {}, {kAdmin});
    QCOMPARE(classes.status, 200);
    const QJsonArray list = jsonOf(classes.body)["classes"].toArray();
    QCOMPARE(list.size(), 2);
    QCOMPARE(list[0]["name"].toString(), QString("chat"));
    QCOMPARE(list[0]["slo"]["tbt_s"].toDouble(), 0.1);

    const std::string update = R"({"classes": [
        {"name": "chat", "rank": 0, "slo": {"ttft_s": 0.5, "tbt_s": 0.1}, "queue_limit": 99},
        {"name": "batch", "rank": 1, "slo": {"ttlt_s": 60}}]})";
    const HttpReply changed = httpRequest(port(), "PUT", "/v1/headroom/admin/classes", update, {kAdmin});
    QCOMPARE(changed.status, 200);
    QCOMPARE(jsonOf(changed.body)["classes"][0]["queue_limit"].toInt(), 99);
    QCOMPARE(jsonOf(changed.body)["classes"][0]["slo"]["ttft_s"].toDouble(), 0.5);
    const std::string metrics = httpRequest(port(), "GET", "/metrics").body;
    QVERIFY(metricValue(metrics, R"(headroom_ttft_seconds_bucket{class="chat",le="0.5"})") >= 0.0);

    const HttpReply bad = httpRequest(port(), "PUT", "/v1/headroom/admin/classes",
                                      R"({"classes": [{"name": "chat", "slo": {"ttft_s": 1}, "queue_limit": -1}]})", {kAdmin});
    verifyError(bad, 400, "invalid_request_error");
    QVERIFY(jsonOf(bad.body)["error"]["message"].toString().contains("/classes/0/queue_limit"));

    const HttpReply status = httpRequest(port(), "GET", "/v1/headroom/admin/status", {}, {kAdmin});
    QCOMPARE(status.status, 200);
    QCOMPARE(jsonOf(status.body)["scheduler"]["policy"].toString(), QString("priority"));
  }

  void telemetryStreamsSnapshots() {
    QCOMPARE(httpRequest(port(), "GET", "/v1/headroom/telemetry", {}, {kAcme}).status, 403);
    HttpConnection connection(port());
    QVERIFY(connection.send("GET", "/v1/headroom/telemetry", {}, {kAdmin}));
    std::vector<std::string> events;
    connection.read(std::chrono::milliseconds(1500), [&](const std::string& chunk) {
      for (const std::string& event : sseData(chunk)) events.push_back(event);
    });
    QVERIFY2(events.size() >= 2, std::to_string(events.size()).c_str());
    const QJsonObject snapshot = jsonOf(events.back());
    QCOMPARE(snapshot["classes"].toArray().size(), 2);
    QCOMPARE(snapshot["classes"][0]["name"].toString(), QString("chat"));
    QVERIFY(snapshot["classes"][0]["completed"].toInt() >= 1);
    QVERIFY(snapshot.contains("instance"));
    QVERIFY(jsonOf(events.back())["time_s"].toDouble() > jsonOf(events.front())["time_s"].toDouble());
  }

  void overloadGives429WithRetryAfter() {
    // One sequence at a time, 0.2 s iterations: one request runs, one waits, the rest are refused.
    const QString config = writeFile(dir_, "slow.json", serveConfig(0.2, 1, R"(, "queue_limit": 1)",
                                                                     R"(, "queue_limit": 1, "overload": "relegate", "relegated_limit": 1)"));
    ServerProcess slow(QStringList{"serve", config});
    QVERIFY(slow.started());
    constexpr int kRequests = 6;
    std::vector<std::unique_ptr<HttpConnection>> connections;
    for (int i = 0; i < kRequests; ++i) {
      connections.push_back(std::make_unique<HttpConnection>(slow.port()));
      QVERIFY(connections.back()->send("POST", "/v1/completions", completionBody(2), {kAcme}));
    }
    int ok = 0;
    int refused = 0;
    for (const auto& connection : connections) {
      const HttpReply reply = connection->read(std::chrono::seconds(20));
      if (reply.status == 200) {
        ++ok;
      } else {
        verifyError(reply, 429, "requests");
        QCOMPARE(jsonOf(reply.body)["error"]["code"].toString(), QString("rate_limit_exceeded"));
        QVERIFY(std::stoi(reply.header("retry-after")) >= 1);
        ++refused;
      }
    }
    QVERIFY2(ok >= 1 && ok <= 2, std::to_string(ok).c_str());
    QCOMPARE(ok + refused, kRequests);

    // The batch class relegates instead: exactly one more is held back, beyond that 429.
    connections.clear();
    for (int i = 0; i < kRequests; ++i) {
      connections.push_back(std::make_unique<HttpConnection>(slow.port()));
      QVERIFY(connections.back()->send("POST", "/v1/completions", completionBody(2), {kBulk}));
    }
    int batchOk = 0;
    for (const auto& connection : connections) batchOk += connection->read(std::chrono::seconds(30)).status == 200;
    QVERIFY2(batchOk >= 2 && batchOk <= 3, std::to_string(batchOk).c_str());
    const std::string metrics = httpRequest(slow.port(), "GET", "/metrics").body;
    QCOMPARE(metricValue(metrics, R"(headroom_rejections_total{class="chat",reason="queue_full"})"), double(refused));
    QCOMPARE(metricValue(metrics, R"(headroom_relegations_total{class="batch",reason="overload"})"), 1.0);
    QCOMPARE(slow.stop(), 0);
  }

  void badConfigurationNamesFileAndField() {
    const QString config = writeFile(dir_, "bad.json", serveConfig(0.01, 4, R"(, "queue_limit": "many")"));
    QProcess process;
    process.start(QStringLiteral(HEADROOM_CLI_PATH), {"serve", config, "--port", "0"});
    QVERIFY(process.waitForFinished(20000));
    QCOMPARE(process.exitCode(), 2);
    const QString error = QString::fromUtf8(process.readAllStandardError());
    QVERIFY2(error.contains("bad.json") && error.contains("/classes/0/queue_limit") && error.contains("integer"),
             qPrintable(error));

    const QString noKeys = writeFile(dir_, "nokeys.json", R"({"executor": {"kind": "constant", "iteration_s": 0.01},
        "classes": [{"name": "chat", "slo": {"ttft_s": 1}}],
        "tenants": [{"name": "t", "classes": ["gold"], "keys": ["sk-0123456789"]}]})");
    process.start(QStringLiteral(HEADROOM_CLI_PATH), {"serve", noKeys, "--port", "0"});
    QVERIFY(process.waitForFinished(20000));
    QCOMPARE(process.exitCode(), 2);
    const QString unknownClass = QString::fromUtf8(process.readAllStandardError());
    QVERIFY2(unknownClass.contains("/tenants/0/classes/0") && unknownClass.contains("chat"), qPrintable(unknownClass));
  }
};

QTEST_GUILESS_MAIN(TestServe)
#include "tst_serve.moc"
