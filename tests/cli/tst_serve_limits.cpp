// The HTTP layer's limits on a real `headroom-cli serve` (and `route`): slow or greedy clients cannot
// keep a normal client from being served, the server's own answers (503, 400, 408, 413, 431) reach the
// client and are counted on /metrics, and the process refuses a connection limit its open-file limit
// cannot hold. Other client addresses are other loopback addresses (127.0.0.2, ...). A server in a
// failed test shows its log (ServerProcess).
#include <QtTest>

#include <QDateTime>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <sys/resource.h>

#include <memory>
#include <vector>

#include "support/http_test_client.h"
#include "support/metric_value.h"
#include "support/server_process.h"
#include "support/test_files.h"

using headroom::test::HttpConnection;
using headroom::test::HttpReply;
using headroom::test::ServerProcess;
using headroom::test::httpRequest;
using headroom::test::metricValue;
using headroom::test::writeFile;

namespace {

const std::pair<std::string, std::string> kAcme{"Authorization", "Bearer sk-acme-0123456789"};

const char* const kClasses = R"(
    "classes": [{"name": "chat", "slo": {"ttft_s": 1.0, "tbt_s": 0.1}}],
    "tenants": [{"name": "acme", "classes": ["chat"], "keys": ["sk-acme-0123456789"]}])";

// Small limits and short timeouts, so that slow clients show quickly.
QByteArray serveConfig(const QByteArray& limits = R"("max_body_bytes": 4096, "max_header_bytes": 2048,
    "max_connections": 64, "max_connections_per_client": 16, "header_timeout_s": 1, "body_timeout_s": 1, "idle_timeout_s": 1)") {
  return QByteArray(R"({"model_name": "test-model", "executor": {"kind": "constant", "iteration_s": 0.002},)") + kClasses +
         R"(, "limits": {)" + limits + "}}";
}


}  // namespace

class TestServeLimits : public QObject {
  Q_OBJECT

 private:
  QTemporaryDir dir_;

  std::unique_ptr<ServerProcess> startServe(const QByteArray& config, const QString& name = "serve.json") {
    auto server = std::make_unique<ServerProcess>(QStringList{"serve", writeFile(dir_, name, config)});
    return server;
  }


 private slots:
  void initTestCase() { QVERIFY(dir_.isValid()); }

  // One client holding many connections open and sending nothing takes at most its own share: a
  // client from another address is served at once, and the extra connections get 503.
  void greedyClientCannotTakeEveryConnection() {
    // Header deadline long enough that none of the held connections ends (and gives its place back) while
    // the others connect.
    auto server = startServe(serveConfig(R"("max_connections": 64, "max_connections_per_client": 16, "header_timeout_s": 60)"));
    QVERIFY2(server->started(), "the server did not start");
    std::vector<std::unique_ptr<HttpConnection>> held;
    for (int i = 0; i < 100; ++i) {
      held.push_back(std::make_unique<HttpConnection>(server->port(), "127.0.0.2"));
      QVERIFY2(held.back()->connected(), "cannot connect from 127.0.0.2");
    }
    // The last of them was over the client's limit: answered 503 without sending anything.
    const HttpReply refused = held.back()->read();
    QVERIFY2(refused.status == 503, std::to_string(refused.status).c_str());
    HttpConnection normal(server->port());
    QVERIFY(normal.send("GET", "/v1/models", {}, {kAcme}));
    const HttpReply served = normal.read();
    QVERIFY2(served.status == 200, std::string(std::to_string(served.status) + " " + served.body).c_str());
    const std::string metrics = httpRequest(server->port(), "GET", "/metrics").body;
    QCOMPARE(metricValue(metrics, R"(headroom_http_connections_refused_total{reason="client_limit"})"), 84.0);
    QCOMPARE(metricValue(metrics, R"(headroom_http_connections_refused_total{reason="server_limit"})"), 0.0);
    QVERIFY(metricValue(metrics, "headroom_http_connections_open") >= 1.0);
    held.clear();
    QCOMPARE(server->stop(), 0);  // a clean exit (under a sanitizer: no finding)
  }

