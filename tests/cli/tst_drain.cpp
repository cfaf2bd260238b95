// SIGTERM on real `headroom-cli serve` and `route` processes: new requests get 503 with Retry-After and
// /health 503 while requests in flight finish for --drain-s; what is still running then ends with an
// error event (a stream) or a 503 (a whole answer), never a bare close.
#include <QtTest>

#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <csignal>
#include <memory>

#include "support/http_test_client.h"
#include "support/metric_value.h"
#include "support/server_process.h"
#include "support/test_files.h"

using headroom::test::HttpConnection;
using headroom::test::HttpReply;
using headroom::test::ServerProcess;
using headroom::test::httpRequest;
using headroom::test::metricValue;
using headroom::test::sseData;

namespace {

const std::pair<std::string, std::string> kAcme{"Authorization", "Bearer sk-acme-0123456789"};
const std::pair<std::string, std::string> kAdmin{"Authorization", "Bearer sk-admin-0123456789"};

// 20 ms iterations: a 1000-token reply takes 20 s, a 250-token one 5 s.
// `limits` (optional) is the config's limits object.
QByteArray memberConfig(const QByteArray& limits = {}) {
  return QByteArray(R"({
    "model_name": "test-model",
    "executor": {"kind": "constant", "iteration_s": 0.02},
    "classes": [{"name": "chat", "rank": 0, "slo": {"ttft_s": 60}}],
    "tenants": [{"name": "acme", "classes": ["chat"], "keys": ["sk-acme-0123456789"]}],
    "admin_keys": ["sk-admin-0123456789"])") +
         (limits.isEmpty() ? QByteArray() : ", \"limits\": " + limits) + "}";
}

QByteArray routeConfig(std::uint16_t member) {
  const QByteArray url = "http://127.0.0.1:" + QByteArray::number(member);
  return R"({
    "classes": [{"name": "chat", "rank": 0, "slo": {"ttft_s": 60}}],
    "tenants": [{"name": "acme", "classes": ["chat"], "keys": ["sk-acme-0123456789"]}],
    "members": [{"name": "a", "url": ")" + url + "\"}]}";
}

std::string completionBody(int maxTokens, bool stream) {
  return std::string(R"({"model": "test-model", "prompt": "Tell a story", "max_tokens": )") + std::to_string(maxTokens) +
         (stream ? R"(, "stream": true})" : "}");
}

QJsonObject jsonOf(const std::string& text) { return QJsonDocument::fromJson(QByteArray::fromStdString(text)).object(); }


// A streamed completion sent on a connection of its own.
std::unique_ptr<HttpConnection> openStream(std::uint16_t port, int maxTokens) {
  auto connection = std::make_unique<HttpConnection>(port);
  connection->send("POST", "/v1/completions", completionBody(maxTokens, true), {kAcme});
  return connection;
}

// Once the signal is taken, /health says draining (503) and a new request gets 503, an OpenAI-shaped
// error and a Retry-After of at least 1 s.
void verifyRefusedWhileDraining(std::uint16_t port) {
  QTRY_COMPARE_WITH_TIMEOUT(httpRequest(port, "GET", "/health").status, 503, 5000);
  QCOMPARE(jsonOf(httpRequest(port, "GET", "/health").body)["status"].toString(), QString("draining"));
  const HttpReply refused = httpRequest(port, "POST", "/v1/completions", completionBody(2, false), {kAcme});
  QCOMPARE(refused.status, 503);
  QVERIFY(std::stoi(refused.header("retry-after")) >= 1);
  QCOMPARE(jsonOf(refused.body)["error"].toObject()["type"].toString(), QString("server_error"));
}

// The stream's last event is an error in the OpenAI shape, and the chunked body was terminated.
void verifyEndsWithErrorEvent(const HttpReply& reply) {
  QCOMPARE(reply.status, 200);  // the reader saw the last chunk: not a bare close
  const std::vector<std::string> events = sseData(reply.body);
  QVERIFY(!events.empty());
  const QJsonObject error = jsonOf(events.back())["error"].toObject();
  QVERIFY2(!error.isEmpty(), events.back().c_str());
  QCOMPARE(error["code"].toString(), QString("server_shutdown"));
  QVERIFY(!error["message"].toString().isEmpty());
}

}  // namespace

class TestDrain : public QObject {
  Q_OBJECT

 private:
  QTemporaryDir dir_;

 private slots:
  void initTestCase() { QVERIFY(dir_.isValid()); }

  // Short requests finish during the drain with [DONE]; new ones are refused; the process then exits.
  void serveLetsRunningRequestsFinish() {
    ServerProcess server({"serve", headroom::test::writeFile(dir_, "member.json", memberConfig()), "--drain-s", "20"});
    QVERIFY(server.started());
    auto stream = openStream(server.port(), 250);
    HttpConnection whole(server.port());
    QVERIFY(whole.send("POST", "/v1/completions", completionBody(250, false), {kAcme}));
    QTRY_VERIFY_WITH_TIMEOUT(
        metricValue(httpRequest(server.port(), "GET", "/metrics").body, R"(headroom_running_requests{class="chat"})") == 2.0,
        5000);
    QCOMPARE(::kill(static_cast<pid_t>(server.pid()), SIGTERM), 0);
    verifyRefusedWhileDraining(server.port());
    const HttpReply streamed = stream->read(std::chrono::seconds(10));
    QCOMPARE(streamed.status, 200);
    QCOMPARE(sseData(streamed.body).back(), std::string("[DONE]"));
    const HttpReply answered = whole.read(std::chrono::seconds(10));
    QCOMPARE(answered.status, 200);
    QCOMPARE(jsonOf(answered.body)["usage"].toObject()["completion_tokens"].toInt(), 250);
    // Drained: the process ends by itself, long before its 20 s drain time.
    QVERIFY(server.waitForExit(10000));
    QCOMPARE(server.stop(), 0);
  }

  // A stream longer than the drain (here the config's limits.drain_s) ends with an error event; a whole
  // answer with a 503.
  void serveEndsTheRestWithAnErrorAfterTheDrainTime() {
    ServerProcess server({"serve", headroom::test::writeFile(dir_, "drain5.json", memberConfig(R"({"drain_s": 5})"))});
    QVERIFY(server.started());
    auto stream = openStream(server.port(), 1000);
    HttpConnection whole(server.port());
    QVERIFY(whole.send("POST", "/v1/completions", completionBody(1000, false), {kAcme}));
    HttpConnection telemetry(server.port());
    QVERIFY(telemetry.send("GET", "/v1/headroom/telemetry", {}, {kAdmin}));
    QTRY_VERIFY_WITH_TIMEOUT(
        metricValue(httpRequest(server.port(), "GET", "/metrics").body, R"(headroom_running_requests{class="chat"})") == 2.0,
        5000);
    QCOMPARE(::kill(static_cast<pid_t>(server.pid()), SIGTERM), 0);
    verifyRefusedWhileDraining(server.port());
    verifyEndsWithErrorEvent(stream->read(std::chrono::seconds(10)));
    const HttpReply answered = whole.read(std::chrono::seconds(10));
    QCOMPARE(answered.status, 503);
    QCOMPARE(jsonOf(answered.body)["error"].toObject()["code"].toString(), QString("server_shutdown"));
    // The telemetry stream ends too, its body terminated.
    const HttpReply snapshots = telemetry.read(std::chrono::seconds(10));
    QCOMPARE(snapshots.status, 200);
    QVERIFY(!sseData(snapshots.body).empty());
    QCOMPARE(server.stop(), 0);
  }

  // The router drains the same way; what it still forwards at the end gets an error event, and its
  // member hears the upstream close and cancels the request.
  void routeDrainsAndClosesItsUpstream() {
    ServerProcess member({"serve", headroom::test::writeFile(dir_, "member.json", memberConfig())});
    QVERIFY(member.started());
    ServerProcess router({"route", headroom::test::writeFile(dir_, "route.json", routeConfig(member.port())), "--drain-s", "5"});
    QVERIFY(router.started());
    auto stream = openStream(router.port(), 1000);
    auto memberMetric = [&](const char* series) { return metricValue(httpRequest(member.port(), "GET", "/metrics").body, series); };
    QTRY_VERIFY_WITH_TIMEOUT(memberMetric(R"(headroom_running_requests{class="chat"})") == 1.0, 5000);
    QCOMPARE(::kill(static_cast<pid_t>(router.pid()), SIGTERM), 0);
    verifyRefusedWhileDraining(router.port());
    verifyEndsWithErrorEvent(stream->read(std::chrono::seconds(10)));
    QTRY_VERIFY_WITH_TIMEOUT(memberMetric(R"(headroom_requests_cancelled_total{class="chat"})") == 1.0 &&
                                 memberMetric(R"(headroom_running_requests{class="chat"})") == 0.0,
                             5000);
    QCOMPARE(router.stop(), 0);
    QCOMPARE(member.stop(), 0);
  }

  // A client that leaves the router: the router closes its upstream and the member stops computing.
  void leavingTheRouterCancelsOnTheMember() {
    ServerProcess member({"serve", headroom::test::writeFile(dir_, "member.json", memberConfig())});
    QVERIFY(member.started());
    ServerProcess router({"route", headroom::test::writeFile(dir_, "route.json", routeConfig(member.port()))});
    QVERIFY(router.started());
    auto memberMetric = [&](const char* series) { return metricValue(httpRequest(member.port(), "GET", "/metrics").body, series); };
    for (const bool streamed : {true, false}) {
      {
        HttpConnection connection(router.port());
        QVERIFY(connection.send("POST", "/v1/completions", completionBody(1000, streamed), {kAcme}));
        QTRY_VERIFY_WITH_TIMEOUT(memberMetric(R"(headroom_running_requests{class="chat"})") == 1.0, 5000);
      }
      QTRY_VERIFY_WITH_TIMEOUT(memberMetric(R"(headroom_running_requests{class="chat"})") == 0.0, 5000);
    }
    QCOMPARE(memberMetric(R"(headroom_requests_cancelled_total{class="chat"})"), 2.0);
    QCOMPARE(router.stop(), 0);
    QCOMPARE(member.stop(), 0);
  }
};

QTEST_GUILESS_MAIN(TestDrain)
#include "tst_drain.moc"
