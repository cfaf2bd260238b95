#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "net/http_exchange.h"
#include "net/http_server.h"
#include "net/quic/quic_connection.h"
#include "net/quic/quic_stream_observer.h"

namespace headroom::net::quic {

// The class a stream header names for requests that belong to no QoS class (health checks, model
// lists): every server accepts it beside its own classes.
inline constexpr std::string_view kControlStreamClass = "_control";

struct QuicUdpServerOptions {
  std::string address = "127.0.0.1";
  std::uint16_t port = 0;              // 0: any free port, see QuicUdpServer::port()
  QuicServerConfig quic;               // certificate, key, the answers' stream scheduler, limits
  std::vector<std::string> classNames; // the classes served; a header naming another is reset UnknownClass
  // The limits an HTTP request on a stream is parsed with (maxHeaderBytes, maxBodyBytes), as the HTTP
  // server parses them; the other fields are not used.
  HttpServerOptions http;
  std::shared_ptr<StreamObserver> observer;  // told of every request stream as it ends; may be null
};

// The server side of QUIC on a UDP socket: a QuicServerEndpoint driven by one I/O thread of its own
// (Boost.Asio; the timer from the endpoint's nextTimer(), QuicTime from the steady clock). Each request
// stream carries a StreamHeader, then header.requestBytes of an HTTP/1.1 request that is parsed like the
// HTTP server parses one (parseHttpRequest) and handed to the same HttpHandler; its answer goes back on
// the stream as HTTP/1.1 (Content-Length, or chunked for a stream; FIN at the end), ordered against the
// other answers by the configured stream scheduler, which has the header's class, level and deadline
// (now + budget). A header that is malformed (BadHeader) or names a class not served (UnknownClass) is
// reset and counted; the connection and its other streams go on. An exchange's onClose fires when the
// peer resets its stream, the connection ends, or the scheduler drops the answer at its deadline.
// The constructor binds (std::runtime_error when it cannot, or when the certificate or key does not
// load); start() runs the thread; stop() closes every connection and joins it. Exchanges may be used
// from any thread, also after stop() (their calls are then ignored). Thread-safe.
class QuicUdpServer {
 public:
  QuicUdpServer(QuicUdpServerOptions options, HttpHandler& handler);
  ~QuicUdpServer();
  QuicUdpServer(const QuicUdpServer&) = delete;
  QuicUdpServer& operator=(const QuicUdpServer&) = delete;

  void start();
  void stop();
  std::uint16_t port() const;

  struct Counters {
    std::uint64_t connectionsAccepted = 0;
    std::uint64_t streams = 0;          // request streams whose header was accepted
    std::uint64_t badHeaders = 0;       // reset with BadHeader
    std::uint64_t unknownClasses = 0;   // reset with UnknownClass
    std::uint64_t droppedAtDeadline = 0;
  };
  Counters counters() const;
  std::size_t connections() const;

  struct Impl;

 private:
  std::shared_ptr<Impl> impl_;
};

}  // namespace headroom::net::quic
