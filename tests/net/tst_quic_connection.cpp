// The QUIC connection (ngtcp2 + GnuTLS) between a client and a server endpoint over the virtual link:
// handshake and echo, flow-control credit returned over a long transfer, loss recovery, the pinned
// certificate, many concurrent streams, the stream scheduler's order on the wire, and EDF's reset of a
// stream past its deadline. Everything runs in virtual time: deterministic, and fast on a busy machine.
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QtTest>

#include <chrono>
#include <cstdint>
#include <functional>
#include <stdexcept>
#include <map>
#include <memory>
#include <optional>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "net/link/quic_link_endpoints.h"
#include "net/link/virtual_link.h"
#include "net/quic/quic_connection.h"
#include "net/quic/stream_header.h"
#include "support/test_certificates.h"

using namespace std::chrono_literals;
using namespace headroom::net;
using namespace headroom::net::quic;
using headroom::net::link::LinkSettings;
using headroom::net::link::LinkSide;
using headroom::net::link::VirtualLink;

namespace {

// What the server side saw, over all its connections.
struct ServerLog {
  // Echo: answers with the request; Sink: counts it and answers "ok"; Hold: gives the answer a deadline
  // `holdBudget` from the request's first bytes and never writes it.
  enum class Mode { Echo, Sink, Hold };
  Mode mode = Mode::Echo;
  std::function<QuicTime()> clock;
  std::chrono::nanoseconds holdBudget{0};
  std::set<StreamId> expired;
  std::map<StreamId, std::string> received;        // Echo: the bytes; Sink: empty
  std::map<StreamId, std::uint64_t> receivedBytes;
  std::map<StreamId, std::uint64_t> checksum;      // Sink: sum of byte * (offset % 251 + 1)
  std::set<StreamId> finished;
  std::map<StreamId, std::uint64_t> resets;
  std::vector<StreamId> arrivals;                  // the stream of each onStreamData call, in order
  std::vector<std::string> closedReasons;
  int handshakes = 0;
};

class ServerHandler final : public QuicConnectionHandler {
 public:
  ServerHandler(QuicConnection& connection, ServerLog& log) : connection_(connection), log_(log) {}
  void onHandshakeCompleted() override { ++log_.handshakes; }
  void onStreamData(StreamId id, std::string_view bytes, bool fin) override {
    if (bytes == "throw") throw std::runtime_error("no such request");
    if (!bytes.empty()) log_.arrivals.push_back(id);
    std::uint64_t& offset = log_.receivedBytes[id];
    if (log_.mode == ServerLog::Mode::Hold) {
      if (offset == 0) {
        const QuicTime now = log_.clock();
        connection_.setStreamAttributes(id, StreamAttributes{"realtime", 0, now + log_.holdBudget}, now);
      }
    } else if (log_.mode == ServerLog::Mode::Echo) {
      log_.received[id].append(bytes);
      connection_.write(id, bytes, fin);
    } else {
      std::uint64_t& sum = log_.checksum[id];
      for (std::size_t i = 0; i < bytes.size(); ++i) {
        sum += static_cast<unsigned char>(bytes[i]) * ((offset + i) % 251 + 1);
      }
      if (fin) connection_.write(id, "ok", true);
    }
    offset += bytes.size();
    if (fin) log_.finished.insert(id);
  }
  void onStreamReset(StreamId id, std::uint64_t code) override { log_.resets[id] = code; }
  void onStreamExpired(StreamId id) override { log_.expired.insert(id); }
  void onClosed(std::string_view reason) override { log_.closedReasons.emplace_back(reason); }

 private:
  QuicConnection& connection_;
  ServerLog& log_;
};

class ClientHandler final : public QuicConnectionHandler {
 public:
  void onHandshakeCompleted() override { handshake = true; }
  void onStreamData(StreamId id, std::string_view bytes, bool fin) override {
    received[id].append(bytes);
    if (fin) finished.insert(id);
  }
  void onStreamReset(StreamId id, std::uint64_t code) override { resets[id] = code; }
  void onStreamExpired(StreamId id) override { expired.insert(id); }
  void onStreamClosed(StreamId id, std::uint64_t lostPackets) override { closedLoss[id] = lostPackets; }
  void onClosed(std::string_view reason) override {
    ++closedCalls;
    closedReason = std::string(reason);
  }

