// `headroom-cli route` in front of two real `headroom-cli serve` processes on loopback.
#include <QtTest>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <atomic>
#include <csignal>
#include <future>
#include <memory>

#include "support/http_test_client.h"
#include "support/metric_value.h"
#include "support/prometheus_lint.h"
#include "support/scripted_upstream.h"
#include "support/server_process.h"
#include "support/test_files.h"
#include "support/wait_for.h"

using headroom::test::HttpConnection;
using headroom::test::HttpReply;
using headroom::test::ScriptedUpstream;
using headroom::test::ServerProcess;
using headroom::test::httpRequest;
using headroom::test::metricValue;
using headroom::test::sseData;

namespace {

const std::pair<std::string, std::string> kAcme{"Authorization", "Bearer sk-acme-0123456789"};
const std::pair<std::string, std::string> kAdmin{"Authorization", "Bearer sk-admin-0123456789"};

const char* const kClasses = R"(
    "classes": [
      {"name": "chat", "rank": 0, "slo": {"ttft_s": 1.0, "tbt_s": 0.1}},
      {"name": "batch", "rank": 1, "slo": {"ttlt_s": 60}}
    ],
    "tenants": [{"name": "acme", "classes": ["chat", "batch"], "default_class": "chat", "keys": ["sk-acme-0123456789"]}],
    "admin_keys": ["sk-admin-0123456789"])";

// A member: 20 ms iterations, so a 40-token reply takes about 0.8 s.
QByteArray memberConfig() {
  return QByteArray(R"({"model_name": "test-model", "executor": {"kind": "constant", "iteration_s": 0.02},)") + kClasses + "}";
}

QByteArray routeConfig(std::uint16_t a, std::uint16_t b, const QByteArray& routing = {}) {
  return QByteArray("{") + kClasses + R"(,
    "members": [{"name": "a", "url": "http://127.0.0.1:)" + QByteArray::number(a) + R"("},
                {"name": "b", "url": "http://127.0.0.1:)" + QByteArray::number(b) + R"("}],
    "down_for_s": 30)" + (routing.isEmpty() ? QByteArray() : ", \"routing\": " + routing) + "}";
}

// A route configuration over members given as (name, port), with `extra` top-level fields.
QByteArray routeConfigOver(const std::vector<std::pair<std::string, std::uint16_t>>& members, const QByteArray& extra = {}) {
  QByteArray list;
  for (const auto& [name, port] : members) {
    if (!list.isEmpty()) list += ", ";
    list += R"({"name": ")" + QByteArray::fromStdString(name) + R"(", "url": "http://127.0.0.1:)" + QByteArray::number(port) + R"("})";
  }
  return QByteArray("{") + kClasses + R"(, "members": [)" + list + "]" + (extra.isEmpty() ? QByteArray() : ", " + extra) + "}";
}

// What a scripted member answers to GET /health and to a completion.
std::string healthyAnswer() { return ScriptedUpstream::response(200, R"({"status": "ok"})"); }
std::string completionAnswer() {
  return ScriptedUpstream::response(
      200, R"({"id": "c", "object": "text_completion", "choices": [{"index": 0, "text": "ok", "finish_reason": "length"}],)"
           R"( "usage": {"prompt_tokens": 2, "completion_tokens": 1, "total_tokens": 3}})");
}

using headroom::test::writeFile;

const QJsonObject jsonOf(const std::string& text) { return QJsonDocument::fromJson(QByteArray::fromStdString(text)).object(); }

std::string completion(int maxTokens, bool stream = false) {
  return R"({"model": "test-model", "prompt": "route me", "max_tokens": )" + std::to_string(maxTokens) +
         (stream ? R"(, "stream": true})" : "}");
}


}  // namespace

class TestRoute : public QObject {
  Q_OBJECT

 private:
  QTemporaryDir dir_;

  struct Pool {
    std::unique_ptr<ServerProcess> a;
    std::unique_ptr<ServerProcess> b;
    std::unique_ptr<ServerProcess> router;
  };

  Pool startPool(const QByteArray& routing = {}, const QStringList& extra = {}) {
    Pool pool;
    const QString member = writeFile(dir_, "member.json", memberConfig());
    pool.a = std::make_unique<ServerProcess>(QStringList{"serve", member});
    pool.b = std::make_unique<ServerProcess>(QStringList{"serve", member});
    if (!pool.a->started() || !pool.b->started()) return pool;
    const QString route = writeFile(dir_, "route.json", routeConfig(pool.a->port(), pool.b->port(), routing));
    pool.router = std::make_unique<ServerProcess>(QStringList{"route", route} + extra);
    return pool;
  }

