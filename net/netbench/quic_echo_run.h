#pragma once

#include <cstdint>
#include <vector>

#include "net/link/link_model.h"
#include "net/netbench/netbench_outcome.h"
#include "net/netbench/netbench_workload.h"
#include "net/netbench/self_signed_certificate.h"
#include "net/quic/quic_connection.h"
#include "net/quic/stream_scheduler.h"

namespace headroom::net::netbench {

// One netbench run over QUIC on the in-process virtual link: a client connection and an echo server
// joined by net/link's VirtualLink (up: client to server, down: back), both ordering their streams with
// `scheduler`. The handshake goes first; request times count from its end. The run ends when every
// request is settled, or `drainAfterLastStart` of virtual time after the last start (the rest: missed).
// Deterministic: the same inputs give the same outcome.
struct QuicEchoRun {
  std::vector<NetbenchClass> classes;
  std::vector<NetbenchRequest> requests;
  link::LinkSettings up, down;
  // Both directions cross one bottleneck of up's rate and queue (down's rate and queue are then unused).
  bool rateShared = false;
  std::uint64_t linkSeed = 1;
  quic::StreamSchedulerOptions scheduler;
  quic::QuicTransportLimits limits;  // both ends
  CertificateFiles certificate;
  std::chrono::nanoseconds drainAfterLastStart = std::chrono::seconds(60);
};
RunOutcome runQuicEchoOnVirtualLink(const QuicEchoRun& run);

}  // namespace headroom::net::netbench
