// `headroom-cli route` in front of `headroom-cli serve` over QUIC (real processes on loopback): a
// streaming completion gives the same text and usage as over HTTP, a wrong pinned certificate gives a
// clear error, a stream past its class's deadline ends with deadline_passed, a bad stream header is
// reset while the connection's other streams go on, both ends count streams on /metrics, and serve
// refuses --quic-port without a certificate and key, saying how to make them.
#include <QtTest>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <memory>

#include "net/quic/quic_udp_server.h"
#include "net/quic/stream_header.h"
#include "support/http_test_client.h"
#include "support/metric_value.h"
#include "support/prometheus_lint.h"
#include "support/quic_test_support.h"
#include "support/test_certificates.h"
#include "support/server_process.h"
#include "support/test_files.h"
#include "support/wait_for.h"

using namespace headroom;
using headroom::test::HttpReply;
using headroom::test::RawQuicClient;
using headroom::test::ServerProcess;
using headroom::test::httpRequest;
using headroom::test::metricValue;
using headroom::test::sseData;
using headroom::test::writeFile;

namespace {

// UDP ports of the QUIC listeners (this suite's range).
constexpr std::uint16_t kCpuQuicPort = 42201;
constexpr std::uint16_t kSlowQuicPort = 42202;
constexpr std::uint16_t kRefusedQuicPort = 42203;

const std::pair<std::string, std::string> kUser{"Authorization", "Bearer sk-user-0123456789"};

const char* const kAccess = R"(
    "classes": [{"name": "chat", "rank": 0, "slo": {"ttft_s": 5, "tbt_s": 1}},
                {"name": "bulk", "rank": 1, "importance": "low", "slo": {"ttlt_s": 60}}],
    "tenants": [{"name": "user", "classes": ["chat", "bulk"], "default_class": "chat", "keys": ["sk-user-0123456789"]}],
    "admin_keys": ["sk-admin-0123456789"])";

// The CPU reference model with seeded weights: greedy replies are the same on every path.
QByteArray cpuServeConfig() {
  return QByteArray(R"({"model_name": "tiny",
    "executor": {"kind": "cpu", "model": "llama-tiny", "weights": "random", "weights_seed": 11},
    "limits": {"max_prompt_tokens": 200, "max_output_tokens": 64, "default_max_tokens": 16},)") + kAccess + "}";
}

// 50 ms per iteration: a 40-token answer streams for about 2 s.
QByteArray slowServeConfig() {
  return QByteArray(R"({"model_name": "tiny", "executor": {"kind": "constant", "iteration_s": 0.05},)") + kAccess + "}";
}

QByteArray routeConfig(const QByteArray& member, const QByteArray& extra = {}) {
  return QByteArray("{") + kAccess + R"(, "members": [)" + member + "]" + (extra.isEmpty() ? QByteArray() : ", " + extra) + "}";
}

QByteArray quicMember(std::uint16_t port, const QByteArray& certificate) {
  return "{\"name\": \"edge\", \"transport\": \"quic\", \"url\": \"quic://127.0.0.1:" + QByteArray::number(port) +
         "\", \"certificate\": \"" + certificate + "\"}";
}

std::string streamingCompletion(int maxTokens) {
  return R"({"model": "tiny", "prompt": "over the wire", "max_tokens": )" + std::to_string(maxTokens) +
         R"(, "temperature": 0, "stream": true, "stream_options": {"include_usage": true}})";
}

QJsonObject jsonOf(const std::string& text) { return QJsonDocument::fromJson(QByteArray::fromStdString(text)).object(); }

struct StreamedAnswer {
  std::string text;
  QJsonObject usage;
  std::vector<std::string> events;
};

