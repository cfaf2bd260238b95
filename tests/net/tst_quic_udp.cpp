// The QUIC server on a UDP socket and the QUIC upstream transport, joined over loopback: requests as
// StreamHeader + HTTP/1.1 on one stream each, answers back on the stream, refused headers, the pinned
// certificate, resets both ways and the deadline drop.
#include <QtTest>

#include <QTemporaryDir>

#include <atomic>
#include <chrono>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "net/quic/quic_udp_server.h"
#include "net/quic/quic_upstream_transport.h"
#include "net/quic/stream_header.h"
#include "support/quic_test_support.h"
#include "support/test_certificates.h"
#include "support/wait_for.h"

using namespace headroom;
using headroom::test::CollectingHandler;
using headroom::test::RawQuicClient;

namespace {

// /echo answers the body; /stream answers three chunks; /hold keeps the exchange (until released);
// /late answers after `lateDelay`, from another thread.
class TestHandler final : public net::HttpHandler {
 public:
  void handle(net::HttpRequest request, std::shared_ptr<net::HttpExchange> exchange) override {
    ++handled;
    if (request.path() == "/echo") {
      exchange->respond({200, {{"Content-Type", "text/plain"}, {"X-Method", request.method}}, request.body});
    } else if (request.path() == "/stream") {
      exchange->startStream(200, {{"Content-Type", "text/event-stream"}});
      for (int i = 0; i < 3; ++i) exchange->sendChunk("data: " + std::to_string(i) + "\n\n");
      exchange->endStream();
    } else if (request.path() == "/hold") {
      exchange->onClose([this] { ++closed; });
      std::lock_guard lock(mutex);
      held.push_back(exchange);
    } else if (request.path() == "/late") {
      exchange->onClose([this] { ++closed; });
      std::thread([exchange, delay = lateDelay] {
        std::this_thread::sleep_for(delay);
        exchange->respond({200, {}, std::string(4096, 'x')});
      }).detach();
    } else {
      exchange->respond({404, {}, "no\n"});
    }
  }

  std::atomic<int> handled{0};
  std::atomic<int> closed{0};
  std::chrono::milliseconds lateDelay{400};
  std::mutex mutex;
  std::vector<std::shared_ptr<net::HttpExchange>> held;
};

net::UpstreamRequest request(std::uint16_t port, const std::filesystem::path& pinned, const std::string& target,
                             const std::string& body = {}, const std::string& className = "chat") {
  net::UpstreamRequest out;
  out.endpoint.host = "127.0.0.1";
  out.endpoint.port = port;
  out.endpoint.quic = true;
  out.endpoint.pinnedCertificate = pinned;
  out.target = target;
  out.body = body;
  out.stream.className = className;
  out.stream.requestId = "req-1";
  return out;
}

}  // namespace

