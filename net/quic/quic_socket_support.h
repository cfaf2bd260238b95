#pragma once

#include <chrono>
#include <cstring>

#include <boost/asio/ip/udp.hpp>

#include "net/quic/quic_connection.h"
#include "net/quic/quic_time.h"

// What the UDP drivers of QUIC (the server and the upstream transport) share: the steady clock as
// QuicTime, and UDP endpoints as QuicPath addresses. Internal to net/quic.
namespace headroom::net::quic {

inline QuicTime steadyQuicNow() {
  return std::chrono::duration_cast<QuicTime>(std::chrono::steady_clock::now().time_since_epoch());
}

inline std::chrono::steady_clock::time_point steadyTimeOf(QuicTime time) {
  return std::chrono::steady_clock::time_point(std::chrono::duration_cast<std::chrono::steady_clock::duration>(time));
}

inline QuicPath pathOf(const boost::asio::ip::udp::endpoint& local, const boost::asio::ip::udp::endpoint& remote) {
  QuicPath path;
  std::memcpy(&path.local, local.data(), local.size());
  path.localLength = static_cast<socklen_t>(local.size());
  std::memcpy(&path.remote, remote.data(), remote.size());
  path.remoteLength = static_cast<socklen_t>(remote.size());
  return path;
}

inline boost::asio::ip::udp::endpoint endpointOf(const sockaddr_storage& address, socklen_t length) {
  boost::asio::ip::udp::endpoint endpoint;
  std::memcpy(endpoint.data(), &address, length);
  endpoint.resize(length);
  return endpoint;
}

}  // namespace headroom::net::quic