 private slots:
  void initTestCase() { QVERIFY(dir_.isValid()); }

  void forwardsAndStreamsThroughTheRouter() {
    Pool pool = startPool();
    QVERIFY(pool.router && pool.router->started());
    const std::uint16_t port = pool.router->port();
    QSet<QString> members;
    for (int i = 0; i < 4; ++i) {
      const HttpReply reply = httpRequest(port, "POST", "/v1/completions", completion(3), {kAcme});
      QCOMPARE(reply.status, 200);
      QCOMPARE(jsonOf(reply.body)["object"].toString(), QString("text_completion"));
      QCOMPARE(jsonOf(reply.body)["usage"]["completion_tokens"].toInt(), 3);
      QCOMPARE(QString::fromStdString(reply.header("x-headroom-class")), QString("chat"));
      members.insert(QString::fromStdString(reply.header("x-headroom-member")));
    }
    QCOMPARE(members, (QSet<QString>{"a", "b"}));  // idle members share the work

    HttpConnection connection(port);
    QVERIFY(connection.send("POST", "/v1/chat/completions",
                            R"({"model": "test-model", "messages": [{"role": "user", "content": "hi"}], "max_tokens": 4,)"
                            R"( "stream": true, "qos_class": "batch"})",
                            {kAcme}));
    int pieces = 0;
    const HttpReply stream = connection.read(std::chrono::seconds(20), [&](const std::string&) { ++pieces; });
    QCOMPARE(stream.status, 200);
    QCOMPARE(QString::fromStdString(stream.header("content-type")), QString("text/event-stream"));
    QCOMPARE(QString::fromStdString(stream.header("x-headroom-class")), QString("batch"));
    QVERIFY(pieces >= 2);  // passed on as it came, not in one piece
    const std::vector<std::string> events = sseData(stream.body);
    QCOMPARE(events.size(), 7u);
    QCOMPARE(events.back(), std::string("[DONE]"));

    QCOMPARE(httpRequest(port, "POST", "/v1/completions", completion(2)).status, 401);
    QCOMPARE(httpRequest(port, "POST", "/v1/completions", completion(2), {kAcme, {"X-Headroom-Class", "gold"}}).status, 400);
    QCOMPARE(httpRequest(port, "POST", "/v1/completions", "{not json", {kAcme}).status, 400);
    const HttpReply models = httpRequest(port, "GET", "/v1/models", {}, {kAcme});
    QCOMPARE(models.status, 200);
    QCOMPARE(jsonOf(models.body)["data"][0]["id"].toString(), QString("test-model"));

    const std::string metrics = httpRequest(port, "GET", "/metrics").body;
    QVERIFY(metricValue(metrics, R"(headroom_router_requests_total{class="chat"})") >= 4.0);
    QCOMPARE(metricValue(metrics, R"(headroom_router_member_up{member="a"})"), 1.0);
    QVERIFY(metricValue(metrics, R"(headroom_router_overhead_seconds_count{class="chat"})") >= 4.0);
    QVERIFY(metrics.find("# TYPE headroom_router_overhead_seconds histogram") != std::string::npos);
    const std::vector<std::string> problems = headroom::test::prometheusLintProblems(metrics);
    QVERIFY2(problems.empty(), problems.empty() ? "" : problems.front().c_str());
    QCOMPARE(pool.router->stop(), 0);
  }

