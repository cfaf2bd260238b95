#include "net/netbench/quic_echo_run.h"

#include <algorithm>
#include <memory>
#include <optional>

#include "net/link/quic_link_endpoints.h"
#include "net/link/virtual_link.h"
#include "net/netbench/netbench_echo.h"
#include "net/netbench/shared_bottleneck_endpoint.h"
#include "net/quic/quic_connection.h"

namespace headroom::net::netbench {

using std::chrono::nanoseconds;

RunOutcome runQuicEchoOnVirtualLink(const QuicEchoRun& run) {
  link::VirtualLink* linkPointer = nullptr;
  const auto clock = [&linkPointer] { return linkPointer != nullptr ? linkPointer->now() : nanoseconds(0); };

  EchoLedger ledger;
  ledger.serverReceivedBytes.assign(run.requests.size(), 0);

  quic::QuicServerConfig serverConfig;
  serverConfig.certificate = run.certificate.certificate;
  serverConfig.key = run.certificate.key;
  serverConfig.scheduler = run.scheduler;
  serverConfig.limits = run.limits;
  quic::QuicServerEndpoint server(serverConfig, [&](quic::QuicConnection& connection) {
    return std::make_unique<EchoServerHandler>(connection, run.classes, clock, ledger);
  });

  EchoClient client(run.classes, clock, run.requests);
  quic::QuicClientConfig clientConfig;
  clientConfig.serverName = "localhost";
  clientConfig.pinnedCertificate = run.certificate.certificate;
  clientConfig.scheduler = run.scheduler;
  clientConfig.limits = run.limits;
  const std::unique_ptr<quic::QuicConnection> connection =
      quic::QuicConnection::connect(clientConfig, link::clientLinkPath(), nanoseconds(0), client);
  client.bind(*connection);

  link::QuicClientOnLink clientOnLink(*connection);
  link::QuicServerOnLink serverOnLink(server);
  link::DatagramEndpoint* clientEnd = &clientOnLink;
  link::DatagramEndpoint* serverEnd = &serverOnLink;
  link::LinkSettings up = run.up;
  link::LinkSettings down = run.down;
  std::optional<link::LinkDirection> shared;
  std::optional<SharedBottleneckEndpoint> clientShared, serverShared;
  if (run.rateShared) {
    link::LinkSettings bottleneck = run.up;
    bottleneck.oneWayDelay = nanoseconds(0);
    bottleneck.lossRate = 0;
    shared.emplace(bottleneck, run.linkSeed);
    clientShared.emplace(clientOnLink, *shared);
    serverShared.emplace(serverOnLink, *shared);
    clientEnd = &*clientShared;
    serverEnd = &*serverShared;
    up.rateBitsPerSecond = down.rateBitsPerSecond = 0;
    up.queueBytes = down.queueBytes = 0;
  }
  link::VirtualLink virtualLink(*clientEnd, *serverEnd, up, down, run.linkSeed);
  linkPointer = &virtualLink;

  const auto handshake = virtualLink.runUntil(
      [&] { return client.handshakeDone() || !client.failure().empty() || connection->closed(); }, std::chrono::seconds(30));
  if (!client.handshakeDone()) {
    RunOutcome failed = client.outcome(ledger);
    failed.failure = client.failure().empty()
                         ? std::string(handshake == link::VirtualLink::Stop::Idle ? "the handshake stalled"
                                                                                  : "no handshake within 30 s")
                         : client.failure();
    return failed;
  }
  const nanoseconds origin = virtualLink.now();
  nanoseconds lastStart{0};
  for (const NetbenchRequest& request : run.requests) {
    virtualLink.schedule(origin + request.start, [&client, request] { client.start(request); });
    lastStart = std::max(lastStart, request.start);
  }
  const std::size_t expected = run.requests.size();
  virtualLink.runUntil([&] { return client.finished(expected) || !client.failure().empty(); },
                       origin + lastStart + run.drainAfterLastStart);
  return client.outcome(ledger);
}

}  // namespace headroom::net::netbench
