#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include <chrono>
#include "net/http_message.h"

namespace headroom::net {

// An HTTP server a router forwards to.
struct UpstreamEndpoint {
  std::string host;
  std::uint16_t port = 0;
  bool tls = false;
};

struct UpstreamRequest {
  UpstreamEndpoint endpoint;
  std::string method = "POST";
  std::string target;
  HttpHeaders headers;  // Host, Content-Length and Connection are set by the transport
  std::string body;
  std::chrono::microseconds connectTimeout = std::chrono::seconds(2);
  std::chrono::microseconds idleTimeout = std::chrono::seconds(120);  // no byte from the upstream for this long: error
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