  bool handshake = false;
  std::map<StreamId, std::string> received;
  std::set<StreamId> finished;
  std::map<StreamId, std::uint64_t> resets;
  std::set<StreamId> expired;
  std::map<StreamId, std::uint64_t> closedLoss;
  int closedCalls = 0;
  std::string closedReason;
};

LinkSettings cleanLink(double rateBitsPerSecond, std::chrono::nanoseconds oneWayDelay) {
  LinkSettings settings;
  settings.rateBitsPerSecond = rateBitsPerSecond;
  settings.oneWayDelay = oneWayDelay;
  settings.queueBytes = 0;
  settings.lossRate = 0;
  return settings;
}

// The bytes a sender writes at `offset` of a long transfer: a pattern the receiver can check.
char patternByte(std::uint64_t offset) { return static_cast<char>((offset * 7 + offset / 4099) & 0xFF); }

// A client and a server endpoint joined by a virtual link.
struct PairOptions {
  LinkSettings up;
  LinkSettings down;
  std::uint64_t seed = 1;
  StreamSchedulerKind clientScheduler = StreamSchedulerKind::RoundRobin;
  StreamSchedulerKind serverScheduler = StreamSchedulerKind::RoundRobin;
  QuicTransportLimits limits;
};

struct Pair {
  Pair(const QString& serverCertificate, const QString& serverKey, const QString& pinned, const PairOptions& options)
      : server(
            QuicServerConfig{serverCertificate.toStdString(), serverKey.toStdString(),
                             StreamSchedulerOptions{options.serverScheduler}, options.limits},
            [this](QuicConnection& connection) { return std::make_unique<ServerHandler>(connection, log); }),
        serverEnd(server) {
    QuicClientConfig config;
    config.serverName = "localhost";
    config.pinnedCertificate = pinned.toStdString();
    config.scheduler.kind = options.clientScheduler;
    config.limits = options.limits;
    client = QuicConnection::connect(config, link::clientLinkPath(), 0ns, clientHandler);
    clientEnd = std::make_unique<link::QuicClientOnLink>(*client);
    virtualLink = std::make_unique<VirtualLink>(*clientEnd, serverEnd, options.up, options.down, options.seed);
    log.clock = [this] { return virtualLink->now(); };
  }

  bool handshake(std::chrono::nanoseconds limit = 10s) {
    // The server completes when the client's Finished arrives, after the client.
    return virtualLink->runUntil([&] { return (clientHandler.handshake && log.handshakes > 0) || client->closed(); },
                                 limit) == VirtualLink::Stop::Done &&
           clientHandler.handshake;
  }

  ServerLog log;
  QuicServerEndpoint server;
  link::QuicServerOnLink serverEnd;
  ClientHandler clientHandler;
  std::unique_ptr<QuicConnection> client;
  std::unique_ptr<link::QuicClientOnLink> clientEnd;
  std::unique_ptr<VirtualLink> virtualLink;
};

}  // namespace

class TestQuicConnection : public QObject {
  Q_OBJECT

 private:
  QTemporaryDir dir_;
  headroom::test::TestCertificate server_;
  headroom::test::TestCertificate other_;

  std::unique_ptr<Pair> makePair(LinkSettings up, LinkSettings down, std::uint64_t seed = 1,
                                 StreamSchedulerKind clientScheduler = StreamSchedulerKind::RoundRobin) {
    return makePair(PairOptions{up, down, seed, clientScheduler, StreamSchedulerKind::RoundRobin, {}});
  }
  std::unique_ptr<Pair> makePair(const PairOptions& options) {
    return std::make_unique<Pair>(server_.certificate, server_.key, server_.certificate, options);
  }

 private slots:
  void initTestCase() {
    QVERIFY(dir_.isValid());
    server_ = headroom::test::makeTestCertificate(dir_, "server");
    QVERIFY2(server_.error.isEmpty(), qPrintable(server_.error));
    other_ = headroom::test::makeTestCertificate(dir_, "other");
    QVERIFY2(other_.error.isEmpty(), qPrintable(other_.error));
  }

