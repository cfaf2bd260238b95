#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <span>

#include "net/link/virtual_link.h"
#include "net/quic/quic_connection.h"

namespace headroom::net::link {

// The made-up addresses of the two ends of a virtual link: the client at 10.77.0.1:40000, the server at
// 10.77.0.2:4433. clientLinkPath() is the path as the client sees it (local = client), serverLinkPath()
// as the server sees it.
quic::QuicPath clientLinkPath();
quic::QuicPath serverLinkPath();

// A QUIC client connection as one end of a virtual link. Borrows the connection (made with
// QuicConnection::connect(config, clientLinkPath(), link time, handler)); it must outlive this.
class QuicClientOnLink final : public DatagramEndpoint {
 public:
  explicit QuicClientOnLink(quic::QuicConnection& connection) : connection_(connection) {}
  void receive(std::span<const std::uint8_t> datagram, std::chrono::nanoseconds now) override;
  void flush(std::chrono::nanoseconds now, const std::function<void(std::span<const std::uint8_t>)>& send) override;
  std::chrono::nanoseconds nextTimer() const override;
  void onTimer(std::chrono::nanoseconds now) override;

 private:
  quic::QuicConnection& connection_;
};

// A QUIC server endpoint as the other end of a virtual link (every datagram it writes goes to the one
// client). Borrows the endpoint; it must outlive this.
class QuicServerOnLink final : public DatagramEndpoint {
 public:
  explicit QuicServerOnLink(quic::QuicServerEndpoint& endpoint) : endpoint_(endpoint) {}
  void receive(std::span<const std::uint8_t> datagram, std::chrono::nanoseconds now) override;
  void flush(std::chrono::nanoseconds now, const std::function<void(std::span<const std::uint8_t>)>& send) override;
  std::chrono::nanoseconds nextTimer() const override;
  void onTimer(std::chrono::nanoseconds now) override;

 private:
  quic::QuicServerEndpoint& endpoint_;
};

}  // namespace headroom::net::link
