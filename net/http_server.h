#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <variant>

#include <chrono>
#include "net/http_exchange.h"
#include "net/http_server_counters.h"

namespace headroom::net {

// Where and how an HttpServer listens. TLS is on when both the certificate chain and the key (PEM files)
// are given. Limits:
//  - a request whose header or body is larger is answered 431 or 413;
//  - a request whose header (the TLS handshake included, on a new connection) has not arrived
//    headerTimeout after the server began to wait for it, or whose body has not arrived bodyTimeout after
//    its header, is answered 408; a kept-alive connection that sends no next request within idleTimeout
//    closes, and so does one whose client reads nothing of the answer for idleTimeout;
//  - connections beyond maxConnections, or beyond maxConnectionsPerClient from one client address, get
//    503 before anything is read;
//  - a client that lets more than maxPendingWriteBytes of its stream pile up is dropped.
// After an answer of its own (4xx, 503) the server closes the connection gracefully: it stops sending,
// then reads and discards what the client still sends (at most kLingerBytes, for at most kLingerTime) so
// that the client reads the answer instead of a reset.
struct HttpServerOptions {
  std::string address = "127.0.0.1";
  std::uint16_t port = 0;  // 0: any free port, see HttpServer::port()
  int threads = 1;
  std::int64_t maxBodyBytes = 1 << 20;
  std::int32_t maxHeaderBytes = 16 * 1024;
  std::int32_t maxConnections = 4096;
  std::int32_t maxConnectionsPerClient = 256;
  std::chrono::microseconds headerTimeout = std::chrono::seconds(10);
  std::chrono::microseconds bodyTimeout = std::chrono::seconds(60);
  std::chrono::microseconds idleTimeout = std::chrono::seconds(60);
  std::int64_t maxPendingWriteBytes = 8 << 20;
  std::filesystem::path tlsCertificate;
  std::filesystem::path tlsKey;
  // Where the server counts what it does (responses, open connections, refusals, timeouts); the server
  // makes its own when none is given.
  std::shared_ptr<HttpServerCounters> counters;

  static constexpr std::int64_t kLingerBytes = 64 << 20;
  static constexpr std::chrono::seconds kLingerTime{5};
};

// An HTTP/1.1 server (keep-alive, chunked streaming, optional TLS) that hands each parsed request to an
// HttpHandler. The constructor binds and listens (std::runtime_error when it cannot, or when the
// TLS files do not load); start() runs the I/O threads. stop() closes the listener and every connection
// and joins the threads; exchanges still held elsewhere may be used after stop() (their calls are
// ignored) until the server is destroyed, so destroy whatever holds them first. Thread-safe.
class HttpServer {
 public:
  HttpServer(const HttpServerOptions& options, HttpHandler& handler);
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  void start();
  void stop();
  // A graceful stop: stops accepting, closes connections waiting for a request, lets every reply in
  // progress finish writing (its connection then closes instead of waiting for another request), and
  // waits up to `grace` for the connections to end before stop(). Make the replies complete first.
  void stop(std::chrono::milliseconds grace);
  std::uint16_t port() const;
  bool tls() const;
  // Connections open now (refused ones included while their 503 is written).
  std::int64_t connections() const;
  const HttpServerCounters& counters() const;

  struct Impl;

 private:
  std::unique_ptr<Impl> impl_;
};

// Parses one HTTP/1.1 request from `bytes` with the server's limits and conversion, as a connection
// does; for tests and fuzzing. Returns the request, or the status the server would answer (400, 413,
// 431), or 0 when the bytes end before a request is complete.
std::variant<HttpRequest, int> parseHttpRequest(std::string_view bytes, const HttpServerOptions& options);

}  // namespace headroom::net
