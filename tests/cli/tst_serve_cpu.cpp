// `headroom-cli serve` on the CPU reference executor (llama-tiny, seeded random weights), started as a
// real process: replies are the model's own tokens decoded, prompts and usage are counted for real.
#include <QtTest>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <cmath>
#include <memory>

#include "engine/exec/cpu/cpu_llama.h"
#include "engine/exec/executor_spec.h"
#include "engine/exec/llama/byte_tokenizer.h"
#include "engine/exec/llama/shared_llama_weights.h"
#include "engine/exec/sampler.h"
#include "engine/exec/token_logprobs.h"
#include "serve/protocol/logprobs_json.h"
#include "serve/protocol/chat_template.h"
#include "serve/server/utf8_token_decoder.h"
#include "support/http_test_client.h"
#include "support/server_process.h"

using namespace headroom::engine;
using namespace headroom::serve;
using headroom::test::HttpConnection;
using headroom::test::HttpReply;
using headroom::test::ServerProcess;
using headroom::test::httpRequest;
using headroom::test::sseData;

namespace {

constexpr std::uint64_t kWeightsSeed = 11;
const std::pair<std::string, std::string> kUser{"Authorization", "Bearer sk-user-0123456789"};
const std::pair<std::string, std::string> kAdmin{"Authorization", "Bearer sk-admin-0123456789"};

QByteArray cpuServeConfig() {
  return QByteArray(R"({
    "model_name": "tiny",
    "executor": {"kind": "cpu", "model": "llama-tiny", "weights": "random", "weights_seed": )") +
         QByteArray::number(static_cast<qulonglong>(kWeightsSeed)) + R"(},
    "scheduler": {"policy": "hybrid", "chunking": "fixed:64"},
    "classes": [{"name": "chat", "rank": 0, "slo": {"ttft_s": 5, "tbt_s": 1}},
                {"name": "bulk", "rank": 1, "importance": "low", "slo": {"ttlt_s": 60}}],
    "tenants": [{"name": "user", "classes": ["chat", "bulk"], "keys": ["sk-user-0123456789"]}],
    "admin_keys": ["sk-admin-0123456789"],
    "limits": {"max_prompt_tokens": 200, "max_output_tokens": 64, "default_max_tokens": 16}
  })";
}

ExecutorSpec tinySpec() {
  ExecutorSpec spec;
  spec.kind = ExecutorKind::Cpu;
  spec.model = "llama-tiny";
  spec.weightsSeed = kWeightsSeed;
  return spec;
}

// The reference model's greedy continuation, stopping after EOS.
std::vector<std::int32_t> greedyTokens(const std::vector<std::int32_t>& prompt, int count) {
  CpuLlama model(sharedLlamaWeights(tinySpec()));
  std::vector<std::int32_t> generated;
  std::vector<float> logits = model.forward(std::vector<SequenceChunk>{{1, prompt}});
  for (int i = 0; i < count; ++i) {
    generated.push_back(Sampler::greedy(logits));
    if (generated.back() == ByteTokenizer::kEos) break;
    if (i + 1 < count) logits = model.forward(std::vector<SequenceChunk>{{1, {generated.back()}}});
  }
  return generated;
}

// The reference model's logprobs for each of `tokens` generated after `prompt` (up to EOS, which has none).
std::vector<TokenLogprobs> referenceLogprobs(const std::vector<std::int32_t>& prompt, const std::vector<std::int32_t>& tokens,
                                             int top) {
  CpuLlama model(sharedLlamaWeights(tinySpec()));
  std::vector<TokenLogprobs> out;
  std::vector<float> logits = model.forward(std::vector<SequenceChunk>{{1, prompt}});
  for (const std::int32_t token : tokens) {
    if (token == ByteTokenizer::kEos) break;
    out.push_back(computeLogprobs(logits, token, top));
    logits = model.forward(std::vector<SequenceChunk>{{1, {token}}});
  }
  return out;
}

struct Expected {
  std::string text;
  int completionTokens = 0;
  std::string finishReason;
};