  // Many slow clients from many addresses fill every connection, but each must send its header within
  // header_timeout_s: they are answered 408 and a normal client is served soon after.
  void slowClientsFromManyAddressesAreTimedOut() {
    auto server = startServe(serveConfig());
    QVERIFY2(server->started(), "the server did not start");
    std::vector<std::unique_ptr<HttpConnection>> slow;
    for (int address = 2; address < 10; ++address) {
      const std::string source = "127.0.0." + std::to_string(address);
      for (int i = 0; i < 8; ++i) {
        slow.push_back(std::make_unique<HttpConnection>(server->port(), source.c_str()));
        QVERIFY(slow.back()->connected());
        QVERIFY(slow.back()->sendRaw("G"));
      }
    }
    // Every slow connection ends with 408 (or 503 when it was over the server's limit of 64).
    int timedOut = 0;
    for (auto& connection : slow) {
      const HttpReply reply = connection->read();
      QVERIFY2(reply.status == 408 || reply.status == 503, std::to_string(reply.status).c_str());
      if (reply.status == 408) ++timedOut;
    }
    QVERIFY(timedOut >= 56);
    HttpConnection normal(server->port());
    QVERIFY(normal.send("GET", "/v1/models", {}, {kAcme}));
    QCOMPARE(normal.read().status, 200);
    slow.clear();
    QCOMPARE(server->stop(), 0);
  }

  // A header sent a byte at a time never completes within header_timeout_s: 408, not a connection held
  // for as long as the client keeps dribbling.
  void dribbledHeaderGets408() {
    auto server = startServe(serveConfig());
    QVERIFY2(server->started(), "the server did not start");
    HttpConnection slow(server->port());
    const std::string header = "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: " + std::string(1000, 'a');
    HttpReply reply;
    for (std::size_t i = 0; i < header.size() && reply.status == 0; ++i) {
      if (!slow.sendRaw(header.substr(i, 1))) break;
      reply = slow.read(std::chrono::milliseconds(50));
    }
    if (reply.status == 0) reply = slow.read(std::chrono::seconds(30));
    QVERIFY2(reply.status == 408, std::to_string(reply.status).c_str());
    QVERIFY(reply.body.find("header") != std::string::npos);
  }

  void slowBodyGets408() {
    auto server = startServe(serveConfig());
    QVERIFY2(server->started(), "the server did not start");
    HttpConnection slow(server->port());
    QVERIFY(slow.sendRaw("POST /v1/completions HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer sk-acme-0123456789\r\n"
                         "Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"model\": "));
    const HttpReply reply = slow.read(std::chrono::seconds(30));
    QVERIFY2(reply.status == 408, std::to_string(reply.status).c_str());
    QVERIFY(reply.body.find("body") != std::string::npos);
  }

  void idleKeptAliveConnectionCloses() {
    auto server = startServe(serveConfig());
    QVERIFY2(server->started(), "the server did not start");
    HttpConnection connection(server->port());
    QVERIFY(connection.send("GET", "/health"));
    QCOMPARE(connection.read().status, 200);
    QVERIFY(connection.closedByPeer(std::chrono::seconds(30)));
    const std::string metrics = httpRequest(server->port(), "GET", "/metrics").body;
    QCOMPARE(metricValue(metrics, R"(headroom_http_read_timeouts_total{phase="idle"})"), 1.0);
  }

  // A body over max_body_bytes is answered 413 at once; the client (which sends the whole body before
  // it reads, as the OpenAI SDKs do) must still get to read that answer instead of a reset.
  void oversizedBodyGets413NotAReset_data() {
    QTest::addColumn<bool>("chunked");
    QTest::newRow("content-length") << false;
    QTest::newRow("chunked") << true;
  }
  void oversizedBodyGets413NotAReset() {
    QFETCH(bool, chunked);
    auto server = startServe(serveConfig());
    QVERIFY2(server->started(), "the server did not start");
    const std::string body = "{\"model\": \"test-model\", \"prompt\": \"" + std::string(10 << 20, 'x') + "\"}";
    std::string request = "POST /v1/completions HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer sk-acme-0123456789\r\n"
                          "Content-Type: application/json\r\n";
    if (chunked) {
      request += "Transfer-Encoding: chunked\r\n\r\n";
      for (std::size_t at = 0; at < body.size(); at += 65536) {
        const std::string piece = body.substr(at, 65536);
        char size[16];
        std::snprintf(size, sizeof size, "%zx\r\n", piece.size());
        request += size + piece + "\r\n";
      }
      request += "0\r\n\r\n";
    } else {
      request += "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
    }
    HttpConnection client(server->port());
    QVERIFY2(client.sendRaw(request), "the server reset the connection while the body was being sent");
    const HttpReply reply = client.read(std::chrono::seconds(30));
    QVERIFY2(reply.status == 413, std::to_string(reply.status).c_str());
    QVERIFY(reply.body.find("4096") != std::string::npos);
    QCOMPARE(server->stop(), 0);
  }