  void handshakeAndEcho() {
    auto pair = makePair(cleanLink(10e6, 10ms), cleanLink(10e6, 10ms));
    QVERIFY(pair->handshake());
    QCOMPARE(pair->log.handshakes, 1);
    QCOMPARE(pair->server.connections(), std::size_t{1});
    const std::optional<StreamId> id = pair->client->openStream(StreamAttributes{"interactive", 0, std::nullopt}, 0ns);
    QVERIFY(id.has_value());
    pair->client->write(*id, "hello over quic", true);
    const auto stop = pair->virtualLink->runUntil([&] { return pair->clientHandler.finished.count(*id) > 0; },
                                                  pair->virtualLink->now() + 5s);
    QCOMPARE(stop, VirtualLink::Stop::Done);
    QCOMPARE(pair->log.received[*id], std::string("hello over quic"));
    QCOMPARE(pair->clientHandler.received[*id], std::string("hello over quic"));
    // Both ends see the stream close; the client's stream count goes back to zero.
    pair->virtualLink->runUntil([&] { return pair->clientHandler.closedLoss.count(*id) > 0; },
                                pair->virtualLink->now() + 5s);
    QCOMPARE(pair->clientHandler.closedLoss.count(*id), std::size_t{1});
    QCOMPARE(pair->client->openStreams(), std::size_t{0});
    QVERIFY(pair->client->linkEstimate().smoothedRtt > 15ms);
    QCOMPARE(pair->clientHandler.closedCalls, 0);

    // Closing tells both ends once, and the server forgets the connection.
    pair->client->close("done");
    pair->virtualLink->runUntil([&] { return !pair->log.closedReasons.empty(); }, pair->virtualLink->now() + 5s);
    QCOMPARE(pair->clientHandler.closedCalls, 1);
    QCOMPARE(pair->clientHandler.closedReason, std::string("done"));
    QCOMPARE(pair->log.closedReasons.size(), std::size_t{1});
    QVERIFY2(pair->log.closedReasons[0].find("done") != std::string::npos, pair->log.closedReasons[0].c_str());
    QCOMPARE(pair->server.connections(), std::size_t{0});
  }

  // 100 MB on one stream: far more than the stream (1 MiB) and connection (16 MiB) windows, so it only
  // completes when the receiver returns credit as it consumes.
  void transfer100MegabytesReturnsCredit() {
    auto pair = makePair(cleanLink(0, 1ms), cleanLink(0, 1ms));
    pair->log.mode = ServerLog::Mode::Sink;
    QVERIFY(pair->handshake());
    const std::optional<StreamId> id = pair->client->openStream(StreamAttributes{"bulk", 1, std::nullopt}, 0ns);
    QVERIFY(id.has_value());

    constexpr std::uint64_t kTotal = 100'000'000;
    constexpr std::uint64_t kPiece = 1'000'000;
    std::uint64_t expectedSum = 0;
    std::string piece(kPiece, '\0');
    for (std::uint64_t offset = 0; offset < kTotal; offset += kPiece) {
      for (std::uint64_t i = 0; i < kPiece; ++i) {
        piece[i] = patternByte(offset + i);
        expectedSum += static_cast<unsigned char>(piece[i]) * ((offset + i) % 251 + 1);
      }
      pair->client->write(*id, piece, offset + kPiece == kTotal);
    }
    QElapsedTimer wall;
    wall.start();
    const auto start = pair->virtualLink->now();
    const auto stop = pair->virtualLink->runUntil([&] { return pair->clientHandler.finished.count(*id) > 0; },
                                                  start + 600s);
    QCOMPARE(stop, VirtualLink::Stop::Done);
    const double virtualS = std::chrono::duration<double>(pair->virtualLink->now() - start).count();
    qInfo("100 MB over the virtual link (unlimited rate, 1 ms one way): %.3f virtual s, %.3f wall s, %llu datagrams",
          virtualS, wall.elapsed() / 1000.0,
          static_cast<unsigned long long>(pair->virtualLink->up().counters().packets +
                                          pair->virtualLink->down().counters().packets));
    QCOMPARE(pair->log.receivedBytes[*id], kTotal);
    QCOMPARE(pair->log.checksum[*id], expectedSum);
    QCOMPARE(pair->clientHandler.received[*id], std::string("ok"));
    QCOMPARE(pair->clientHandler.closedCalls, 0);
  }