Expected expectedReply(const std::vector<std::int32_t>& prompt, int maxTokens) {
  const std::vector<std::int32_t> tokens = greedyTokens(prompt, maxTokens);
  const bool eos = !tokens.empty() && tokens.back() == ByteTokenizer::kEos;
  Expected expected;
  expected.text = Utf8TokenDecoder::decodeAll(tokens.data(), eos ? tokens.size() - 1 : tokens.size());
  expected.completionTokens = static_cast<int>(tokens.size());
  expected.finishReason = eos ? "stop" : "length";
  return expected;
}

const QJsonObject jsonOf(const std::string& text) { return QJsonDocument::fromJson(QByteArray::fromStdString(text)).object(); }

std::string escaped(const std::string& text) {
  const QJsonDocument document(QJsonArray{QString::fromStdString(text)});
  const QByteArray array = document.toJson(QJsonDocument::Compact);
  return array.mid(1, array.size() - 2).toStdString();
}

std::string completionBody(const std::string& prompt, int maxTokens, const std::string& extra = {}) {
  return R"({"model": "tiny", "prompt": )" + escaped(prompt) + R"(, "max_tokens": )" + std::to_string(maxTokens) +
         R"(, "temperature": 0)" + extra + "}";
}

const std::string kPrompt = "The queue grows when";

}  // namespace

class TestServeCpu : public QObject {
  Q_OBJECT

 private:
  QTemporaryDir dir_;
  std::unique_ptr<ServerProcess> server_;

  std::uint16_t port() const { return server_->port(); }

  HttpReply post(const std::string& path, const std::string& body,
                 std::vector<std::pair<std::string, std::string>> headers = {kUser}) {
    return httpRequest(port(), "POST", path, body, headers);
  }

 private slots:
  void initTestCase() {
    qputenv("HEADROOM_RESOURCE_DIR", HEADROOM_RESOURCE_DIR_FOR_TESTS);
    QVERIFY(dir_.isValid());
    const QString path = dir_.filePath("cpu.json");
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(cpuServeConfig());
    file.close();
    server_ = std::make_unique<ServerProcess>(QStringList{"serve", path});
    QVERIFY2(server_->started(), server_->errorOutput().constData());
  }

  void cleanupTestCase() { QCOMPARE(server_->stop(), 0); }

  // A greedy completion equals the reference model's greedy tokens decoded, every time.
  void greedyCompletionIsTheModelsText() {
    const Expected expected = expectedReply(ByteTokenizer{}.encode(kPrompt), 24);
    for (int round = 0; round < 2; ++round) {
      const HttpReply reply = post("/v1/completions", completionBody(kPrompt, 24));
      QCOMPARE(reply.status, 200);
      const QJsonObject body = jsonOf(reply.body);
      QCOMPARE(body["choices"][0]["text"].toString(), QString::fromStdString(expected.text));
      QCOMPARE(body["choices"][0]["finish_reason"].toString(), QString::fromStdString(expected.finishReason));
      QCOMPARE(body["usage"]["prompt_tokens"].toInt(), int(kPrompt.size()) + 1);  // BOS + bytes
      QCOMPARE(body["usage"]["completion_tokens"].toInt(), expected.completionTokens);
      QCOMPARE(body["usage"]["total_tokens"].toInt(), int(kPrompt.size()) + 1 + expected.completionTokens);
    }
  }

  void tokenIdPromptIsUsedAsGiven() {
    const std::vector<std::int32_t> ids = {ByteTokenizer::kBos, 'a', 'b', 'c', 200, 17};
    const Expected expected = expectedReply(ids, 10);
    const HttpReply reply =
        post("/v1/completions", R"({"model": "tiny", "prompt": [256, 97, 98, 99, 200, 17], "max_tokens": 10, "temperature": 0})");
    QCOMPARE(reply.status, 200);
    const QJsonObject body = jsonOf(reply.body);
    QCOMPARE(body["choices"][0]["text"].toString(), QString::fromStdString(expected.text));
    QCOMPARE(body["usage"]["prompt_tokens"].toInt(), 6);
    const HttpReply outside = post("/v1/completions", R"({"model": "tiny", "prompt": [1, 300], "max_tokens": 2})");
    QCOMPARE(outside.status, 400);
    QCOMPARE(jsonOf(outside.body)["error"]["param"].toString(), QString("prompt"));
  }

