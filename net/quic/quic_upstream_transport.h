#pragma once

#include <cstddef>
#include <memory>

#include "net/quic/quic_connection.h"
#include "net/quic/quic_stream_observer.h"
#include "net/upstream.h"

namespace headroom::net::quic {

struct QuicUpstreamOptions {
  QuicTransportLimits limits;
  std::shared_ptr<StreamObserver> observer;  // told of every request stream as it ends; may be null
};

// net::UpstreamTransport over QUIC, for endpoints with `quic` set: one connection per endpoint (made on
// first use, with the endpoint's pinned certificate and upload scheduler; made again after it closed),
// one bidirectional stream per request: a StreamHeader (class, level, the budget left of its deadline,
// request id, length), then the request as HTTP/1.1; the answer on the same stream is read as HTTP/1.1
// (Content-Length or chunked) into the handler. onSending comes before a stream is written. Errors
// name no address: a refused handshake or pin ("QUIC handshake failed: ..."), a connection that ended
// ("QUIC connection failed: ..."), a stream the member reset (its reason; a deadline drop goes to
// onDeadlinePassed), no answer byte for idleTimeout. One I/O thread of its own. Thread-safe; the
// destructor closes every connection (calls in flight may still hear an error) and joins the thread.
class QuicUpstreamTransport final : public UpstreamTransport {
 public:
  explicit QuicUpstreamTransport(QuicUpstreamOptions options = {});
  ~QuicUpstreamTransport() override;
  QuicUpstreamTransport(const QuicUpstreamTransport&) = delete;
  QuicUpstreamTransport& operator=(const QuicUpstreamTransport&) = delete;

  std::shared_ptr<UpstreamCall> start(UpstreamRequest request, std::shared_ptr<UpstreamHandler> handler) override;

  // Connections open now (one per endpoint in use).
  std::size_t connections() const;

  struct Impl;

 private:
  std::unique_ptr<Impl> impl_;
};

// What the router uses: HTTP endpoints through `http`, QUIC ones through `quic`. Thread-safe as they are.
class UpstreamByProtocol final : public UpstreamTransport {
 public:
  UpstreamByProtocol(UpstreamTransport& http, UpstreamTransport& quic) : http_(http), quic_(quic) {}
  std::shared_ptr<UpstreamCall> start(UpstreamRequest request, std::shared_ptr<UpstreamHandler> handler) override {
    UpstreamTransport& transport = request.endpoint.quic ? quic_ : http_;
    return transport.start(std::move(request), std::move(handler));
  }

 private:
  UpstreamTransport& http_;
  UpstreamTransport& quic_;
};

}  // namespace headroom::net::quic
