#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "net/http_message.h"
#include "net/quic/congestion_control.h"
#include "net/quic/stream_scheduler.h"

namespace headroom::net {

// An HTTP server a router forwards to: over HTTP/1.1 (TCP, TLS when `tls`), or over QUIC when `quic`
// (one connection per endpoint, one stream per request; see QuicUpstreamTransport).
struct UpstreamEndpoint {
  std::string host;
  std::uint16_t port = 0;
  bool tls = false;
  bool quic = false;
  // QUIC only: the server's certificate (PEM), pinned: the handshake fails unless it presents exactly
  // this one; and the scheduler that orders this end's uploads on the connection.
  std::filesystem::path pinnedCertificate;
  quic::StreamSchedulerKind streamScheduler = quic::StreamSchedulerKind::Edf;
  quic::CongestionControl congestionControl = quic::kDefaultCongestionControl;
};

// What a QUIC stream header says of a request (HTTP ignores it): its class (empty: a request of no
// class, e.g. a health check), level (0 most urgent) and deadline on this host's steady clock, sent as
// the budget left when the stream is written; and the request id.
struct UpstreamStreamAttributes {
  std::string className;
  std::uint8_t level = 0;
  std::optional<std::chrono::steady_clock::time_point> deadline;
  std::string requestId;
};

struct UpstreamRequest {
  UpstreamEndpoint endpoint;
  std::string method = "POST";
  std::string target;
  HttpHeaders headers;  // Host, Content-Length and Connection are set by the transport
  std::string body;
  std::chrono::microseconds connectTimeout = std::chrono::seconds(2);
  std::chrono::microseconds idleTimeout = std::chrono::seconds(120);  // no byte from the upstream for this long: error
  UpstreamStreamAttributes stream;  // QUIC endpoints only
};

// Hears one upstream call, on a transport thread, in this order: onHead once, onBody any number of
// times (body bytes with chunked framing removed), then onComplete or onError exactly once (onError
// may come without onHead). Implementations must not block.
class UpstreamHandler {
 public:
  virtual ~UpstreamHandler() = default;
  // The request is about to be written to a connection: from here on the upstream may have seen it,
  // even if the call then fails (or the transport sends it again on a fresh connection). Without this
  // before onError, the call failed resolving, connecting or in the TLS handshake: nothing was sent.
  virtual void onSending() {}
  virtual void onHead(int status, const HttpHeaders& headers) = 0;
  virtual void onBody(std::string_view bytes) = 0;
  virtual void onComplete() = 0;
  virtual void onError(std::string_view message) = 0;
  // Instead of onError: a stream scheduler (this end's or the member's) dropped the request at its
  // deadline (QUIC only). By default an error "deadline passed".
  virtual void onDeadlinePassed() { onError("deadline passed"); }
};

// A call in progress; cancel() closes its connection (the handler then hears onError, unless done).
class UpstreamCall {
 public:
  virtual ~UpstreamCall() = default;
  virtual void cancel() = 0;
};

// Sends HTTP requests to upstream servers, reusing idle keep-alive connections. Thread-safe.
class UpstreamTransport {
 public:
  virtual ~UpstreamTransport() = default;
  virtual std::shared_ptr<UpstreamCall> start(UpstreamRequest request, std::shared_ptr<UpstreamHandler> handler) = 0;
};

}  // namespace headroom::net