  // The chat is rendered by the documented template and tokenised like any text.
  void chatUsesTheTemplate() {
    const std::string rendered = renderChatPrompt({{"system", "Be brief."}, {"user", "Hello"}});
    const Expected expected = expectedReply(ByteTokenizer{}.encode(rendered), 12);
    const HttpReply reply = post("/v1/chat/completions",
                                 R"({"model": "tiny", "messages": [{"role": "system", "content": "Be brief."},)"
                                 R"({"role": "user", "content": "Hello"}], "max_tokens": 12, "temperature": 0})");
    QCOMPARE(reply.status, 200);
    const QJsonObject body = jsonOf(reply.body);
    QCOMPARE(body["choices"][0]["message"]["content"].toString(), QString::fromStdString(expected.text));
    QCOMPARE(body["usage"]["prompt_tokens"].toInt(), int(rendered.size()) + 1);
  }

  // Streaming chunks concatenate to exactly the non-streaming text; usage comes last.
  void streamConcatenatesToTheSameText() {
    const Expected expected = expectedReply(ByteTokenizer{}.encode(kPrompt), 24);
    HttpConnection connection(port());
    QVERIFY(connection.send("POST", "/v1/completions",
                            completionBody(kPrompt, 24, R"(, "stream": true, "stream_options": {"include_usage": true})"),
                            {kUser}));
    const HttpReply reply = connection.read();
    QCOMPARE(reply.status, 200);
    const std::vector<std::string> events = sseData(reply.body);
    QVERIFY(events.size() >= 3);
    QCOMPARE(events.back(), std::string("[DONE]"));
    QString text;
    QString finishReason;
    for (std::size_t i = 0; i + 2 < events.size(); ++i) {
      const QJsonObject choice = jsonOf(events[i])["choices"][0].toObject();
      text += choice["text"].toString();
      if (!choice["finish_reason"].isNull()) finishReason = choice["finish_reason"].toString();
    }
    QCOMPARE(text, QString::fromStdString(expected.text));
    QCOMPARE(finishReason, QString::fromStdString(expected.finishReason));
    const QJsonObject usage = jsonOf(events[events.size() - 2])["usage"].toObject();
    QCOMPARE(usage["completion_tokens"].toInt(), expected.completionTokens);
    QCOMPARE(usage["prompt_tokens"].toInt(), int(kPrompt.size()) + 1);
  }

  // A stop string cuts the reply before it, finish_reason "stop", and fewer tokens are generated.
  void stopStringsEndTheReply() {
    const Expected expected = expectedReply(ByteTokenizer{}.encode(kPrompt), 24);
    // Whole characters from inside the reply (it may hold U+FFFD for bytes that are not UTF-8).
    const QString full = QString::fromStdString(expected.text);
    if (full.size() < 6) QSKIP("the seeded model ends too soon for a stop string inside its reply");
    const std::string stop = full.mid(3, 2).toStdString();
    const std::string cut = full.left(full.indexOf(full.mid(3, 2))).toStdString();
    for (const std::string& stopField : {", \"stop\": " + escaped(stop),
                                         ", \"stop\": [\"\\u0001never\", " + escaped(stop) + "]"}) {
      const HttpReply reply = post("/v1/completions", completionBody(kPrompt, 24, stopField));
      QCOMPARE(reply.status, 200);
      const QJsonObject body = jsonOf(reply.body);
      QCOMPARE(body["choices"][0]["text"].toString(), QString::fromStdString(cut));
      QCOMPARE(body["choices"][0]["finish_reason"].toString(), QString("stop"));
      QVERIFY(body["usage"]["completion_tokens"].toInt() < expected.completionTokens);
      QVERIFY(body["usage"]["completion_tokens"].toInt() >= 1);
    }
    HttpConnection connection(port());
    QVERIFY(connection.send("POST", "/v1/completions",
                            completionBody(kPrompt, 24, ", \"stream\": true, \"stop\": " + escaped(stop)), {kUser}));
    const std::vector<std::string> events = sseData(connection.read().body);
    QString text;
    for (std::size_t i = 0; i + 1 < events.size(); ++i) text += jsonOf(events[i])["choices"][0]["text"].toString();
    QCOMPARE(text, QString::fromStdString(cut));
  }