class QuicUdpTest : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() {
    QVERIFY(dir_.isValid());
    const test::TestCertificate server = test::makeTestCertificate(dir_, "server");
    const test::TestCertificate other = test::makeTestCertificate(dir_, "other");
    if (!server.error.isEmpty() || !other.error.isEmpty()) QSKIP(qPrintable(server.error + other.error));
    pair_ = {server.certificate.toStdString(), server.key.toStdString()};
    other_ = {other.certificate.toStdString(), other.key.toStdString()};
  }

  void init() {
    handler_ = std::make_unique<TestHandler>();
    net::quic::QuicUdpServerOptions options;
    options.quic.certificate = pair_.certificate;
    options.quic.key = pair_.key;
    options.quic.scheduler.kind = net::quic::StreamSchedulerKind::Edf;
    options.classNames = {"chat", "batch"};
    server_ = std::make_unique<net::quic::QuicUdpServer>(options, *handler_);
    server_->start();
    transport_ = std::make_unique<net::quic::QuicUpstreamTransport>();
  }

  void cleanup() {
    transport_.reset();
    server_.reset();
    handler_.reset();
  }

  void answerComesBackOnTheStream() {
    auto collector = std::make_shared<CollectingHandler>();
    transport_->start(request(server_->port(), pair_.certificate, "/echo", "hello over quic"), collector);
    QVERIFY(collector->wait());
    QVERIFY2(collector->completed, collector->error.value_or("").c_str());
    QVERIFY(collector->sending);
    QCOMPARE(collector->status, 200);
    QCOMPARE(collector->body, std::string("hello over quic"));
    bool methodSeen = false;
    for (const auto& [name, value] : collector->headers) methodSeen |= name == "X-Method" && value == "POST";
    QVERIFY(methodSeen);
  }

  void chunkedAnswerIsDecoded() {
    auto collector = std::make_shared<CollectingHandler>();
    transport_->start(request(server_->port(), pair_.certificate, "/stream"), collector);
    QVERIFY(collector->wait());
    QVERIFY2(collector->completed, collector->error.value_or("").c_str());
    QCOMPARE(collector->body, std::string("data: 0\n\ndata: 1\n\ndata: 2\n\n"));
  }

  void unknownClassIsResetAndTheConnectionGoesOn() {
    auto refused = std::make_shared<CollectingHandler>();
    transport_->start(request(server_->port(), pair_.certificate, "/echo", "x", "no-such-class"), refused);
    QVERIFY(refused->wait());
    QVERIFY(refused->error.has_value());
    QVERIFY2(refused->error->find("does not serve the request's class") != std::string::npos, refused->error->c_str());
    auto next = std::make_shared<CollectingHandler>();
    transport_->start(request(server_->port(), pair_.certificate, "/echo", "after"), next);
    QVERIFY(next->wait());
    QVERIFY2(next->completed, next->error.value_or("").c_str());
    QCOMPARE(next->body, std::string("after"));
    QCOMPARE(server_->counters().unknownClasses, std::uint64_t{1});
    QCOMPARE(transport_->connections(), std::size_t{1});
    QCOMPARE(server_->connections(), std::size_t{1});
  }

  void badHeaderIsResetAndOtherStreamsGoOn() {
    RawQuicClient client(server_->port(), pair_.certificate);
    QVERIFY(client.pumpUntil([&] { return client.handshake || client.closedReason.has_value(); }));
    QVERIFY2(client.handshake, client.closedReason.value_or("").c_str());
    net::quic::StreamAttributes attributes;
    attributes.className = "chat";
    const auto garbage = client.connection().openStream(attributes, RawQuicClient::now());
    const auto good = client.connection().openStream(attributes, RawQuicClient::now());
    QVERIFY(garbage && good);
    client.connection().write(*garbage, std::string("GET /echo HTTP/1.1\r\n\r\n"), true);  // no stream header
    const std::string http = "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\nok";
    net::quic::StreamHeader header;
    header.className = "chat";
    header.requestBytes = static_cast<std::uint32_t>(http.size());
    client.connection().write(*good, net::quic::encodeStreamHeader(header) + http, true);
    QVERIFY(client.pumpUntil([&] { return client.resets.contains(*garbage) && client.finished.contains(*good); }));
    QCOMPARE(client.resets[*garbage], static_cast<std::uint64_t>(net::quic::StreamErrorCode::BadHeader));
    QVERIFY2(client.data[*good].starts_with("HTTP/1.1 200"), client.data[*good].c_str());
    QVERIFY(client.data[*good].ends_with("\r\n\r\nok"));
    QCOMPARE(server_->counters().badHeaders, std::uint64_t{1});
    QVERIFY(!client.closedReason.has_value());
  }

  void shortRequestIsRefused() {
    RawQuicClient client(server_->port(), pair_.certificate);
    net::quic::StreamAttributes attributes;
    attributes.className = "chat";
    QVERIFY(client.pumpUntil([&] { return client.handshake; }));
    const auto id = client.connection().openStream(attributes, RawQuicClient::now());
    QVERIFY(id);
    net::quic::StreamHeader header;
    header.className = "chat";
    header.requestBytes = 1000;
    client.connection().write(*id, net::quic::encodeStreamHeader(header) + "GET / HTTP/1.1\r\n", true);
    QVERIFY(client.pumpUntil([&] { return client.resets.contains(*id); }));
    QCOMPARE(client.resets[*id], static_cast<std::uint64_t>(net::quic::StreamErrorCode::BadHeader));
  }

  void wrongCertificateIsRefused() {
    auto collector = std::make_shared<CollectingHandler>();
    transport_->start(request(server_->port(), other_.certificate, "/echo", "x"), collector);
    QVERIFY(collector->wait());
    QVERIFY(collector->error.has_value());
    QVERIFY(!collector->sending);
    QVERIFY2(collector->error->starts_with("QUIC handshake failed"), collector->error->c_str());
    QCOMPARE(handler_->handled.load(), 0);
  }

  void memberThatDoesNotListenIsRefusedAtOnce() {
    std::uint16_t freePort = 0;
    {
      net::quic::QuicUdpServerOptions options;
      options.quic.certificate = pair_.certificate;
      options.quic.key = pair_.key;
      net::quic::QuicUdpServer gone(options, *handler_);
      freePort = gone.port();
    }
    auto collector = std::make_shared<CollectingHandler>();
    net::UpstreamRequest toNobody = request(freePort, pair_.certificate, "/echo", "x");
    toNobody.connectTimeout = std::chrono::seconds(30);
    transport_->start(std::move(toNobody), collector);
    QVERIFY(collector->wait(std::chrono::seconds(10)));
    QVERIFY(!collector->sending);
    QVERIFY2(collector->error && collector->error->find("refused") != std::string::npos, collector->error.value_or("").c_str());
  }

  void cancelledCallClosesTheServersExchange() {
    auto collector = std::make_shared<CollectingHandler>();
    auto call = transport_->start(request(server_->port(), pair_.certificate, "/hold"), collector);
    QVERIFY(test::waitFor([&] { return handler_->handled.load() == 1; }));
    call->cancel();
    QVERIFY(collector->wait());
    QCOMPARE(collector->error.value_or(""), std::string("cancelled"));
    QVERIFY(test::waitFor([&] { return handler_->closed.load() == 1; }));
  }

  void answerPastItsDeadlineIsDropped() {
    auto collector = std::make_shared<CollectingHandler>();
    net::UpstreamRequest late = request(server_->port(), pair_.certificate, "/late");
    late.stream.deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(150);
    transport_->start(std::move(late), collector);
    QVERIFY(collector->wait());
    QVERIFY2(collector->deadlinePassed, collector->error.value_or("completed").c_str());
    QVERIFY(test::waitFor([&] { return handler_->closed.load() == 1; }));
  }

  void requestWhoseDeadlinePassedBeforeSendingIsNotSent() {
    auto collector = std::make_shared<CollectingHandler>();
    net::UpstreamRequest late = request(server_->port(), pair_.certificate, "/echo", "too late");
    late.stream.deadline = std::chrono::steady_clock::now() - std::chrono::milliseconds(1);
    transport_->start(std::move(late), collector);
    QVERIFY(collector->wait());
    QVERIFY(collector->deadlinePassed);
    QVERIFY(!collector->sending);
    QCOMPARE(handler_->handled.load(), 0);
  }

  void thousandConcurrentStreamsOnOneConnection() {
    constexpr int kStreams = 1000;
    std::vector<std::shared_ptr<CollectingHandler>> collectors;
    for (int i = 0; i < kStreams; ++i) {
      collectors.push_back(std::make_shared<CollectingHandler>());
      transport_->start(request(server_->port(), pair_.certificate, "/echo", "stream " + std::to_string(i)), collectors.back());
    }
    for (int i = 0; i < kStreams; ++i) {
      QVERIFY(collectors[i]->wait(std::chrono::seconds(60)));
      QVERIFY2(collectors[i]->completed, collectors[i]->error.value_or("").c_str());
      QCOMPARE(collectors[i]->body, "stream " + std::to_string(i));
    }
    QCOMPARE(transport_->connections(), std::size_t{1});
    QCOMPARE(server_->counters().streams, std::uint64_t{kStreams});
  }

 private:
  QTemporaryDir dir_;
  struct Files {
    std::filesystem::path certificate;
    std::filesystem::path key;
  };
  Files pair_;
  Files other_;
  std::unique_ptr<TestHandler> handler_;
  std::unique_ptr<net::quic::QuicUdpServer> server_;
  std::unique_ptr<net::quic::QuicUpstreamTransport> transport_;
};

QTEST_GUILESS_MAIN(QuicUdpTest)
#include "tst_quic_udp.moc"