  // The 5th full-size datagram the client sends after the handshake is lost: the data still arrives
  // whole, and the stream reports the loss.
  void lostPacketIsResent() {
    auto pair = makePair(cleanLink(20e6, 5ms), cleanLink(20e6, 5ms));
    QVERIFY(pair->handshake());
    int dataDatagrams = 0;
    int dropped = 0;
    pair->virtualLink->setDatagramFilter([&](LinkSide from, std::uint64_t, std::span<const std::uint8_t> datagram) {
      if (from != LinkSide::Client || datagram.size() < 1000) return false;
      if (++dataDatagrams == 5) {
        ++dropped;
        return true;
      }
      return false;
    });
    const std::optional<StreamId> id = pair->client->openStream(StreamAttributes{"bulk", 1, std::nullopt}, 0ns);
    QVERIFY(id.has_value());
    std::string payload(50'000, '\0');
    for (std::size_t i = 0; i < payload.size(); ++i) payload[i] = patternByte(i);
    pair->client->write(*id, payload, true);
    const auto stop = pair->virtualLink->runUntil([&] { return pair->clientHandler.closedLoss.count(*id) > 0; },
                                                  pair->virtualLink->now() + 30s);
    QCOMPARE(stop, VirtualLink::Stop::Done);
    QCOMPARE(dropped, 1);
    QVERIFY(pair->log.received[*id] == payload);
    QVERIFY(pair->clientHandler.received[*id] == payload);
    QVERIFY2(pair->clientHandler.closedLoss[*id] > 0, "the sender's stream counts no lost packet");
  }

  // The client pins another certificate than the one the server presents: the handshake fails with a
  // reason naming both digests, and no stream ever opens.
  void wrongCertificateIsRefused() {
    LinkSettings link = cleanLink(10e6, 10ms);
    Pair pair(server_.certificate, server_.key, other_.certificate, PairOptions{link, link, 1, StreamSchedulerKind::RoundRobin, StreamSchedulerKind::RoundRobin, {}});
    const auto stop = pair.virtualLink->runUntil([&] { return pair.client->closed() && pair.clientHandler.closedCalls > 0; }, 10s);
    QCOMPARE(stop, VirtualLink::Stop::Done);
    const std::string expected = "certificate not the pinned one (expected sha256 " +
                                 certificateSha256(other_.certificate.toStdString()) + ", got " +
                                 certificateSha256(server_.certificate.toStdString()) + ")";
    QCOMPARE(pair.clientHandler.closedReason, expected);
    QCOMPARE(pair.clientHandler.closedCalls, 1);
    QVERIFY(!pair.clientHandler.handshake);
    QVERIFY(!pair.client->openStream(StreamAttributes{}, pair.virtualLink->now()).has_value());
    // The server hears the refusal and forgets the connection; nothing reached it as stream data.
    pair.virtualLink->runUntil([&] { return pair.server.connections() == 0; }, pair.virtualLink->now() + 10s);
    QCOMPARE(pair.server.connections(), std::size_t{0});
    QVERIFY(pair.log.arrivals.empty());
    QCOMPARE(pair.log.handshakes, 0);
  }

  void missingPinnedCertificateIsAnError() {
    ClientHandler handler;
    QuicClientConfig config;
    config.pinnedCertificate = dir_.filePath("absent.pem").toStdString();
    try {
      QuicConnection::connect(config, link::clientLinkPath(), 0ns, handler);
      QFAIL("connect accepted a pinned certificate that does not exist");
    } catch (const std::runtime_error& error) {
      QVERIFY2(std::string(error.what()).find("absent.pem") != std::string::npos, error.what());
    }
  }

  void badServerKeyNamesTheFile() {
    const QString garbage = dir_.filePath("garbage.key.pem");
    {
      QFile file(garbage);
      QVERIFY(file.open(QIODevice::WriteOnly));
      file.write("not a key\n");
    }
    try {
      QuicServerEndpoint endpoint(QuicServerConfig{server_.certificate.toStdString(), garbage.toStdString(), {}, {}},
                                  [](QuicConnection&) { return std::unique_ptr<QuicConnectionHandler>(); });
      QFAIL("the endpoint accepted a key file that holds no key");
    } catch (const std::runtime_error& error) {
      QVERIFY2(std::string(error.what()).find("garbage.key.pem") != std::string::npos, error.what());
    }
    try {
      QuicServerEndpoint endpoint(QuicServerConfig{server_.certificate.toStdString(), other_.key.toStdString(), {}, {}},
                                  [](QuicConnection&) { return std::unique_ptr<QuicConnectionHandler>(); });
      QFAIL("the endpoint accepted a key that does not belong to the certificate");
    } catch (const std::runtime_error& error) {
      QVERIFY2(std::string(error.what()).find("do not belong together") != std::string::npos, error.what());
    }
  }

  void thousandConcurrentStreams() {
    auto pair = makePair(cleanLink(100e6, 5ms), cleanLink(100e6, 5ms));
    QVERIFY(pair->handshake());
    std::map<StreamId, std::string> sent;
    for (int i = 0; i < 1000; ++i) {
      const std::optional<StreamId> id =
          pair->client->openStream(StreamAttributes{std::string("c").append(std::to_string(i % 3)), std::uint8_t(i % 3), std::nullopt}, 0ns);
      QVERIFY2(id.has_value(), qPrintable(QString("stream %1 did not open").arg(i)));
      sent[*id] = std::string("request ").append(std::to_string(i)).append(1000, char('a' + i % 26));
      pair->client->write(*id, sent[*id], true);
    }
    QCOMPARE(pair->client->openStreams(), std::size_t{1000});
    const auto stop = pair->virtualLink->runUntil([&] { return pair->clientHandler.finished.size() == 1000; },
                                                  pair->virtualLink->now() + 60s);
    QCOMPARE(stop, VirtualLink::Stop::Done);
    for (const auto& [id, bytes] : sent) {
      QVERIFY(pair->log.received[id] == bytes);
      QVERIFY(pair->clientHandler.received[id] == bytes);
    }
    pair->virtualLink->runUntil([&] { return pair->client->openStreams() == 0; }, pair->virtualLink->now() + 10s);
    QCOMPARE(pair->client->openStreams(), std::size_t{0});
  }

  // The peer's stream limit holds openStream back, and comes back as streams close.
  void streamLimitComesBackAsStreamsClose() {
    QuicTransportLimits limits;
    limits.maxStreams = 10;
    LinkSettings link = cleanLink(10e6, 5ms);
    Pair pair(server_.certificate, server_.key, server_.certificate,
              PairOptions{link, link, 1, StreamSchedulerKind::RoundRobin, StreamSchedulerKind::RoundRobin, limits});
    QVERIFY(pair.handshake());
    std::vector<StreamId> first;
    for (int i = 0; i < 10; ++i) {
      const std::optional<StreamId> id = pair.client->openStream(StreamAttributes{}, pair.virtualLink->now());
      QVERIFY(id.has_value());
      first.push_back(*id);
    }
    QVERIFY(!pair.client->openStream(StreamAttributes{}, pair.virtualLink->now()).has_value());
    for (StreamId id : first) pair.client->write(id, "x", true);
    const auto stop = pair.virtualLink->runUntil(
        [&] { return pair.client->openStream(StreamAttributes{}, pair.virtualLink->now()).has_value(); },
        pair.virtualLink->now() + 10s);
    QCOMPARE(stop, VirtualLink::Stop::Done);
    QCOMPARE(pair.clientHandler.finished.size(), std::size_t{10});
  }

  // Two streams queued at once: with abs the level-0 stream opened second goes out whole before any
  // byte of the level-1 stream; round robin interleaves them.
  void schedulerOrderShowsOnTheWire_data() {
    QTest::addColumn<StreamSchedulerKind>("kind");
    QTest::addColumn<bool>("urgentFirst");
    QTest::newRow("abs") << StreamSchedulerKind::AbsolutePriority << true;
    QTest::newRow("rr") << StreamSchedulerKind::RoundRobin << false;
  }
  void schedulerOrderShowsOnTheWire() {
    QFETCH(StreamSchedulerKind, kind);
    QFETCH(bool, urgentFirst);
    auto pair = makePair(cleanLink(5e6, 10ms), cleanLink(5e6, 10ms), 1, kind);
    QVERIFY(pair->handshake());
    const auto now = pair->virtualLink->now();
    const std::optional<StreamId> bulk = pair->client->openStream(StreamAttributes{"bulk", 1, std::nullopt}, now);
    QVERIFY(bulk.has_value());
    pair->client->write(*bulk, std::string(200'000, 'b'), true);
    const std::optional<StreamId> urgent = pair->client->openStream(StreamAttributes{"urgent", 0, std::nullopt}, now);
    QVERIFY(urgent.has_value());
    pair->client->write(*urgent, std::string(200'000, 'u'), true);
    const auto stop = pair->virtualLink->runUntil(
        [&] { return pair->log.finished.count(*bulk) > 0 && pair->log.finished.count(*urgent) > 0; }, now + 60s);
    QCOMPARE(stop, VirtualLink::Stop::Done);
    const auto& arrivals = pair->log.arrivals;
    const auto firstBulk = std::find(arrivals.begin(), arrivals.end(), *bulk) - arrivals.begin();
    const auto lastUrgent = arrivals.rend() - std::find(arrivals.rbegin(), arrivals.rend(), *urgent) - 1;
    QCOMPARE(lastUrgent < firstBulk, urgentFirst);
  }

  // EDF: a stream that cannot make its deadline is reset when the deadline passes; the peer sees
  // DeadlinePassed, the sender hears onStreamExpired, and the connection and its other streams go on.
  void edfResetsAStreamPastItsDeadline() {
    auto pair = makePair(cleanLink(1e6, 20ms), cleanLink(1e6, 20ms), 1, StreamSchedulerKind::Edf);
    QVERIFY(pair->handshake());
    const auto now = pair->virtualLink->now();
    // 500 kB at 1 Mbit/s takes 4 s: its 300 ms deadline cannot be met.
    const std::optional<StreamId> late =
        pair->client->openStream(StreamAttributes{"realtime", 0, std::optional<QuicTime>(now + 300ms)}, now);
    QVERIFY(late.has_value());
    pair->client->write(*late, std::string(500'000, 'x'), true);
    const std::optional<StreamId> other = pair->client->openStream(StreamAttributes{"batch", 1, std::nullopt}, now);
    QVERIFY(other.has_value());
    pair->client->write(*other, "still here", true);

    const auto stop = pair->virtualLink->runUntil(
        [&] { return pair->log.resets.count(*late) > 0 && pair->clientHandler.finished.count(*other) > 0; }, now + 30s);
    QCOMPARE(stop, VirtualLink::Stop::Done);
    QCOMPARE(pair->log.resets[*late], static_cast<std::uint64_t>(StreamErrorCode::DeadlinePassed));
    QVERIFY(pair->clientHandler.expired.count(*late) > 0);
    QVERIFY2(pair->log.receivedBytes[*late] < 500'000, "the expired stream was sent whole");
    QCOMPARE(pair->clientHandler.received[*other], std::string("still here"));
    QCOMPARE(pair->clientHandler.closedCalls, 0);
    QVERIFY(!pair->client->closed());
  }

  // The server's answer stream (EDF) waits for an answer that never comes: at its deadline it is reset
  // although nothing else happens on the connection (the deadline is a timer), and the client sees
  // DeadlinePassed long before the idle timeout.
  void edfResetsAtTheDeadlineWithoutOtherTraffic() {
    auto pair = makePair(PairOptions{cleanLink(10e6, 20ms), cleanLink(10e6, 20ms), 1, StreamSchedulerKind::RoundRobin,
                                     StreamSchedulerKind::Edf, {}});
    pair->log.mode = ServerLog::Mode::Hold;
    pair->log.holdBudget = 500ms;
    QVERIFY(pair->handshake());
    const std::optional<StreamId> id = pair->client->openStream(StreamAttributes{}, pair->virtualLink->now());
    QVERIFY(id.has_value());
    pair->client->write(*id, "a request", true);
    const auto start = pair->virtualLink->now();
    const auto stop = pair->virtualLink->runUntil([&] { return pair->clientHandler.resets.count(*id) > 0; }, start + 20s);
    QCOMPARE(stop, VirtualLink::Stop::Done);
    QCOMPARE(pair->clientHandler.resets[*id], static_cast<std::uint64_t>(StreamErrorCode::DeadlinePassed));
    QVERIFY(pair->log.expired.count(*id) > 0);
    // Request out (about 20 ms), 500 ms budget, reset back (about 20 ms).
    const auto elapsed = pair->virtualLink->now() - start;
    QVERIFY2(elapsed >= 500ms && elapsed < 700ms, qPrintable(QString::number(elapsed.count() / 1e6) + " ms"));
  }

  // The client gives up on a request: the server hears Cancelled, both ends close the stream, and
  // the client is not told of its own reset.
  void resetReachesThePeer() {
    auto pair = makePair(cleanLink(10e6, 10ms), cleanLink(10e6, 10ms));
    pair->log.mode = ServerLog::Mode::Hold;
    pair->log.holdBudget = 3600s;
    QVERIFY(pair->handshake());
    const std::optional<StreamId> id = pair->client->openStream(StreamAttributes{}, pair->virtualLink->now());
    QVERIFY(id.has_value());
    pair->client->write(*id, "a long request", false);
    pair->virtualLink->runUntil([&] { return pair->log.receivedBytes[*id] > 0; }, pair->virtualLink->now() + 5s);
    pair->client->resetStream(*id, static_cast<std::uint64_t>(StreamErrorCode::Cancelled));
    pair->client->write(*id, "more after the reset", true);  // ignored
    const auto stop = pair->virtualLink->runUntil(
        [&] { return pair->log.resets.count(*id) > 0 && pair->clientHandler.closedLoss.count(*id) > 0; },
        pair->virtualLink->now() + 5s);
    QCOMPARE(stop, VirtualLink::Stop::Done);
    QCOMPARE(pair->log.resets[*id], static_cast<std::uint64_t>(StreamErrorCode::Cancelled));
    QCOMPARE(pair->log.receivedBytes[*id], std::uint64_t{14});
    QCOMPARE(pair->clientHandler.resets.count(*id), std::size_t{0});
    QCOMPARE(pair->client->openStreams(), std::size_t{0});
  }

  // A datagram of a version the server does not speak is answered with Version Negotiation (the
  // connection ids swapped, QUIC v1 offered) and opens no connection.
  void unknownVersionGetsVersionNegotiation() {
    QuicServerEndpoint endpoint(QuicServerConfig{server_.certificate.toStdString(), server_.key.toStdString(), {}, {}},
                                [](QuicConnection&) { return std::unique_ptr<QuicConnectionHandler>(); });
    std::vector<std::uint8_t> datagram(1200, 0);
    const std::vector<std::uint8_t> header{0xC0, 0xBA, 0xBA, 0xBA, 0xBA, 4, 1, 2, 3, 4, 3, 9, 8, 7};
    std::copy(header.begin(), header.end(), datagram.begin());
    endpoint.receive(datagram, link::serverLinkPath(), 0ns);
    QCOMPARE(endpoint.nextTimer(), QuicTime{0});
    std::vector<std::vector<std::uint8_t>> answers;
    endpoint.flush(0ns, [&](std::span<const std::uint8_t> bytes, const QuicPath& path) {
      QCOMPARE(path.remoteLength, link::serverLinkPath().remoteLength);
      answers.emplace_back(bytes.begin(), bytes.end());
    });
    QCOMPARE(answers.size(), std::size_t{1});
    const std::vector<std::uint8_t>& answer = answers[0];
    QVERIFY(answer.size() >= 7 + 3 + 4 + 8);
    QVERIFY((answer[0] & 0x80) != 0);
    QCOMPARE(std::vector<std::uint8_t>(answer.begin() + 1, answer.begin() + 5), std::vector<std::uint8_t>(4, 0));
    // Destination: the client's source id; source: the id the client chose for the server.
    QCOMPARE(std::vector<std::uint8_t>(answer.begin() + 5, answer.begin() + 10), (std::vector<std::uint8_t>{3, 9, 8, 7, 4}));
    QCOMPARE(std::vector<std::uint8_t>(answer.begin() + 10, answer.begin() + 14), (std::vector<std::uint8_t>{1, 2, 3, 4}));
    const std::vector<std::uint8_t> v1{0, 0, 0, 1};
    QVERIFY(std::search(answer.begin() + 14, answer.end(), v1.begin(), v1.end()) != answer.end());
    QCOMPARE(endpoint.connections(), std::size_t{0});
    // Noise and an empty datagram are dropped.
    endpoint.receive(std::vector<std::uint8_t>{0x40, 1, 2}, link::serverLinkPath(), 0ns);
    endpoint.receive({}, link::serverLinkPath(), 0ns);
    QCOMPARE(endpoint.connections(), std::size_t{0});
    QCOMPARE(endpoint.nextTimer(), QuicTime::max());
  }

  // Random datagrams, some shaped like QUIC v1 Initials, are dropped (or refused) without harm; a real
  // client connects afterwards.
  void garbageDatagramsAreDropped() {
    auto pair = makePair(cleanLink(10e6, 10ms), cleanLink(10e6, 10ms));
    std::mt19937_64 random(5);
    for (int i = 0; i < 5000; ++i) {
      std::vector<std::uint8_t> datagram(1 + random() % 1400);
      for (auto& byte : datagram) byte = static_cast<std::uint8_t>(random());
      if (i % 2 == 0 && datagram.size() >= 1200) {  // long header, QUIC v1, sane id lengths
        datagram[0] = 0xC0 | (datagram[0] & 0x0F);
        datagram[1] = 0, datagram[2] = 0, datagram[3] = 0, datagram[4] = 1;
        datagram[5] = 8;
        datagram[14] = 8;
      }
      pair->server.receive(datagram, link::serverLinkPath(), 0ns);
    }
    pair->server.flush(0ns, [](std::span<const std::uint8_t>, const QuicPath&) {});
    QCOMPARE(pair->server.connections(), std::size_t{0});
    QVERIFY(pair->log.closedReasons.empty());  // no handler was made for them
    pair->server.onTimer(pair->server.nextTimer() == QuicTime::max() ? 0ns : pair->server.nextTimer());
    QVERIFY(pair->handshake());
    const std::optional<StreamId> id = pair->client->openStream(StreamAttributes{}, pair->virtualLink->now());
    QVERIFY(id.has_value());
    pair->client->write(*id, "after the noise", true);
    QCOMPARE(pair->virtualLink->runUntil([&] { return pair->clientHandler.finished.count(*id) > 0; },
                                         pair->virtualLink->now() + 5s),
             VirtualLink::Stop::Done);
    QCOMPARE(pair->clientHandler.received[*id], std::string("after the noise"));
  }

  // Nothing heard for the idle timeout: both ends close once, with a reason, and the server forgets it.
  void idleConnectionTimesOut() {
    QuicTransportLimits limits;
    limits.idleTimeout = 2s;
    LinkSettings link = cleanLink(10e6, 10ms);
    Pair pair(server_.certificate, server_.key, server_.certificate,
              PairOptions{link, link, 1, StreamSchedulerKind::RoundRobin, StreamSchedulerKind::RoundRobin, limits});
    QVERIFY(pair.handshake());
    const auto stop = pair.virtualLink->runUntil(
        [&] { return pair.clientHandler.closedCalls > 0 && !pair.log.closedReasons.empty(); }, 30s);
    QCOMPARE(stop, VirtualLink::Stop::Done);
    QVERIFY(pair.virtualLink->now() >= 2s);
    QVERIFY2(pair.clientHandler.closedReason.find("idle") != std::string::npos, pair.clientHandler.closedReason.c_str());
    QVERIFY2(pair.log.closedReasons[0].find("idle") != std::string::npos, pair.log.closedReasons[0].c_str());
    pair.virtualLink->runFor(10s);
    QCOMPARE(pair.clientHandler.closedCalls, 1);
    QCOMPARE(pair.log.closedReasons.size(), std::size_t{1});
    QCOMPARE(pair.server.connections(), std::size_t{0});
  }

  // A server whose handler factory gives no handler refuses the connection; the client hears why.
  void serverRefusalReachesTheClient() {
    QuicServerEndpoint endpoint(QuicServerConfig{server_.certificate.toStdString(), server_.key.toStdString(), {}, {}},
                                [](QuicConnection&) { return std::unique_ptr<QuicConnectionHandler>(); });
    link::QuicServerOnLink serverEnd(endpoint);
    ClientHandler handler;
    QuicClientConfig config;
    config.pinnedCertificate = server_.certificate.toStdString();
    auto client = QuicConnection::connect(config, link::clientLinkPath(), 0ns, handler);
    link::QuicClientOnLink clientEnd(*client);
    VirtualLink virtualLink(clientEnd, serverEnd, cleanLink(10e6, 10ms), cleanLink(10e6, 10ms), 1);
    QCOMPARE(virtualLink.runUntil([&] { return handler.closedCalls > 0; }, 10s), VirtualLink::Stop::Done);
    QVERIFY2(handler.closedReason.find("refused") != std::string::npos, handler.closedReason.c_str());
    QVERIFY(virtualLink.now() < 1s);
    QCOMPARE(endpoint.connections(), std::size_t{0});
  }

  // A handler that throws fails its connection with a reason; nothing escapes into ngtcp2.
  void handlerThatThrowsClosesTheConnection() {
    auto pair = makePair(cleanLink(10e6, 10ms), cleanLink(10e6, 10ms));
    QVERIFY(pair->handshake());
    const std::optional<StreamId> id = pair->client->openStream(StreamAttributes{}, pair->virtualLink->now());
    QVERIFY(id.has_value());
    pair->client->write(*id, "throw", true);
    const auto stop = pair->virtualLink->runUntil(
        [&] { return pair->clientHandler.closedCalls > 0 && !pair->log.closedReasons.empty(); },
        pair->virtualLink->now() + 10s);
    QCOMPARE(stop, VirtualLink::Stop::Done);
    QVERIFY2(pair->log.closedReasons[0].find("no such request") != std::string::npos, pair->log.closedReasons[0].c_str());
    QVERIFY2(pair->clientHandler.closedReason.find("no such request") != std::string::npos,
             pair->clientHandler.closedReason.c_str());
  }

  // Over a lossy link the same seed gives the same run: the same datagrams, losses and finishing time.
  void sameSeedSameRun() {
    auto run = [&](std::uint64_t seed) {
      LinkSettings lossy = cleanLink(5e6, 25ms);
      lossy.lossRate = 0.02;
      lossy.queueBytes = 64 * 1024;
      auto pair = makePair(lossy, lossy, seed);
      if (!pair->handshake()) return std::string("no handshake");
      const std::optional<StreamId> id = pair->client->openStream(StreamAttributes{"bulk", 1, std::nullopt}, 0ns);
      if (!id) return std::string("no stream");
      pair->client->write(*id, std::string(300'000, 'z'), true);
      pair->virtualLink->runUntil([&] { return pair->clientHandler.finished.count(*id) > 0; }, 120s);
      const auto& up = pair->virtualLink->up().counters();
      const auto& down = pair->virtualLink->down().counters();
      return std::to_string(pair->virtualLink->now().count()) + " ns, up " + std::to_string(up.packets) + "/" +
             std::to_string(up.bytes) + "/" + std::to_string(up.lostPackets) + ", down " + std::to_string(down.packets) +
             "/" + std::to_string(down.bytes) + "/" + std::to_string(down.lostPackets) + ", echoed " +
             std::to_string(pair->clientHandler.received[*id].size());
    };
    const std::string first = run(7);
    QVERIFY2(first.find("echoed 300000") != std::string::npos, first.c_str());
    QVERIFY2(first.find("/0, down") == std::string::npos, "the lossy link lost nothing going up");
    QCOMPARE(run(7), first);
    QVERIFY(run(8) != first);
  }
};

QTEST_GUILESS_MAIN(TestQuicConnection)
#include "tst_quic_connection.moc"