  // Sampling: the same seed gives the same text; top_p near 0 is greedy.
  void seededSamplingIsReproducible() {
    const std::string extra = R"(, "temperature": 1.5, "seed": 1234)";
    const std::string body = R"({"model": "tiny", "prompt": "Sample me", "max_tokens": 16)" + extra + "}";
    const HttpReply first = post("/v1/completions", body);
    const HttpReply second = post("/v1/completions", body);
    QCOMPARE(first.status, 200);
    QCOMPARE(jsonOf(first.body)["choices"][0]["text"], jsonOf(second.body)["choices"][0]["text"]);
    const Expected greedy = expectedReply(ByteTokenizer{}.encode("Sample me"), 16);
    const HttpReply nucleus = post("/v1/completions",
                                   R"({"model": "tiny", "prompt": "Sample me", "max_tokens": 16, "temperature": 1.5,)"
                                   R"( "top_p": 0.000001, "seed": 99})");
    QCOMPARE(jsonOf(nucleus.body)["choices"][0]["text"].toString(), QString::fromStdString(greedy.text));
  }

  void promptLimitCountsRealTokens() {
    const HttpReply reply = post("/v1/completions", completionBody(std::string(250, 'x'), 4));
    QCOMPARE(reply.status, 400);
    QCOMPARE(jsonOf(reply.body)["error"]["code"].toString(), QString("context_length_exceeded"));
  }

  void hintsAreValidated() {
    QCOMPARE(post("/v1/completions", completionBody(kPrompt, 2), {kUser, {"X-Headroom-Deadline-Ms", "1500"}}).status, 200);
    QCOMPARE(post("/v1/completions", completionBody(kPrompt, 2, R"(, "headroom": {"deadline_ms": 800, "importance": "low"})"))
                 .status,
             200);
    QCOMPARE(post("/v1/completions", completionBody(kPrompt, 2), {kUser, {"X-Headroom-Deadline-Ms", "soon"}}).status, 400);
    const HttpReply bad = post("/v1/completions", completionBody(kPrompt, 2, R"(, "headroom": {"importance": "urgent"})"));
    QCOMPARE(bad.status, 400);
    QCOMPARE(jsonOf(bad.body)["error"]["param"].toString(), QString("headroom.importance"));
  }

  // The scheduler policy changes while serving, for the admin only.
  void schedulerPolicyChangesLive() {
    QCOMPARE(httpRequest(port(), "GET", "/v1/headroom/admin/scheduler", {}, {kUser}).status, 403);
    QCOMPARE(httpRequest(port(), "PUT", "/v1/headroom/admin/scheduler", R"({"policy": "edf"})").status, 401);
    const HttpReply before = httpRequest(port(), "GET", "/v1/headroom/admin/scheduler", {}, {kAdmin});
    QCOMPARE(before.status, 200);
    QCOMPARE(jsonOf(before.body)["scheduler"]["policy"].toString(), QString("hybrid"));
    const HttpReply changed = httpRequest(port(), "PUT", "/v1/headroom/admin/scheduler",
                                          R"({"policy": "edf", "chunking": "fixed:16", "relegation": false})", {kAdmin});
    QCOMPARE(changed.status, 200);
    const QJsonObject scheduler = jsonOf(changed.body)["scheduler"].toObject();
    QCOMPARE(scheduler["policy"].toString(), QString("edf"));
    QCOMPARE(scheduler["chunking"].toString(), QString("fixed:16"));
    QCOMPARE(scheduler["relegation"].toBool(), false);
    const HttpReply status = httpRequest(port(), "GET", "/v1/headroom/admin/status", {}, {kAdmin});
    QCOMPARE(jsonOf(status.body)["scheduler"]["policy"].toString(), QString("edf"));
    // Chunking changes the iterations, not the text.
    const Expected expected = expectedReply(ByteTokenizer{}.encode(kPrompt), 8);
    const HttpReply reply = post("/v1/completions", completionBody(kPrompt, 8));
    QCOMPARE(jsonOf(reply.body)["choices"][0]["text"].toString(), QString::fromStdString(expected.text));

    const HttpReply badPolicy =
        httpRequest(port(), "PUT", "/v1/headroom/admin/scheduler", R"({"policy": "random"})", {kAdmin});
    QCOMPARE(badPolicy.status, 400);
    QVERIFY2(jsonOf(badPolicy.body)["error"]["message"].toString().contains("/policy"), badPolicy.body.c_str());
    QCOMPARE(httpRequest(port(), "PUT", "/v1/headroom/admin/scheduler", R"({"kv_block_tokens": 32})", {kAdmin}).status,
             400);
    QCOMPARE(httpRequest(port(), "PUT", "/v1/headroom/admin/scheduler", R"({"colour": 1})", {kAdmin}).status, 400);
    QCOMPARE(jsonOf(httpRequest(port(), "GET", "/v1/headroom/admin/scheduler", {}, {kAdmin}).body)["scheduler"]["policy"]
                 .toString(),
             QString("edf"));
  }

