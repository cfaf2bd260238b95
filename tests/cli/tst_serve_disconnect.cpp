// `headroom-cli serve` as a real process: a client that leaves stops costing instance time, whether it
// was streaming, waiting for a whole answer, or still queued.
#include <QtTest>

#include <QTemporaryDir>

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

namespace {

const std::pair<std::string, std::string> kAcme{"Authorization", "Bearer sk-acme-0123456789"};

// One class, one sequence at a time, 20 ms iterations: a 1000-token reply holds the instance 20 s.
QByteArray serveConfig() {
  return R"({
    "model_name": "test-model",
    "executor": {"kind": "constant", "iteration_s": 0.02},
    "scheduler": {"policy": "fcfs", "chunking": "fixed:256", "max_batch_size": 1},
    "classes": [{"name": "chat", "rank": 0, "slo": {"ttft_s": 60}}],
    "tenants": [{"name": "acme", "classes": ["chat"], "keys": ["sk-acme-0123456789"]}]
  })";
}

std::string completionBody(int maxTokens, bool stream) {
  return std::string(R"({"model": "test-model", "prompt": "Tell a long story", "max_tokens": )") +
         std::to_string(maxTokens) + (stream ? R"(, "stream": true})" : "}");
}


}  // namespace

class TestServeDisconnect : public QObject {
  Q_OBJECT

 private:
  QTemporaryDir dir_;
  std::unique_ptr<ServerProcess> server_;

  double metric(const char* series) { return metricValue(httpRequest(server_->port(), "GET", "/metrics").body, series); }
  double cancelled() { return metric(R"(headroom_requests_cancelled_total{class="chat"})"); }
  double running() { return metric(R"(headroom_running_requests{class="chat"})"); }
  double queued() { return metric(R"(headroom_queue_depth{class="chat"})"); }

 private slots:
  void initTestCase() {
    QVERIFY(dir_.isValid());
    server_ = std::make_unique<ServerProcess>(QStringList{"serve", headroom::test::writeFile(dir_, "serve.json", serveConfig())});
    QVERIFY2(server_->started(), server_->errorOutput().constData());
  }

  void cleanupTestCase() { QCOMPARE(server_->stop(), 0); }

  // Each test starts and ends with an idle instance.
  void init() { QTRY_VERIFY_WITH_TIMEOUT(running() == 0.0 && queued() == 0.0, 10000); }

  void leavingAStreamStopsItsComputation() {
    const double before = cancelled();
    {
      HttpConnection connection(server_->port());
      QVERIFY(connection.send("POST", "/v1/completions", completionBody(1000, true), {kAcme}));
      int chunks = 0;
      connection.read(std::chrono::milliseconds(300), [&](const std::string&) { ++chunks; });
      QVERIFY(chunks > 0);
    }
    // Removed at the next iteration, not after its 1000 tokens (20 s).
    QTRY_VERIFY_WITH_TIMEOUT(cancelled() == before + 1.0 && running() == 0.0, 5000);
    const std::string metrics = httpRequest(server_->port(), "GET", "/metrics").body;
    QCOMPARE(metricValue(metrics, R"(headroom_requests_completed_total{class="chat"})"), 0.0);
    const double computed = metricValue(metrics, R"(headroom_cancelled_tokens_total{class="chat",kind="completion"})");
    QVERIFY2(computed >= 1.0 && computed < 1000.0, std::to_string(computed).c_str());
  }

  void leavingAWholeAnswerStopsItsComputation() {
    const double before = cancelled();
    {
      HttpConnection connection(server_->port());
      QVERIFY(connection.send("POST", "/v1/completions", completionBody(1000, false), {kAcme}));
      QTRY_VERIFY_WITH_TIMEOUT(running() == 1.0, 5000);
    }
    QTRY_VERIFY_WITH_TIMEOUT(cancelled() == before + 1.0 && running() == 0.0, 5000);
  }

  void leavingTheQueueMeansNeverRunning() {
    const double before = cancelled();
    auto first = std::make_unique<HttpConnection>(server_->port());
    QVERIFY(first->send("POST", "/v1/completions", completionBody(1000, true), {kAcme}));
    QTRY_VERIFY_WITH_TIMEOUT(running() == 1.0, 5000);
    {
      HttpConnection second(server_->port());
      QVERIFY(second.send("POST", "/v1/completions", completionBody(1000, false), {kAcme}));
      QTRY_VERIFY_WITH_TIMEOUT(queued() == 1.0, 5000);
    }
    // Taken out of the queue while the first still runs.
    QTRY_VERIFY_WITH_TIMEOUT(cancelled() == before + 1.0 && queued() == 0.0, 5000);
    QCOMPARE(running(), 1.0);
    first.reset();
    QTRY_VERIFY_WITH_TIMEOUT(cancelled() == before + 2.0 && running() == 0.0, 5000);
    // The instance is free for the next client at once.
    const HttpReply next = httpRequest(server_->port(), "POST", "/v1/completions", completionBody(2, false), {kAcme});
    QCOMPARE(next.status, 200);
  }
};

QTEST_GUILESS_MAIN(TestServeDisconnect)
#include "tst_serve_disconnect.moc"