  void killingAMemberFailsOnlyTheRequestsItWasServing() {
    Pool pool = startPool();
    QVERIFY(pool.router && pool.router->started());
    const std::uint16_t port = pool.router->port();
    // Requests on both members, then a member dies mid-flight. The router cannot tell a crash from a
    // request that crashed it, so those it was serving fail with 502 (not retried elsewhere); every
    // other one is answered in full.
    constexpr int kRequests = 12;
    std::vector<std::future<HttpReply>> replies;
    for (int i = 0; i < kRequests; ++i) {
      replies.push_back(std::async(std::launch::async, [port] {
        return httpRequest(port, "POST", "/v1/completions", completion(40), {kAcme});
      }));
    }
    // Streams: those on the killed member end with an error event, the others finish.
    std::vector<std::future<HttpReply>> streams;
    for (int i = 0; i < 4; ++i) {
      streams.push_back(std::async(std::launch::async, [port] {
        return httpRequest(port, "POST", "/v1/completions", completion(40, true), {kAcme});
      }));
    }
    QTest::qWait(300);
    pool.a->kill();
    int failed = 0;
    for (auto& future : replies) {
      const HttpReply reply = future.get();
      if (reply.status == 502) {
        ++failed;
        QVERIFY(jsonOf(reply.body)["error"]["message"].toString().contains("\"a\""));
        continue;
      }
      QCOMPARE(reply.status, 200);
      QCOMPARE(QString::fromStdString(reply.header("x-headroom-member")), QString("b"));
      QCOMPARE(jsonOf(reply.body)["usage"]["completion_tokens"].toInt(), 40);
    }
    int broken = 0;
    for (auto& future : streams) {
      const HttpReply reply = future.get();
      if (reply.status == 502) {  // the member died before its answer began
        ++failed;
        QVERIFY(jsonOf(reply.body)["error"]["message"].toString().contains("\"a\""));
        continue;
      }
      QCOMPARE(reply.status, 200);
      const std::vector<std::string> events = sseData(reply.body);
      QVERIFY(!events.empty());
      if (reply.header("x-headroom-member") == "b") {
        QCOMPARE(events.back(), std::string("[DONE]"));
      } else {
        QVERIFY2(jsonOf(events.back()).contains("error"), events.back().c_str());
        ++broken;
      }
    }
    // Later requests go to the member that is left, without a retry.
    for (int i = 0; i < 3; ++i) {
      const HttpReply reply = httpRequest(port, "POST", "/v1/completions", completion(2), {kAcme});
      QCOMPARE(reply.status, 200);
      QCOMPARE(QString::fromStdString(reply.header("x-headroom-member")), QString("b"));
    }
    const std::string metrics = httpRequest(port, "GET", "/metrics").body;
    QCOMPARE(metricValue(metrics, R"(headroom_router_member_up{member="a"})"), 0.0);
    QCOMPARE(metricValue(metrics, R"(headroom_router_member_up{member="b"})"), 1.0);
    QCOMPARE(metricValue(metrics, R"(headroom_router_member_failed_requests_total{class="chat"})"), static_cast<double>(failed));
    QCOMPARE(metricValue(metrics, R"(headroom_router_stream_errors_total{class="chat"})"), static_cast<double>(broken));
    QCOMPARE(metricValue(metrics, R"(headroom_router_unavailable_total{class="chat"})"), 0.0);
    const HttpReply health = httpRequest(port, "GET", "/health");
    QCOMPARE(jsonOf(health.body)["members"][0]["up"].toBool(), false);

    // With no member left the router answers 503 in the OpenAI error shape, naming no address.
    pool.b->kill();
    const HttpReply none = httpRequest(port, "POST", "/v1/completions", completion(2), {kAcme});
    QCOMPARE(none.status, 503);
    QCOMPARE(jsonOf(none.body)["error"]["type"].toString(), QString("server_error"));
    QVERIFY2(none.body.find("127.0.0.1") == std::string::npos, none.body.c_str());
    QCOMPARE(pool.router->stop(), 0);
  }

  void weightedSharesSteerClasses() {
    Pool pool = startPool(R"({"policy": "weighted", "shares": {"chat": [1, 0], "batch": [0, 1]}})");
    QVERIFY(pool.router && pool.router->started());
    const std::uint16_t port = pool.router->port();
    for (int i = 0; i < 3; ++i) {
      QCOMPARE(httpRequest(port, "POST", "/v1/completions", completion(1), {kAcme}).header("x-headroom-member"), std::string("a"));
      QCOMPARE(httpRequest(port, "POST", "/v1/completions", completion(1), {kAcme, {"X-Headroom-Class", "batch"}})
                   .header("x-headroom-member"),
               std::string("b"));
    }
    // An operator moves chat to b while the router runs.
    QCOMPARE(httpRequest(port, "PUT", "/v1/headroom/admin/shares", R"({"policy": "weighted", "shares": {"chat": [0, 1]}})",
                         {kAcme})
                 .status,
             403);
    const HttpReply changed = httpRequest(port, "PUT", "/v1/headroom/admin/shares",
                                          R"({"policy": "weighted", "shares": {"chat": [0, 1]}})", {kAdmin});
    QCOMPARE(changed.status, 200);
    QCOMPARE(jsonOf(changed.body)["shares"]["chat"][1].toDouble(), 1.0);
    QCOMPARE(httpRequest(port, "POST", "/v1/completions", completion(1), {kAcme}).header("x-headroom-member"), std::string("b"));
    const HttpReply bad = httpRequest(port, "PUT", "/v1/headroom/admin/shares",
                                      R"({"policy": "weighted", "shares": {"chat": [1]}})", {kAdmin});
    QCOMPARE(bad.status, 400);
    QVERIFY(jsonOf(bad.body)["error"]["message"].toString().contains("/shares/chat"));
    QCOMPARE(pool.router->stop(), 0);
  }