  // Sampling values no executor can run are refused at the API (400 naming the field): the instance
  // never sees them, keeps serving, and /health stays ok.
  void unrunnableSamplingIsRefusedAndTheServerStaysUp() {
    for (const std::string top : {"0", "1e-400", "1e-300"}) {
      const HttpReply reply = post("/v1/completions", completionBody(kPrompt, 4, R"(, "temperature": 1, "top_p": )" + top));
      QVERIFY2(reply.status == 400, (top + ": " + std::to_string(reply.status) + " " + reply.body).c_str());
      QCOMPARE(jsonOf(reply.body)["error"]["param"].toString(), QString("top_p"));
      const HttpReply chat = post("/v1/chat/completions", R"({"model": "tiny", "messages": [{"role": "user", "content": "hi"}],)"
                                                          R"( "max_tokens": 4, "stream": true, "top_p": )" + top + "}");
      QCOMPARE(chat.status, 400);
    }
    const Expected expected = expectedReply(ByteTokenizer{}.encode(kPrompt), 8);
    const HttpReply after = post("/v1/completions", completionBody(kPrompt, 8));
    QCOMPARE(after.status, 200);
    QCOMPARE(jsonOf(after.body)["choices"][0]["text"].toString(), QString::fromStdString(expected.text));
    const HttpReply health = httpRequest(port(), "GET", "/health", {}, {});
    QCOMPARE(health.status, 200);
    QCOMPARE(jsonOf(health.body)["status"].toString(), QString("ok"));
  }

  // logprobs are the reference model's log-softmax at each step, in the completions shape.
  void completionLogprobsAreTheModels() {
    const std::vector<std::int32_t> prompt = ByteTokenizer{}.encode(kPrompt);
    const std::vector<std::int32_t> tokens = greedyTokens(prompt, 12);
    const std::vector<TokenLogprobs> reference = referenceLogprobs(prompt, tokens, 2);
    const HttpReply reply = post("/v1/completions", completionBody(kPrompt, 12, R"(, "logprobs": 2)"));
    QCOMPARE(reply.status, 200);
    const QJsonObject logprobs = jsonOf(reply.body)["choices"][0]["logprobs"].toObject();
    const QJsonArray tokenLogprobs = logprobs["token_logprobs"].toArray();
    QCOMPARE(tokenLogprobs.size(), qsizetype(reference.size()));
    QCOMPARE(logprobs["tokens"].toArray().size(), qsizetype(reference.size()));
    QCOMPARE(logprobs["top_logprobs"].toArray().size(), qsizetype(reference.size()));
    int offset = 0;
    for (std::size_t i = 0; i < reference.size(); ++i) {
      QVERIFY2(std::abs(tokenLogprobs[qsizetype(i)].toDouble() - reference[i].sampled.logprob) < 1e-4,
               qPrintable(QString::number(i)));
      QCOMPARE(logprobs["tokens"][qsizetype(i)].toString(), QString::fromStdString(logprobTokenText(reference[i].sampled.token)));
      const QJsonObject top = logprobs["top_logprobs"][qsizetype(i)].toObject();
      QCOMPARE(top.size(), qsizetype(2));
      const QString best = QString::fromStdString(logprobTokenText(reference[i].top[0].token));
      QVERIFY2(std::abs(top[best].toDouble() - reference[i].top[0].logprob) < 1e-4, qPrintable(best));
      QCOMPARE(logprobs["text_offset"][qsizetype(i)].toInt(), offset);
      offset += int(logprobTokenBytes(reference[i].sampled.token).size());
    }
    // Without the field: null, as OpenAI answers.
    QVERIFY(jsonOf(post("/v1/completions", completionBody(kPrompt, 2)).body)["choices"][0]["logprobs"].isNull());
  }

