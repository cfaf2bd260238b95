// netbench's runs: the QUIC echo on the virtual link (every request echoed whole when the link keeps
// up; the same inputs give the same outcome; edf drops what cannot make its deadline and counts the bytes
// it never delivered) and the TLS/TCP baseline over loopback (every request echoed, in order).
#include <QtTest>

#include <QTemporaryDir>

#include <chrono>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "net/link/quic_link_endpoints.h"
#include "net/link/virtual_link.h"
#include "net/netbench/netbench_echo.h"
#include "net/netbench/quic_echo_run.h"
#include "net/netbench/realtime_echo_run.h"
#include "net/netbench/self_signed_certificate.h"

using namespace std::chrono_literals;
namespace nb = headroom::net::netbench;
namespace quic = headroom::net::quic;

namespace {

nb::WorkloadSettings smallWorkload(std::size_t requests) {
  nb::WorkloadSettings settings;
  settings.requests = requests;
  settings.load = 0.3;
  return settings;
}

headroom::net::link::LinkSettings cleanLink() {
  headroom::net::link::LinkSettings link;
  link.lossRate = 0;
  link.oneWayDelay = 25ms;
  return link;
}

// A client that writes what a test says on each stream and records what comes back.
class ScriptedClient final : public quic::QuicConnectionHandler {
 public:
  struct Stream {
    std::string echoed;
    bool fin = false;
    std::optional<std::uint64_t> resetCode;
  };
  bool handshakeDone = false;
  std::string closedReason;
  std::map<quic::StreamId, Stream> streams;

  void onHandshakeCompleted() override { handshakeDone = true; }
  void onStreamData(quic::StreamId id, std::string_view bytes, bool fin) override {
    streams[id].echoed += bytes;
    streams[id].fin = streams[id].fin || fin;
  }
  void onStreamReset(quic::StreamId id, std::uint64_t code) override { streams[id].resetCode = code; }
  void onClosed(std::string_view reason) override { closedReason = reason; }
};

QString describe(const nb::RunOutcome& outcome) {
  QString text = QString::fromStdString(outcome.failure);
  for (std::size_t i = 0; i < outcome.requests.size(); ++i) {
    const auto& r = outcome.requests[i];
    text += QString("\n#%1 class %2 latency %3 dropped %4")
                .arg(i)
                .arg(r.classIndex)
                .arg(r.latency ? QString::number(std::chrono::duration<double>(*r.latency).count()) : "-")
                .arg(r.dropped);
  }
  return text;
}

}  // namespace

class TestNetbenchRuns : public QObject {
  Q_OBJECT

 private:
  QTemporaryDir dir_;
  nb::CertificateFiles certificate_;

 private slots:
  void initTestCase() {
    QVERIFY(dir_.isValid());
    certificate_ = nb::writeSelfSignedCertificate(dir_.path().toStdString(), "localhost");
  }

  void echoPayloadsDifferPerRequest() {
    QCOMPARE(nb::echoPayload(3, 100).size(), std::size_t(100));
    QCOMPARE(nb::echoPayload(3, 100), nb::echoPayload(3, 100));
    QVERIFY(nb::echoPayload(3, 100) != nb::echoPayload(4, 100));
    QCOMPARE(nb::requestIndexOf(nb::requestIdOf(17)), std::optional<std::size_t>(17));
    QVERIFY(!nb::requestIndexOf("x17").has_value());
    QVERIFY(!nb::requestIndexOf("r17x").has_value());
  }

  void quicOnVirtualLinkEchoesEveryRequest_data() {
    QTest::addColumn<QString>("scheduler");
    for (const char* name : {"rr", "fcfs", "edf", "abs", "ml"}) QTest::newRow(name) << QString(name);
  }
  void quicOnVirtualLinkEchoesEveryRequest() {
    QFETCH(QString, scheduler);
    nb::QuicEchoRun run;
    run.classes = nb::defaultNetbenchClasses();
    run.requests = nb::makeWorkload(smallWorkload(12), 4);
    run.up = run.down = cleanLink();
    run.linkSeed = 4;
    run.scheduler.kind = *quic::parseStreamSchedulerName(scheduler.toStdString());
    run.certificate = certificate_;
    const nb::RunOutcome outcome = nb::runQuicEchoOnVirtualLink(run);
    QVERIFY2(outcome.failure.empty(), qPrintable(describe(outcome)));
    QCOMPARE(outcome.requests.size(), std::size_t(12));
    for (std::size_t i = 0; i < outcome.requests.size(); ++i) {
      const auto& r = outcome.requests[i];
      QCOMPARE(r.classIndex, run.requests[i].classIndex);
      QVERIFY2(r.latency.has_value(), qPrintable(describe(outcome)));
      // At least the round trip plus one serialisation at 5 Mbit/s (the echo starts with the first bytes).
      const auto floor = 2 * run.up.oneWayDelay + std::chrono::nanoseconds(static_cast<std::int64_t>(run.requests[i].bytes * 8 / 5e6 * 1e9));
      QVERIFY2(*r.latency >= floor, qPrintable(describe(outcome)));
      QVERIFY(!r.dropped);
      QCOMPARE(r.bytesDropped, std::uint64_t(0));
    }
  }

