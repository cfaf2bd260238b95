#include "net/link/quic_link_endpoints.h"

namespace headroom::net::link {

namespace {
constexpr std::string_view kClientIp = "10.77.0.1";
constexpr std::uint16_t kClientPort = 40000;
constexpr std::string_view kServerIp = "10.77.0.2";
constexpr std::uint16_t kServerPort = 4433;
}  // namespace

quic::QuicPath clientLinkPath() { return quic::makeQuicPath(kClientIp, kClientPort, kServerIp, kServerPort); }
quic::QuicPath serverLinkPath() { return quic::makeQuicPath(kServerIp, kServerPort, kClientIp, kClientPort); }

void QuicClientOnLink::receive(std::span<const std::uint8_t> datagram, std::chrono::nanoseconds now) {
  static const quic::QuicPath path = clientLinkPath();
  connection_.receive(datagram, path, now);
}

void QuicClientOnLink::flush(std::chrono::nanoseconds now,
                             const std::function<void(std::span<const std::uint8_t>)>& send) {
  connection_.flush(now, send);
}

std::chrono::nanoseconds QuicClientOnLink::nextTimer() const { return connection_.nextTimer(); }

void QuicClientOnLink::onTimer(std::chrono::nanoseconds now) { connection_.onTimer(now); }

void QuicServerOnLink::receive(std::span<const std::uint8_t> datagram, std::chrono::nanoseconds now) {
  static const quic::QuicPath path = serverLinkPath();
  endpoint_.receive(datagram, path, now);
}

void QuicServerOnLink::flush(std::chrono::nanoseconds now,
                             const std::function<void(std::span<const std::uint8_t>)>& send) {
  endpoint_.flush(now, [&](std::span<const std::uint8_t> datagram, const quic::QuicPath&) { send(datagram); });
}

std::chrono::nanoseconds QuicServerOnLink::nextTimer() const { return endpoint_.nextTimer(); }

void QuicServerOnLink::onTimer(std::chrono::nanoseconds now) { endpoint_.onTimer(now); }

}  // namespace headroom::net::link