  // Chat logprobs, streamed and not: the same entries, one per generated token, in the chat shape.
  void chatLogprobsStreamedAndNot() {
    const std::string body = R"({"model": "tiny", "messages": [{"role": "user", "content": "Hello"}], "max_tokens": 10,)"
                             R"( "temperature": 0, "logprobs": true, "top_logprobs": 3)";
    const HttpReply whole = post("/v1/chat/completions", body + "}");
    QCOMPARE(whole.status, 200);
    const QJsonObject answer = jsonOf(whole.body);
    const QJsonArray content = answer["choices"][0]["logprobs"]["content"].toArray();
    const int completionTokens = answer["usage"]["completion_tokens"].toInt();
    const bool eos = answer["choices"][0]["finish_reason"].toString() == "stop";
    QCOMPARE(content.size(), qsizetype(eos ? completionTokens - 1 : completionTokens));
    QVERIFY(content.size() > 0);
    for (const QJsonValue value : content) {
      const QJsonObject entry = value.toObject();
      QCOMPARE(entry["top_logprobs"].toArray().size(), qsizetype(3));
      QCOMPARE(entry["top_logprobs"][0]["logprob"].toDouble(), entry["logprob"].toDouble());  // greedy
      QVERIFY(entry["bytes"].toArray().size() <= 1);
    }
    HttpConnection connection(port());
    QVERIFY(connection.send("POST", "/v1/chat/completions", body + R"(, "stream": true})", {kUser}));
    const std::vector<std::string> events = sseData(connection.read().body);
    QJsonArray streamed;
    for (const std::string& event : events) {
      if (event == "[DONE]") continue;
      const QJsonValue logprobs = jsonOf(event)["choices"][0]["logprobs"];
      if (!logprobs.isObject()) continue;
      for (const auto& entry : logprobs["content"].toArray()) streamed.append(entry);
    }
    QCOMPARE(streamed, content);
  }

  void unsupportedFieldsAreRefusedByName() {
    const HttpReply tools = post("/v1/chat/completions", R"({"model": "tiny", "messages": [{"role": "user", "content": "hi"}],)"
                                                         R"( "tools": [{"type": "function", "function": {"name": "f"}}]})");
    QCOMPARE(tools.status, 400);
    QCOMPARE(jsonOf(tools.body)["error"]["param"].toString(), QString("tools"));
    const HttpReply echo = post("/v1/completions", completionBody(kPrompt, 2, R"(, "echo": true)"));
    QCOMPARE(echo.status, 400);
    QCOMPARE(jsonOf(echo.body)["error"]["param"].toString(), QString("echo"));
    QCOMPARE(post("/v1/completions", completionBody(kPrompt, 2, R"(, "echo": false, "best_of": 1)")).status, 200);
  }

