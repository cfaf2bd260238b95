#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "net/netbench/netbench_outcome.h"
#include "net/netbench/netbench_workload.h"
#include "net/netbench/self_signed_certificate.h"
#include "net/quic/quic_connection.h"
#include "net/quic/stream_scheduler.h"

namespace headroom::net::netbench {

// Where the two ends of a real-time run live. The server listens on serverIp:serverPort (0: a free port,
// reported to the client). Each end's socket comes from its factory (as socket(2): domain, type; the
// caller then owns the descriptor), e.g. link::NetnsLink::openSocket for a namespace; without one, from
// this host's stack.
struct RealtimeEndpoints {
  using SocketFactory = std::function<int(int domain, int type)>;
  std::string serverIp = "127.0.0.1";
  std::uint16_t serverPort = 0;
  SocketFactory serverSocket;
  SocketFactory clientSocket;
};

// A socket from `factory`, or socket(2) here without one. Throws std::system_error when it fails.
int openEndpointSocket(const RealtimeEndpoints::SocketFactory& factory, int domain, int type);

// One netbench run in real time (steady clock) over real sockets. Request times count from the end of
// the handshake; the run ends when every request is settled, or `drainAfterLastStart` after the last
// start (the rest: missed).
struct RealtimeEchoRun {
  std::vector<NetbenchClass> classes;
  std::vector<NetbenchRequest> requests;
  RealtimeEndpoints endpoints;
  CertificateFiles certificate;
  quic::QuicTransportLimits limits;  // QUIC runs, both ends
  std::chrono::nanoseconds drainAfterLastStart = std::chrono::seconds(30);
  // Set from any thread: the run stops within 100 ms with the failure kInterrupted.
  const std::atomic<bool>* cancel = nullptr;
};

// The failure of a run stopped through RealtimeEchoRun::cancel.
inline constexpr std::string_view kInterrupted = "interrupted";

// QUIC over UDP: the echo server (QuicServerEndpoint) and the client connection, both ordering their
// streams with `scheduler`, as on the virtual link.
RunOutcome runQuicEchoOverUdp(const RealtimeEchoRun& run, const quic::StreamSchedulerOptions& scheduler);

// The TLS/TCP baseline: one TLS 1.3 connection carries every request, each framed by the same
// StreamHeader and written whole in arrival order; the server echoes the payloads in the same order, so
// a lost segment holds up everything behind it (head-of-line blocking). The client pins the server's
// certificate. Nothing is dropped: a late request still completes, late.
RunOutcome runTlsTcpEcho(const RealtimeEchoRun& run);

}  // namespace headroom::net::netbench