StreamedAnswer readStream(const HttpReply& reply) {
  StreamedAnswer answer;
  answer.events = sseData(reply.body);
  for (const std::string& event : answer.events) {
    if (event == "[DONE]") continue;
    const QJsonObject object = jsonOf(event);
    const QJsonArray choices = object["choices"].toArray();
    if (!choices.isEmpty()) answer.text += choices[0].toObject()["text"].toString().toStdString();
    if (object["usage"].isObject()) answer.usage = object["usage"].toObject();
  }
  return answer;
}

}  // namespace

class QuicRouteTest : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() {
    QVERIFY(dir_.isValid());
    const test::TestCertificate server = test::makeTestCertificate(dir_, "server");
    const test::TestCertificate other = test::makeTestCertificate(dir_, "other");
    if (!server.error.isEmpty() || !other.error.isEmpty()) QSKIP(qPrintable(server.error + other.error));
    certificate_ = server.certificate.toStdString();
    key_ = server.key.toStdString();
    cpuConfig_ = writeFile(dir_, "serve-cpu.json", cpuServeConfig());
    slowConfig_ = writeFile(dir_, "serve-slow.json", slowServeConfig());
    const QString cert = server.certificate;
    const QString key = server.key;
    cpu_ = std::make_unique<ServerProcess>(QStringList{"serve", cpuConfig_, "--quic-port", QString::number(kCpuQuicPort),
                                                       "--quic-cert", cert, "--quic-key", key});
    QVERIFY(cpu_->started());
    slow_ = std::make_unique<ServerProcess>(QStringList{"serve", slowConfig_, "--quic-port", QString::number(kSlowQuicPort),
                                                        "--quic-cert", cert, "--quic-key", key});
    QVERIFY(slow_->started());
    const QString httpRoute = writeFile(dir_, "route-http.json",
                                        routeConfig("{\"name\": \"edge\", \"url\": \"http://127.0.0.1:" + QByteArray::number(cpu_->port()) + "\"}"));
    const QString quicRoute = writeFile(dir_, "route-quic.json", routeConfig(quicMember(kCpuQuicPort, "server.cert.pem"),
                                                                              R"("stream_scheduler": "edf")"));
    httpRoute_ = std::make_unique<ServerProcess>(QStringList{"route", httpRoute});
    QVERIFY(httpRoute_->started());
    quicRoute_ = std::make_unique<ServerProcess>(QStringList{"route", quicRoute});
    QVERIFY(quicRoute_->started());
  }

  void cleanupTestCase() {
    quicRoute_.reset();
    httpRoute_.reset();
    slow_.reset();
    cpu_.reset();
  }

  void streamingCompletionSameTextAndUsageAsHttp() {
    const HttpReply overHttp = httpRequest(httpRoute_->port(), "POST", "/v1/completions", streamingCompletion(12), {kUser});
    const HttpReply overQuic = httpRequest(quicRoute_->port(), "POST", "/v1/completions", streamingCompletion(12), {kUser});
    QCOMPARE(overHttp.status, 200);
    QVERIFY2(overQuic.status == 200, overQuic.body.c_str());
    QCOMPARE(QString::fromStdString(overQuic.header("content-type")), QString("text/event-stream"));
    QCOMPARE(QString::fromStdString(overQuic.header("x-headroom-member")), QString("edge"));
    const StreamedAnswer http = readStream(overHttp);
    const StreamedAnswer quic = readStream(overQuic);
    QVERIFY(!http.text.empty());
    QCOMPARE(quic.text, http.text);
    QCOMPARE(quic.usage, http.usage);
    QCOMPARE(quic.usage["completion_tokens"].toInt(), 12);
    QCOMPARE(quic.events.back(), std::string("[DONE]"));
  }

  void plainCompletionOverQuic() {
    const std::string body = R"({"model": "tiny", "prompt": "plain", "max_tokens": 5, "temperature": 0, "qos_class": "bulk"})";
    const HttpReply reply = httpRequest(quicRoute_->port(), "POST", "/v1/completions", body, {kUser});
    QVERIFY2(reply.status == 200, reply.body.c_str());
    QCOMPARE(jsonOf(reply.body)["usage"].toObject()["completion_tokens"].toInt(), 5);
    QCOMPARE(QString::fromStdString(reply.header("x-headroom-class")), QString("bulk"));
  }

  void wrongPinnedCertificateGivesClearError() {
    const QString config = writeFile(dir_, "route-wrong.json", routeConfig(quicMember(kCpuQuicPort, "other.cert.pem")));
    ServerProcess route(QStringList{"route", config});
    QVERIFY(route.started());
    const HttpReply reply = httpRequest(route.port(), "POST", "/v1/completions", streamingCompletion(4), {kUser});
    QCOMPARE(reply.status, 503);
    const QJsonObject error = jsonOf(reply.body)["error"].toObject();
    QCOMPARE(error["code"].toString(), QString("no_member_available"));
    const QString message = error["message"].toString();
    QVERIFY2(message.contains("edge") && message.contains("certificate not the pinned one"), qPrintable(message));
    // Once its health check failed too, the member is skipped as down: the answer still says why.
    QVERIFY(test::waitFor([&] {
      const HttpReply later = httpRequest(route.port(), "POST", "/v1/completions", streamingCompletion(4), {kUser});
      const QString text = jsonOf(later.body)["error"].toObject()["message"].toString();
      return text.contains("is down") && text.contains("certificate not the pinned one");
    }));
  }

  void streamPastItsDeadlineEndsWithDeadlinePassed() {
    const QString config = writeFile(dir_, "route-deadline.json",
                                     routeConfig(quicMember(kSlowQuicPort, "server.cert.pem"),
                                                 R"("stream_classes": {"chat": {"level": 0, "deadline_s": 0.5}})"));
    ServerProcess route(QStringList{"route", config});
    QVERIFY(route.started());
    // Streaming: the answer began, then the member's scheduler dropped it: an error event ends it.
    const HttpReply streamed = httpRequest(route.port(), "POST", "/v1/completions",
                                           R"({"model": "tiny", "prompt": "slow", "max_tokens": 40, "stream": true})", {kUser});
    QCOMPARE(streamed.status, 200);
    QVERIFY2(!readStream(streamed).text.empty(), streamed.body.c_str());
    QVERIFY2(streamed.body.find("\"deadline_passed\"") != std::string::npos, streamed.body.c_str());
    // Buffered: 504 with the reason.
    const HttpReply buffered = httpRequest(route.port(), "POST", "/v1/completions",
                                           R"({"model": "tiny", "prompt": "slow", "max_tokens": 40})", {kUser});
    QCOMPARE(buffered.status, 504);
    const QJsonObject error = jsonOf(buffered.body)["error"].toObject();
    QCOMPARE(error["code"].toString(), QString("deadline_passed"));
    QVERIFY2(error["message"].toString().contains("0.5 s for class \"chat\""), qPrintable(error["message"].toString()));
    // The bulk class has no deadline: it completes.
    const HttpReply bulk = httpRequest(route.port(), "POST", "/v1/completions",
                                       R"({"model": "tiny", "prompt": "slow", "max_tokens": 4, "qos_class": "bulk"})", {kUser});
    QCOMPARE(bulk.status, 200);
    const HttpReply metrics = httpRequest(route.port(), "GET", "/metrics");
    QCOMPARE(metricValue(metrics.body, R"(headroom_router_deadline_passed_total{class="chat"})"), 2.0);
    QCOMPARE(metricValue(metrics.body, R"(headroom_quic_streams_total{class="chat",outcome="deadline_passed"})"), 2.0);
  }

  void badStreamHeaderIsResetAndOtherStreamsGoOn() {
    RawQuicClient client(kCpuQuicPort, certificate_);
    QVERIFY(client.pumpUntil([&] { return client.handshake || client.closedReason.has_value(); }));
    QVERIFY2(client.handshake, client.closedReason.value_or("").c_str());
    net::quic::StreamAttributes attributes;
    attributes.className = "chat";
    const auto garbage = client.connection().openStream(attributes, RawQuicClient::now());
    const auto unknown = client.connection().openStream(attributes, RawQuicClient::now());
    const auto health = client.connection().openStream(attributes, RawQuicClient::now());
    QVERIFY(garbage && unknown && health);
    client.connection().write(*garbage, std::string(40, '\x7f'), true);
    const std::string get = "GET /health HTTP/1.1\r\nHost: x\r\n\r\n";
    net::quic::StreamHeader header;
    header.className = "no-such-class";
    header.requestBytes = static_cast<std::uint32_t>(get.size());
    client.connection().write(*unknown, net::quic::encodeStreamHeader(header) + get, true);
    header.className = std::string(net::quic::kControlStreamClass);
    client.connection().write(*health, net::quic::encodeStreamHeader(header) + get, true);
    QVERIFY(client.pumpUntil([&] { return client.resets.size() == 2 && client.finished.contains(*health); }));
    QCOMPARE(client.resets[*garbage], static_cast<std::uint64_t>(net::quic::StreamErrorCode::BadHeader));
    QCOMPARE(client.resets[*unknown], static_cast<std::uint64_t>(net::quic::StreamErrorCode::UnknownClass));
    QVERIFY2(client.data[*health].starts_with("HTTP/1.1 200"), client.data[*health].c_str());
    QVERIFY(!client.closedReason.has_value());
    const HttpReply metrics = httpRequest(cpu_->port(), "GET", "/metrics");
    QVERIFY(metricValue(metrics.body, "headroom_quic_streams_refused_total") >= 2.0);
  }

  void bothEndsCountStreamsOnMetrics() {
    const HttpReply routeMetrics = httpRequest(quicRoute_->port(), "GET", "/metrics");
    const HttpReply serveMetrics = httpRequest(cpu_->port(), "GET", "/metrics");
    for (const HttpReply* reply : {&routeMetrics, &serveMetrics}) {
      QCOMPARE(reply->status, 200);
      const std::vector<std::string> problems = test::prometheusLintProblems(reply->body);
      QVERIFY2(problems.empty(), problems.empty() ? "" : problems.front().c_str());
      QVERIFY(metricValue(reply->body, R"(headroom_quic_streams_total{class="chat",outcome="completed"})") >= 1.0);
      QVERIFY(metricValue(reply->body, R"(headroom_quic_stream_completion_seconds_count{class="chat"})") >= 1.0);
      QVERIFY(metricValue(reply->body, R"(headroom_quic_stream_sent_bytes_total{class="chat"})") > 0.0);
      QVERIFY(metricValue(reply->body, R"(headroom_quic_stream_received_bytes_total{class="chat"})") > 0.0);
      QVERIFY(metricValue(reply->body, R"(headroom_quic_stream_lost_packets_total{class="chat"})") >= 0.0);
    }
    QVERIFY(metricValue(routeMetrics.body, R"(headroom_router_deadline_passed_total{class="chat"})") >= 0.0);
    const QString promtool = QStandardPaths::findExecutable("promtool");
    if (promtool.isEmpty()) QSKIP("promtool is not installed (Debian: prometheus); the exposition was not linted by it");
    for (const HttpReply* reply : {&routeMetrics, &serveMetrics}) {
      QProcess check;
      check.start(promtool, {"check", "metrics"});
      QVERIFY(check.waitForStarted());
      check.write(QByteArray::fromStdString(reply->body));
      check.closeWriteChannel();
      QVERIFY(check.waitForFinished(60000));
      QVERIFY2(check.exitCode() == 0, check.readAll().constData());
    }
  }

  // The router's members endpoint (the console's "Router members" dock) shows the member as QUIC with
  // its scheduler, and per class the streams sent to it, the same streams /metrics counts.
  void membersEndpointShowsTheQuicMemberAndItsStreams() {
    const HttpReply metrics = httpRequest(quicRoute_->port(), "GET", "/metrics");
    const HttpReply reply = httpRequest(quicRoute_->port(), "GET", "/v1/headroom/members", {},
                                        {{"Authorization", "Bearer sk-admin-0123456789"}});
    QCOMPARE(reply.status, 200);
    const QJsonObject member = jsonOf(reply.body)["members"].toArray()[0].toObject();
    QCOMPARE(member["transport"].toString(), QString("quic"));
    QCOMPARE(member["url"].toString(), QString("quic://127.0.0.1:%1").arg(kCpuQuicPort));
    QCOMPARE(member["stream_scheduler"].toString(), QString("edf"));
    const QJsonArray classes = member["classes"].toArray();
    QCOMPARE(classes.size(), 2);  // the served classes, not the health checks' control class
    const QJsonObject chat = classes[0].toObject();
    QCOMPARE(chat["class"].toString(), QString("chat"));
    const double completed = chat["streams_completed"].toDouble();
    QVERIFY(completed >= 1.0);
    QCOMPARE(completed, metricValue(metrics.body, R"(headroom_quic_streams_total{class="chat",outcome="completed"})"));
    QCOMPARE(chat["streams_within_deadline"].toDouble(),
             metricValue(metrics.body, R"(headroom_quic_streams_within_deadline_total{class="chat"})"));
    QVERIFY(chat["streams_within_deadline"].toDouble() <= completed);
    QVERIFY(chat["completion_p50_s"].toDouble() > 0.0);
    QVERIFY(chat["completion_p99_s"].toDouble() >= chat["completion_p50_s"].toDouble());
    QCOMPARE(chat["bytes_sent"].toDouble(), metricValue(metrics.body, R"(headroom_quic_stream_sent_bytes_total{class="chat"})"));
  }

  void serveRefusesQuicPortWithoutCertificate() {
    QProcess serve;
    serve.start(HEADROOM_CLI_PATH, {"serve", cpuConfig_, "--port", "0", "--quic-port", QString::number(kRefusedQuicPort)});
    QVERIFY(serve.waitForFinished(60000));
    QVERIFY(serve.exitCode() != 0);
    const QString errors = QString::fromUtf8(serve.readAllStandardError());
    QVERIFY2(errors.contains("--quic-port needs --quic-cert and --quic-key"), qPrintable(errors));
    QVERIFY2(errors.contains("openssl req -x509 -newkey ec"), qPrintable(errors));
  }

  void serveRefusesAnUnknownCongestionControl() {
    QProcess serve;
    serve.start(HEADROOM_CLI_PATH, {"serve", cpuConfig_, "--port", "0", "--quic-port", QString::number(kRefusedQuicPort),
                                    "--quic-cert", QString::fromStdString(certificate_.string()), "--quic-key",
                                    QString::fromStdString(key_.string()), "--quic-congestion", "reno"});
    QVERIFY(serve.waitForFinished(60000));
    QVERIFY(serve.exitCode() != 0);
    const QString errors = QString::fromUtf8(serve.readAllStandardError());
    QVERIFY2(errors.contains("--quic-congestion \"reno\": allowed are cubic, bbr, bbr2"), qPrintable(errors));
  }

 private:
  QTemporaryDir dir_;
  std::filesystem::path certificate_;
  std::filesystem::path key_;
  QString cpuConfig_;
  QString slowConfig_;
  std::unique_ptr<ServerProcess> cpu_;
  std::unique_ptr<ServerProcess> slow_;
  std::unique_ptr<ServerProcess> httpRoute_;
  std::unique_ptr<ServerProcess> quicRoute_;
};

QTEST_GUILESS_MAIN(QuicRouteTest)
#include "tst_quic_route.moc"