  void planSharesRouteByRate() {
    // A plan as `headroom-cli plan --json` writes it: instance 0 takes all of chat, 1 all of batch.
    const QString plan = writeFile(dir_, "plan.json", R"({"status": "optimal", "instances": [
        {"mode": "m", "rates_per_s": {"chat": 2.0}, "predicted_latency_s": {"chat": 0.5}},
        {"mode": "m", "rates_per_s": {"batch": 1.0}, "predicted_latency_s": {"batch": 9}}]})");
    Pool pool = startPool({}, {"--plan", plan});
    QVERIFY(pool.router && pool.router->started());
    const std::uint16_t port = pool.router->port();
    QCOMPARE(httpRequest(port, "POST", "/v1/completions", completion(1), {kAcme}).header("x-headroom-member"), std::string("a"));
    QCOMPARE(httpRequest(port, "POST", "/v1/completions", completion(1), {kAcme, {"X-Headroom-Class", "batch"}})
                 .header("x-headroom-member"),
             std::string("b"));
    QCOMPARE(pool.router->stop(), 0);

    const QString wrongPlan = writeFile(dir_, "plan3.json", R"({"instances": [{"rates_per_s": {}}, {"rates_per_s": {}}, {"rates_per_s": {}}]})");
    QProcess process;
    process.start(QStringLiteral(HEADROOM_CLI_PATH),
                  {"route", writeFile(dir_, "r.json", routeConfig(1, 2)), "--plan", wrongPlan, "--port", "0"});
    QVERIFY(process.waitForFinished(20000));
    QCOMPARE(process.exitCode(), 2);
    QVERIFY(process.readAllStandardError().contains("/instances"));
  }

  // A request after which its member dropped the connection or answered 500 may have killed it: the
  // client gets a 502 naming the member (not its address), and no other member sees the request.
  void aRequestThatMayHaveKilledItsMemberIsNotRetried_data() {
    QTest::addColumn<int>("status");  // 0: the member drops the connection without a word
    QTest::newRow("connection dropped") << 0;
    QTest::newRow("500") << 500;
  }
  void aRequestThatMayHaveKilledItsMemberIsNotRetried() {
    QFETCH(int, status);
    auto script = [status](const ScriptedUpstream::Request& request) -> std::string {
      if (request.target == "/health") return healthyAnswer();
      if (status == 0) return {};
      return ScriptedUpstream::response(status, R"({"error": {"message": "boom", "type": "server_error", "param": null, "code": null}})");
    };
    ScriptedUpstream a(script);
    ScriptedUpstream b(script);
    QVERIFY(a.started() && b.started());
    const QString config = writeFile(dir_, "poison.json", routeConfigOver({{"a", a.port()}, {"b", b.port()}}));
    ServerProcess router(QStringList{"route", config});
    QVERIFY(router.started());
    const HttpReply reply = httpRequest(router.port(), "POST", "/v1/completions", completion(2), {kAcme});
    QCOMPARE(reply.status, 502);
    QCOMPARE(a.requests("/v1/completions") + b.requests("/v1/completions"), 1);
    const QJsonObject error = jsonOf(reply.body)["error"].toObject();
    QCOMPARE(error["type"].toString(), QString("server_error"));
    QCOMPARE(error["code"].toString(), QString("member_failed"));
    const QString message = error["message"].toString();
    const QString member = a.requests("/v1/completions") == 1 ? "\"a\"" : "\"b\"";
    QVERIFY2(message.contains(member), qPrintable(message));
    QVERIFY2(!message.contains("127.0.0.1") && !message.contains(QString::number(a.port())) &&
                 !message.contains(QString::number(b.port())),
             qPrintable(message));
    QCOMPARE(QString::fromStdString(reply.header("x-should-retry")), QString("false"));
    const std::string metrics = httpRequest(router.port(), "GET", "/metrics").body;
    QCOMPARE(metricValue(metrics, R"(headroom_router_member_failed_requests_total{class="chat"})"), 1.0);
    QCOMPARE(metricValue(metrics, R"(headroom_router_retries_total{class="chat"})"), 0.0);
    QCOMPARE(router.stop(), 0);
  }

  // Failures the request cannot have caused go to the next member: nothing listening, or a 503.
  void failuresThatCannotBeTheRequestsAreRetried_data() {
    QTest::addColumn<bool>("listening");
    QTest::newRow("connection refused") << false;
    QTest::newRow("503") << true;
  }
  void failuresThatCannotBeTheRequestsAreRetried() {
    QFETCH(bool, listening);
    auto first = std::make_unique<ScriptedUpstream>([](const ScriptedUpstream::Request& request) -> std::string {
      if (request.target == "/health") return healthyAnswer();
      return ScriptedUpstream::response(503, R"({"error": {"message": "stopping", "type": "server_error", "param": null, "code": null}})");
    });
    ScriptedUpstream second([](const ScriptedUpstream::Request& request) -> std::string {
      return request.target == "/health" ? healthyAnswer() : completionAnswer();
    });
    QVERIFY(first->started() && second.started());
    const std::uint16_t firstPort = first->port();
    if (!listening) first.reset();
    const QString config = writeFile(dir_, "retry.json",
                                     routeConfigOver({{"a", firstPort}, {"b", second.port()}},
                                                     R"("routing": {"policy": "weighted", "shares": {"chat": [1, 0]}})"));
    ServerProcess router(QStringList{"route", config});
    QVERIFY(router.started());
    const HttpReply reply = httpRequest(router.port(), "POST", "/v1/completions", completion(1), {kAcme});
    QCOMPARE(reply.status, 200);
    QCOMPARE(QString::fromStdString(reply.header("x-headroom-member")), QString("b"));
    if (first) QCOMPARE(first->requests("/v1/completions"), 1);
    const std::string metrics = httpRequest(router.port(), "GET", "/metrics").body;
    // A member that is not listening may have been taken down by its health check before the request.
    if (listening) QCOMPARE(metricValue(metrics, R"(headroom_router_retries_total{class="chat"})"), 1.0);
    QCOMPARE(metricValue(metrics, R"(headroom_router_member_failed_requests_total{class="chat"})"), 0.0);
    QCOMPARE(router.stop(), 0);
  }

  // A member that dies half-way through a stream: the client gets the whole events sent so far, then
  // an error event the OpenAI SDKs raise, and no [DONE].
  void aMemberDyingMidStreamEndsTheStreamWithAnErrorEvent() {
    ScriptedUpstream a([](const ScriptedUpstream::Request& request) -> std::string {
      if (request.target == "/health") return healthyAnswer();
      return ScriptedUpstream::streamStart({"data: {\"choices\": [{\"index\": 0, \"text\": \"Hel\"}]}\n\n",
                                            "data: {\"choices\": [{\"index\": 0, \"text\": \"lo\"}]}\n\ndata: {\"choi"});
    });
    QVERIFY(a.started());
    const QString config = writeFile(dir_, "midstream.json", routeConfigOver({{"a", a.port()}}));
    ServerProcess router(QStringList{"route", config});
    QVERIFY(router.started());
    const HttpReply reply = httpRequest(router.port(), "POST", "/v1/completions", completion(8, true), {kAcme});
    QCOMPARE(reply.status, 200);
    const std::vector<std::string> events = sseData(reply.body);
    QCOMPARE(events.size(), 3u);
    QVERIFY(events[1].find("\"lo\"") != std::string::npos);
    QVERIFY2(reply.body.find("{\"choi\n") == std::string::npos && reply.body.find("choi\"") == std::string::npos,
             reply.body.c_str());
    const QJsonObject error = jsonOf(events[2])["error"].toObject();
    QCOMPARE(error["type"].toString(), QString("server_error"));
    QCOMPARE(error["code"].toString(), QString("member_failed"));
    QVERIFY2(error["message"].toString().contains("\"a\""), events[2].c_str());
    QVERIFY(!error["message"].toString().contains("127.0.0.1"));
    const std::string metrics = httpRequest(router.port(), "GET", "/metrics").body;
    QCOMPARE(metricValue(metrics, R"(headroom_router_stream_errors_total{class="chat"})"), 1.0);
    QCOMPARE(metricValue(metrics, R"(headroom_router_stream_errors_total{class="batch"})"), 0.0);
    QCOMPARE(router.stop(), 0);
  }

  // A member skipped after a failure comes back only when its health check answers, not when down_for_s
  // has passed.
  void aFailedMemberIsUpOnlyWhenItsHealthCheckAnswers() {
    std::atomic<bool> healthy{false};
    ScriptedUpstream a([&healthy](const ScriptedUpstream::Request& request) -> std::string {
      if (request.target == "/health") return healthy ? healthyAnswer() : ScriptedUpstream::response(503, R"({"status": "failed"})");
      if (healthy) return completionAnswer();
      return ScriptedUpstream::response(503, R"({"error": {"message": "down", "type": "server_error", "param": null, "code": null}})");
    });
    ScriptedUpstream b([](const ScriptedUpstream::Request& request) -> std::string {
      return request.target == "/health" ? healthyAnswer() : completionAnswer();
    });
    QVERIFY(a.started() && b.started());
    const QString config = writeFile(
        dir_, "health.json",
        routeConfigOver({{"a", a.port()}, {"b", b.port()}},
                        R"("down_for_s": 0.2, "routing": {"policy": "weighted", "shares": {"chat": [1, 0]}})"));
    ServerProcess router(QStringList{"route", config});
    QVERIFY(router.started());
    const std::uint16_t port = router.port();
    auto memberUp = [port](const char* name) {
      return metricValue(httpRequest(port, "GET", "/metrics").body, std::string(R"(headroom_router_member_up{member=")") + name + "\"}");
    };
    QCOMPARE(httpRequest(port, "POST", "/v1/completions", completion(1), {kAcme}).header("x-headroom-member"), std::string("b"));
    // Well past down_for_s, with health checks answered 503 meanwhile: still down, requests go to b.
    const auto failedAt = std::chrono::steady_clock::now();
    headroom::test::waitFor([&] {
      return a.requests("/health") >= 3 && std::chrono::steady_clock::now() - failedAt > std::chrono::seconds(1);
    });
    QCOMPARE(memberUp("a"), 0.0);
    QCOMPARE(memberUp("b"), 1.0);
    QCOMPARE(httpRequest(port, "POST", "/v1/completions", completion(1), {kAcme}).header("x-headroom-member"), std::string("b"));
    QVERIFY(a.requests("/v1/completions") <= 1);  // only if the first request came before the first check
    // It answers again: up, and the class's share sends the next request there.
    healthy = true;
    QVERIFY(headroom::test::waitFor([&] { return memberUp("a") == 1.0; }, std::chrono::seconds(20), std::chrono::milliseconds(50)));
    QCOMPARE(httpRequest(port, "POST", "/v1/completions", completion(1), {kAcme}).header("x-headroom-member"), std::string("a"));
    QCOMPARE(router.stop(), 0);
  }

  // Every answer of the router carries X-Request-Id, its own errors too; the member is given the same
  // id, and GET /v1/models/{id} is passed on to a member.
  void everyAnswerCarriesTheRequestIdAndTheMemberGetsIt() {
    std::mutex seenMutex;
    std::vector<std::string> heads;
    ScriptedUpstream a([&](const ScriptedUpstream::Request& request) -> std::string {
      if (request.target == "/health") return healthyAnswer();
      {
        std::lock_guard lock(seenMutex);
        heads.push_back(request.head);
      }
      if (request.target == "/v1/models/other") {
        return ScriptedUpstream::response(404, R"({"error": {"message": "no such model", "type": "invalid_request_error", "param": "model", "code": "model_not_found"}})");
      }
      return completionAnswer();
    });
    QVERIFY(a.started());
    const QString config = writeFile(dir_, "request-id.json", routeConfigOver({{"a", a.port()}}));
    ServerProcess router(QStringList{"route", config});
    QVERIFY(router.started());
    // The router's own 401, with and without the client's id.
    const HttpReply unauthorised = httpRequest(router.port(), "POST", "/v1/completions", completion(1), {{"X-Request-Id", "client-7"}});
    QCOMPARE(unauthorised.status, 401);
    QCOMPARE(QString::fromStdString(unauthorised.header("x-request-id")), QString("client-7"));
    const HttpReply unknownPath = httpRequest(router.port(), "GET", "/v2/nothing");
    QCOMPARE(unknownPath.status, 404);
    QVERIFY(QString::fromStdString(unknownPath.header("x-request-id")).startsWith("req-"));
    // Forwarded: the member sees the client's id, the answer carries it.
    const HttpReply forwarded = httpRequest(router.port(), "POST", "/v1/completions", completion(1), {kAcme, {"X-Request-Id", "client-8"}});
    QCOMPARE(forwarded.status, 200);
    QCOMPARE(QString::fromStdString(forwarded.header("x-request-id")), QString("client-8"));
    const HttpReply model = httpRequest(router.port(), "GET", "/v1/models/other", "", {kAcme});
    QCOMPARE(model.status, 404);
    QCOMPARE(jsonOf(model.body)["error"].toObject()["code"].toString(), QString("model_not_found"));
    QVERIFY(!QString::fromStdString(model.header("x-request-id")).isEmpty());
    {
      std::lock_guard lock(seenMutex);
      QCOMPARE(heads.size(), std::size_t{2});
      QVERIFY2(QString::fromStdString(heads[0]).contains("X-Request-Id: client-8", Qt::CaseInsensitive), heads[0].c_str());
      QVERIFY2(QString::fromStdString(heads[1]).contains("X-Request-Id: " + QString::fromStdString(model.header("x-request-id")),
                                                         Qt::CaseInsensitive),
               heads[1].c_str());
    }
    QCOMPARE(router.stop(), 0);
  }

  // An OpenAI-compatible member without /health answers its check 404: it is there, so it stays up.
  void aMemberWithoutAHealthEndpointStaysUp() {
    ScriptedUpstream a([](const ScriptedUpstream::Request& request) -> std::string {
      if (request.target == "/health") return ScriptedUpstream::response(404, R"({"error": "not found"})");
      return completionAnswer();
    });
    QVERIFY(a.started());
    const QString config = writeFile(dir_, "nohealth.json", routeConfigOver({{"a", a.port()}}, R"("health_check_interval_s": 0.05)"));
    ServerProcess router(QStringList{"route", config});
    QVERIFY(router.started());
    QVERIFY(headroom::test::waitFor([&] { return a.requests("/health") >= 3; }));
    QCOMPARE(metricValue(httpRequest(router.port(), "GET", "/metrics").body, R"(headroom_router_member_up{member="a"})"), 1.0);
    QCOMPARE(httpRequest(router.port(), "POST", "/v1/completions", completion(1), {kAcme}).status, 200);
    QCOMPARE(router.stop(), 0);
  }

  // Clients that leave mid-stream, on member connections the router reuses, from several router
  // threads at once: the router keeps serving and exits cleanly (under the tsan preset: without a
  // data race between the cancel and the reused connection's reads).
  void clientsLeavingMidStreamOnReusedConnections() {
    Pool pool = startPool({}, {"--threads", "4"});
    QVERIFY(pool.router && pool.router->started());
    const std::uint16_t port = pool.router->port();
    std::vector<std::future<int>> clients;
    for (int c = 0; c < 8; ++c) {
      clients.push_back(std::async(std::launch::async, [port] {
        int served = 0;
        for (int i = 0; i < 8; ++i) {
          if (httpRequest(port, "POST", "/v1/completions", completion(1), {kAcme}).status == 200) ++served;
          HttpConnection leaving(port);
          leaving.send("POST", "/v1/completions", completion(40, true), {kAcme});
          leaving.read(std::chrono::milliseconds(50));  // the head and perhaps a token, then away
        }
        return served;
      }));
    }
    for (auto& client : clients) QCOMPARE(client.get(), 8);
    QCOMPARE(httpRequest(port, "POST", "/v1/completions", completion(2), {kAcme}).status, 200);
    QCOMPARE(pool.router->stop(), 0);
  }
};

QTEST_GUILESS_MAIN(TestRoute)
#include "tst_route.moc"