  // The answers the HTTP layer makes itself are in headroom_http_responses_total with the handler's.
  void httpLayerAnswersAreCounted() {
    auto server = startServe(serveConfig(R"("max_body_bytes": 4096, "max_header_bytes": 2048, "max_connections": 64,
        "max_connections_per_client": 16, "header_timeout_s": 3)"));
    QVERIFY2(server->started(), "the server did not start");
    const std::uint16_t port = server->port();
    QCOMPARE(httpRequest(port, "GET", "/health").status, 200);
    {
      HttpConnection connection(port);  // 431
      QVERIFY(connection.send("GET", "/health", {}, {{"X-Big", std::string(4000, 'a')}}));
      QCOMPARE(connection.read().status, 431);
    }
    {
      HttpConnection connection(port);  // 400
      QVERIFY(connection.sendRaw("NOT HTTP AT ALL\r\n\r\n"));
      QCOMPARE(connection.read().status, 400);
    }
    {
      HttpConnection connection(port);  // 413
      QVERIFY(connection.sendRaw("POST /v1/completions HTTP/1.1\r\nHost: x\r\nContent-Length: 5000\r\n\r\n"));
      QCOMPARE(connection.read().status, 413);
    }
    {
      HttpConnection connection(port);  // 408
      QVERIFY(connection.sendRaw("GET /health HTTP/1.1\r\n"));
      QCOMPARE(connection.read().status, 408);
    }
    {
      std::vector<std::unique_ptr<HttpConnection>> held;  // 503 for the 17th from one address
      for (int i = 0; i < 17; ++i) held.push_back(std::make_unique<HttpConnection>(port, "127.0.0.3"));
      QCOMPARE(held.back()->read().status, 503);
    }
    const std::string metrics = httpRequest(port, "GET", "/metrics").body;
    QCOMPARE(metricValue(metrics, R"(headroom_http_responses_total{code="2xx"})"), 1.0);
    // 431, 400, 413 and one 408 at least; the connections held for the 503 may have timed out too.
    const double headerTimeouts = metricValue(metrics, R"(headroom_http_read_timeouts_total{phase="header"})");
    QVERIFY(headerTimeouts >= 1.0);
    QCOMPARE(metricValue(metrics, R"(headroom_http_responses_total{code="4xx"})"), 3.0 + headerTimeouts);
    QCOMPARE(metricValue(metrics, R"(headroom_http_responses_total{code="5xx"})"), 1.0);
    QVERIFY(metricValue(metrics, "headroom_http_connections_open") >= 1.0);
    QCOMPARE(server->stop(), 0);
  }

  // Both front ends expose the HTTP layer's and the process's metrics, and promtool accepts the text.
  void metricsHaveProcessFamiliesAndPassPromtool() {
    const double beforeS = static_cast<double>(QDateTime::currentSecsSinceEpoch());
    auto member = startServe(serveConfig(R"("max_connections": 256)"), "member.json");
    QVERIFY2(member->started(), "the server did not start");
    const QByteArray routeConfig = QByteArray("{") + kClasses + R"(, "members": [{"name": "a", "url": "http://127.0.0.1:)" +
                                   QByteArray::number(member->port()) + "\"}]}";
    ServerProcess route({"route", writeFile(dir_, "route.json", routeConfig)});
    QVERIFY2(route.started(), "the server did not start");
    QCOMPARE(httpRequest(route.port(), "POST", "/v1/completions", R"({"model": "test-model", "prompt": "hi", "max_tokens": 2})", {kAcme})
                 .status,
             200);
    const QString promtool = QStandardPaths::findExecutable("promtool");
    for (const auto& [name, port] : {std::pair{"serve", member->port()}, std::pair{"route", route.port()}}) {
      const std::string metrics = httpRequest(port, "GET", "/metrics").body;
      QVERIFY2(metricValue(metrics, R"(headroom_http_responses_total{code="2xx"})") >= 1.0, name);
      QVERIFY2(metricValue(metrics, "headroom_http_connections_open") >= 1.0, name);
      QVERIFY2(metrics.find("\nheadroom_build_info{version=\"") != std::string::npos, name);
      for (const char* family : {"process_cpu_seconds_total", "process_resident_memory_bytes", "process_open_fds",
                                 "process_max_fds", "process_start_time_seconds"}) {
        QVERIFY2(metricValue(metrics, family) > 0.0, (std::string(name) + ": " + family).c_str());
      }
      // Started during this test, to the second (give or take the clock tick and the rounding).
      const double startS = metricValue(metrics, "process_start_time_seconds");
      const double nowS = static_cast<double>(QDateTime::currentSecsSinceEpoch());
      QVERIFY2(startS >= beforeS - 2 && startS <= nowS + 2,
               (std::to_string(beforeS) + " <= " + std::to_string(startS) + " <= " + std::to_string(nowS)).c_str());
      if (promtool.isEmpty()) continue;
      QProcess check;
      check.start(promtool, {"check", "metrics"});
      QVERIFY(check.waitForStarted());
      check.write(QByteArray::fromStdString(metrics));
      check.closeWriteChannel();
      QVERIFY(check.waitForFinished(60000));
      QVERIFY2(check.exitCode() == 0, (std::string(name) + ": " + check.readAll().toStdString()).c_str());
    }
    QCOMPARE(route.stop(), 0);
    QCOMPARE(member->stop(), 0);
    if (promtool.isEmpty()) QSKIP("promtool is not installed (Debian: prometheus); the exposition was not linted");
  }

  // When the process runs out of descriptors anyway (here: refused connections that a client keeps
  // open), clients waiting to be accepted get 503 instead of no answer, and the failure is logged once
  // per interval, not once per retry.
  void runningOutOfDescriptorsAnswersAndLogsOnce() {
    ServerProcess server({"serve", writeFile(dir_, "few-fds.json", serveConfig(R"("max_connections": 32, "max_connections_per_client": 16,
        "header_timeout_s": 20)"))},
                         [] {
                           const rlimit limit{128, 128};
                           ::setrlimit(RLIMIT_NOFILE, &limit);
                         });
    QVERIFY2(server.started(), "the server did not start");
    std::vector<std::unique_ptr<HttpConnection>> clients;
    for (int i = 0; i < 300; ++i) {
      clients.push_back(std::make_unique<HttpConnection>(server.port(), "127.0.0.7"));
      QVERIFY(clients.back()->connected());
    }
    int refused = 0;
    for (std::size_t i = 16; i < clients.size(); ++i) {
      const HttpReply reply = clients[i]->read();
      QVERIFY2(reply.status == 503, std::string("connection " + std::to_string(i) + ": " + std::to_string(reply.status)).c_str());
      ++refused;
    }
    QCOMPARE(refused, 284);
    clients.clear();
    QCOMPARE(server.stop(), 0);
    const QByteArray log = server.errorOutput();
    QVERIFY2(log.count("accept failed") >= 1 && log.count("accept failed") <= 3, log.constData());
  }

  // A connection limit the open-file limit cannot hold is refused at start, naming the field, the
  // value and the limit; under the limit the same server starts.
  void connectionLimitMustFitTheOpenFileLimit() {
    QProcess process;
    process.setChildProcessModifier([] {
      const rlimit limit{256, 256};
      ::setrlimit(RLIMIT_NOFILE, &limit);
    });
    process.start(QStringLiteral(HEADROOM_CLI_PATH),
                  {"serve", writeFile(dir_, "too-many.json", serveConfig(R"("max_connections": 1000)")), "--port", "0"});
    QVERIFY(process.waitForFinished(60000));
    QVERIFY(process.exitCode() != 0);
    const QString error = QString::fromUtf8(process.readAllStandardError());
    QVERIFY2(error.contains("too-many.json") && error.contains("/limits/max_connections") && error.contains("1000") &&
                 error.contains("at most 192") && error.contains("256"),
             qPrintable(error));
  }
};

QTEST_GUILESS_MAIN(TestServeLimits)
#include "tst_serve_limits.moc"