  // The seed's whole burst, long enough for the congestion controller's random probe cycle to matter:
  // with the transport's random choices seeded, two runs are the same to the nanosecond.
  void quicOnVirtualLinkIsDeterministic() {
    nb::WorkloadSettings burst;
    burst.arrival = nb::ArrivalMode::Burst;
    nb::QuicEchoRun run;
    run.classes = nb::defaultNetbenchClasses();
    run.requests = nb::makeWorkload(burst, 9);
    run.linkSeed = 9;  // with the default 0.5% loss
    run.limits.randomSeed = 9;
    run.scheduler.kind = quic::StreamSchedulerKind::MultiLevel;
    run.certificate = certificate_;
    const nb::RunOutcome first = nb::runQuicEchoOnVirtualLink(run);
    const nb::RunOutcome second = nb::runQuicEchoOnVirtualLink(run);
    QCOMPARE(first.requests.size(), second.requests.size());
    for (std::size_t i = 0; i < first.requests.size(); ++i) {
      QCOMPARE(first.requests[i].latency, second.requests[i].latency);
      QCOMPARE(first.requests[i].dropped, second.requests[i].dropped);
    }
  }

  void edfDropsWhatCannotMakeItsDeadline() {
    // A burst of long requests (7 s each) on a slow link: the later ones cannot finish in time, so edf
    // drops them (counted, with the bytes never delivered) instead of finishing them late.
    nb::QuicEchoRun run;
    run.classes = nb::defaultNetbenchClasses();
    nb::WorkloadSettings burst = smallWorkload(12);
    burst.arrival = nb::ArrivalMode::Burst;
    run.requests = nb::makeWorkload(burst, 2);
    for (auto& r : run.requests) {
      r.classIndex = 2;
      r.bytes = run.classes[2].requestBytes;
    }
    run.up = run.down = cleanLink();
    run.up.rateBitsPerSecond = run.down.rateBitsPerSecond = 1e6;  // 12 x 102.4 KB take 9.8 s each way
    run.scheduler.kind = quic::StreamSchedulerKind::Edf;
    run.certificate = certificate_;
    const nb::RunOutcome outcome = nb::runQuicEchoOnVirtualLink(run);
    QVERIFY2(outcome.failure.empty(), qPrintable(describe(outcome)));
    std::size_t dropped = 0, met = 0;
    for (const auto& r : outcome.requests) {
      if (r.dropped) {
        ++dropped;
        QVERIFY(!r.latency.has_value());
        QVERIFY(r.bytesDropped > 0 && r.bytesDropped <= 2 * 102400);
      } else if (r.latency && *r.latency <= 7s) {
        ++met;
      }
    }
    QVERIFY2(dropped > 0, qPrintable(describe(outcome)));
    QVERIFY2(met > 0, qPrintable(describe(outcome)));
  }

  void sharedRateSerialisesBothDirections() {
    // One long request on a 1 ms link: with a rate per direction the echo flows back while the request
    // is still going up (about one serialisation, 164 ms); through one shared bottleneck both directions'
    // bytes queue for the same rate, so it takes at least two.
    nb::QuicEchoRun run;
    run.classes = nb::defaultNetbenchClasses();
    run.requests = {{0, 2, 0ns, run.classes[2].requestBytes}};
    run.up = run.down = cleanLink();
    run.up.oneWayDelay = run.down.oneWayDelay = 1ms;
    run.up.queueBytes = run.down.queueBytes = 0;
    run.scheduler.kind = quic::StreamSchedulerKind::RoundRobin;
    run.certificate = certificate_;
    const auto serialisation = std::chrono::nanoseconds(static_cast<std::int64_t>(102400 * 8 / 5e6 * 1e9));
    const nb::RunOutcome perDirection = nb::runQuicEchoOnVirtualLink(run);
    run.rateShared = true;
    const nb::RunOutcome shared = nb::runQuicEchoOnVirtualLink(run);
    QVERIFY2(perDirection.requests[0].latency && shared.requests[0].latency,
             qPrintable(describe(perDirection) + describe(shared)));
    QVERIFY2(*perDirection.requests[0].latency < 2 * serialisation, qPrintable(describe(perDirection)));
    QVERIFY2(*shared.requests[0].latency >= 2 * serialisation, qPrintable(describe(shared)));
  }