  void modelsByIdAnswerOrSay404() {
    const HttpReply known = httpRequest(port(), "GET", "/v1/models/tiny", {}, {kUser});
    QCOMPARE(known.status, 200);
    QCOMPARE(jsonOf(known.body)["id"].toString(), QString("tiny"));
    QCOMPARE(jsonOf(known.body)["object"].toString(), QString("model"));
    const HttpReply unknown = httpRequest(port(), "GET", "/v1/models/gpt-4o", {}, {kUser});
    QCOMPARE(unknown.status, 404);
    QCOMPARE(jsonOf(unknown.body)["error"]["code"].toString(), QString("model_not_found"));
    QCOMPARE(jsonOf(unknown.body)["error"]["type"].toString(), QString("invalid_request_error"));
    QCOMPARE(httpRequest(port(), "GET", "/v1/models/tiny", {}, {}).status, 401);
  }

  // Every answer carries X-Request-Id: the client's own when sane, else a fresh one; errors too.
  void everyAnswerCarriesARequestId() {
    const std::pair<std::string, std::string> mine{"X-Request-Id", "trace-42.a_b:c"};
    QCOMPARE(post("/v1/completions", completionBody(kPrompt, 2), {kUser, mine}).header("x-request-id"),
             std::string("trace-42.a_b:c"));
    QCOMPARE(post("/v1/completions", completionBody(kPrompt, 2, R"(, "top_p": 0)"), {kUser, mine}).header("x-request-id"),
             std::string("trace-42.a_b:c"));
    QCOMPARE(post("/v1/completions", completionBody(kPrompt, 2), {mine}).header("x-request-id"), std::string("trace-42.a_b:c"));
    HttpConnection connection(port());
    QVERIFY(connection.send("POST", "/v1/completions", completionBody(kPrompt, 2, R"(, "stream": true)"), {kUser, mine}));
    QCOMPARE(connection.read().header("x-request-id"), std::string("trace-42.a_b:c"));
    for (const std::string& bad : {std::string("has space"), std::string(200, 'x')}) {
      const HttpReply reply = post("/v1/completions", completionBody(kPrompt, 2), {kUser, {"X-Request-Id", bad}});
      QVERIFY2(reply.header("x-request-id").starts_with("req-"), reply.header("x-request-id").c_str());
    }
    for (const std::string path : {"/health", "/nowhere", "/v1/models"}) {
      QVERIFY2(!httpRequest(port(), "GET", path, {}, {}).header("x-request-id").empty(), path.c_str());
    }
    const HttpReply first = httpRequest(port(), "GET", "/health", {}, {});
    const HttpReply second = httpRequest(port(), "GET", "/health", {}, {});
    QVERIFY(first.header("x-request-id") != second.header("x-request-id"));
  }

  void cudaConfigurationIsExplained() {
    const QString path = dir_.filePath("cuda.json");
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray(cpuServeConfig()).replace("\"kind\": \"cpu\"", "\"kind\": \"cuda\""));
    file.close();
    QProcess process;
#ifdef HEADROOM_CLI_HAS_CUDA
    {
      // Built with CUDA: a GPU serves, or the factory warns and falls back to the CPU executor.
      ServerProcess cuda(QStringList{"serve", path});
      QVERIFY2(cuda.started(), cuda.errorOutput().constData());
      QCOMPARE(cuda.stop(), 0);
    }
#else
    process.start(QStringLiteral(HEADROOM_CLI_PATH), {"serve", path, "--port", "0"});
    QVERIFY(process.waitForFinished(20000));
    QCOMPARE(process.exitCode(), 1);
    QVERIFY2(QString::fromUtf8(process.readAllStandardError()).contains("CUDA"), "expected the built-without-CUDA error");
#endif
    file.open(QIODevice::WriteOnly | QIODevice::Truncate);
    file.write(QByteArray(cpuServeConfig()).replace("\"kind\": \"cpu\"", "\"kind\": \"tpu\""));
    file.close();
    process.start(QStringLiteral(HEADROOM_CLI_PATH), {"serve", path, "--port", "0"});
    QVERIFY(process.waitForFinished(20000));
    QCOMPARE(process.exitCode(), 2);
    const QString error = QString::fromUtf8(process.readAllStandardError());
    QVERIFY2(error.contains("/executor/kind") && error.contains("constant, modeled, cpu, cuda"), qPrintable(error));
  }
};

QTEST_GUILESS_MAIN(TestServeCpu)
#include "tst_serve_cpu.moc"
