// net::HttpServer's side of an exchange's life: it notices a client that leaves while the handler
// still holds the reply, and its graceful stop closes idle connections and lets replies in progress
// finish.
#include <QtTest>

#include <atomic>
#include <chrono>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "net/http_server.h"
#include "support/http_test_client.h"

using headroom::test::HttpConnection;
using headroom::test::HttpReply;
using namespace std::chrono_literals;

namespace {

// GET /now answers at once; GET /hold keeps the exchange (answered later by the test) and counts the
// clients that left before their answer.
class HoldingHandler final : public headroom::net::HttpHandler {
 public:
  void handle(headroom::net::HttpRequest request, std::shared_ptr<headroom::net::HttpExchange> exchange) override {
    if (request.target == "/hold") {
      exchange->onClose([this] { ++closed; });
      std::lock_guard lock(mutex_);
      held_.push_back(std::move(exchange));
      return;
    }
    exchange->respond({200, {{"Content-Type", "text/plain"}}, "now\n"});
  }
  std::size_t heldCount() {
    std::lock_guard lock(mutex_);
    return held_.size();
  }
  void answerHeld() {
    std::lock_guard lock(mutex_);
    for (const auto& exchange : held_) exchange->respond({200, {{"Content-Type", "text/plain"}}, "later\n"});
    held_.clear();
  }
  std::atomic<int> closed{0};

 private:
  std::mutex mutex_;
  std::vector<std::shared_ptr<headroom::net::HttpExchange>> held_;
};

}  // namespace

class TestHttpServerLifecycle : public QObject {
  Q_OBJECT

 private slots:
  // A client that closes while its answer is pending is noticed without any write: onClose runs.
  void aClientThatLeavesIsNoticedBeforeItsAnswer() {
    HoldingHandler handler;
    headroom::net::HttpServer server({}, handler);
    server.start();
    {
      HttpConnection connection(server.port());
      QVERIFY(connection.send("GET", "/hold"));
      QTRY_COMPARE_WITH_TIMEOUT(handler.heldCount(), std::size_t{1}, 5000);
      QCOMPARE(handler.closed.load(), 0);
    }
    QTRY_COMPARE_WITH_TIMEOUT(handler.closed.load(), 1, 5000);
    // One that stays hears its answer, and its exchange never reports a close.
    HttpConnection staying(server.port());
    QVERIFY(staying.send("GET", "/hold"));
    QTRY_COMPARE_WITH_TIMEOUT(handler.heldCount(), std::size_t{2}, 5000);
    handler.answerHeld();
    const HttpReply reply = staying.read(5s);
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.body, std::string("later\n"));
    QCOMPARE(handler.closed.load(), 1);
    server.stop();
  }

  // stop(grace) closes every idle keep-alive connection at once, and a reply still pending is written
  // before its connection closes.
  void gracefulStopClosesIdleConnectionsAndFinishesReplies() {
    HoldingHandler handler;
    headroom::net::HttpServer server({}, handler);
    server.start();
    std::vector<std::unique_ptr<HttpConnection>> idle;
    for (int i = 0; i < 4; ++i) {
      idle.push_back(std::make_unique<HttpConnection>(server.port()));
      QVERIFY(idle.back()->send("GET", "/now"));
      QCOMPARE(idle.back()->read(5s).status, 200);
    }
    HttpConnection pending(server.port());
    QVERIFY(pending.send("GET", "/hold"));
    QTRY_COMPARE_WITH_TIMEOUT(handler.heldCount(), std::size_t{1}, 5000);
    std::jthread stopper([&] { server.stop(std::chrono::milliseconds(30000)); });
    for (const auto& connection : idle) QVERIFY(connection->closedByPeer(10s));
    handler.answerHeld();
    const HttpReply reply = pending.read(10s);
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.header("connection"), std::string("close"));
    QVERIFY(pending.closedByPeer(10s));
  }
};

QTEST_GUILESS_MAIN(TestHttpServerLifecycle)
#include "tst_http_server_lifecycle.moc"