  void echoServerRefusesBadHeadersAndServesTheRest() {
    // Three streams on one connection: a header with a wrong magic byte, one naming a class the server
    // does not serve, and a good one. The first two are reset with their codes; the third is echoed whole.
    headroom::net::link::VirtualLink* linkPointer = nullptr;
    const auto clock = [&linkPointer] { return linkPointer != nullptr ? linkPointer->now() : std::chrono::nanoseconds(0); };
    nb::EchoLedger ledger;
    quic::QuicServerConfig serverConfig;
    serverConfig.certificate = certificate_.certificate;
    serverConfig.key = certificate_.key;
    quic::QuicServerEndpoint server(serverConfig, [&](quic::QuicConnection& connection) {
      return std::make_unique<nb::EchoServerHandler>(connection, nb::defaultNetbenchClasses(), clock, ledger);
    });
    ScriptedClient client;
    quic::QuicClientConfig clientConfig;
    clientConfig.serverName = "localhost";
    clientConfig.pinnedCertificate = certificate_.certificate;
    const auto connection = quic::QuicConnection::connect(clientConfig, headroom::net::link::clientLinkPath(), 0ns, client);
    headroom::net::link::QuicClientOnLink clientEnd(*connection);
    headroom::net::link::QuicServerOnLink serverEnd(server);
    headroom::net::link::VirtualLink link(clientEnd, serverEnd, cleanLink(), cleanLink(), 1);
    linkPointer = &link;
    link.runUntil([&] { return client.handshakeDone; }, 10s);
    QVERIFY2(client.handshakeDone, client.closedReason.c_str());

    quic::StreamHeader header;
    header.className = "realtime";
    header.budget = std::chrono::microseconds(1'000'000);
    header.requestId = nb::requestIdOf(0);
    header.requestBytes = 100;
    std::string badMagic = quic::encodeStreamHeader(header);
    badMagic[0] = 'X';
    quic::StreamHeader unknown = header;
    unknown.className = "gold";
    const std::string payload = nb::echoPayload(0, 100);
    const auto bad = connection->openStream({"realtime", 0, std::nullopt}, link.now());
    const auto unknownClass = connection->openStream({"realtime", 0, std::nullopt}, link.now());
    const auto good = connection->openStream({"realtime", 0, std::nullopt}, link.now());
    QVERIFY(bad && unknownClass && good);
    connection->write(*bad, badMagic + payload, true);
    connection->write(*unknownClass, quic::encodeStreamHeader(unknown) + payload, true);
    connection->write(*good, quic::encodeStreamHeader(header) + payload, true);
    link.runUntil(
        [&] {
          return client.streams[*bad].resetCode && client.streams[*unknownClass].resetCode && client.streams[*good].fin;
        },
        link.now() + 10s);
    QCOMPARE(client.streams[*bad].resetCode, std::optional<std::uint64_t>(static_cast<std::uint64_t>(quic::StreamErrorCode::BadHeader)));
    QCOMPARE(client.streams[*unknownClass].resetCode,
             std::optional<std::uint64_t>(static_cast<std::uint64_t>(quic::StreamErrorCode::UnknownClass)));
    QVERIFY(!client.streams[*good].resetCode.has_value());
    QCOMPARE(client.streams[*good].echoed, payload);
    QCOMPARE(ledger.refusedStreams, std::uint64_t(2));
    QVERIFY(!connection->closed());
  }

  void tlsTcpOverLoopbackEchoesInOrder() {
    nb::RealtimeEchoRun run;
    run.classes = nb::defaultNetbenchClasses();
    nb::WorkloadSettings burst = smallWorkload(10);
    burst.arrival = nb::ArrivalMode::Burst;
    run.requests = nb::makeWorkload(burst, 5);
    run.certificate = certificate_;
    const nb::RunOutcome outcome = nb::runTlsTcpEcho(run);
    QVERIFY2(outcome.failure.empty(), qPrintable(describe(outcome)));
    QCOMPARE(outcome.requests.size(), std::size_t(10));
    for (const auto& r : outcome.requests) {
      QVERIFY2(r.latency.has_value(), qPrintable(describe(outcome)));
      QVERIFY(!r.dropped);
    }
  }
};

QTEST_GUILESS_MAIN(TestNetbenchRuns)
#include "tst_netbench_runs.moc"
