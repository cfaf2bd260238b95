#pragma once

#include <array>
#include <atomic>
#include <cstddef>
#include <cstdint>

namespace headroom::net {

// Why an HttpServer turned a connection away with 503 before reading a request.
enum class ConnectionRefusal : std::uint8_t {
  ServerLimit,  // maxConnections connections were open
  ClientLimit,  // the client's address had maxConnectionsPerClient connections open
};

// Which read deadline of an HttpServer ran out.
enum class ReadTimeout : std::uint8_t {
  Header,  // the request's header did not arrive within headerTimeout (answered 408)
  Body,    // the request's body did not arrive within bodyTimeout (answered 408)
  Idle,    // a kept-alive connection sent no next request within idleTimeout (closed, no answer)
};

// What an HttpServer counts as it runs, for a metrics endpoint above it: every response it writes by
// status class (the handler's and its own: 503 at a connection limit, 400/413/431 from the parser,
// 408 on a read deadline, 500 when the handler throws), the connections open now, the connections it
// refused and the read deadlines that ran out. Written by the server's I/O threads, read from any
// thread (relaxed atomics; each value is exact, a set of values read together need not be consistent).
// Shared (std::shared_ptr) between the server and whoever reports it, so either may go first.
class HttpServerCounters {
 public:
  void countResponse(int status) {
    const int statusClass = status / 100;
    if (statusClass >= 1 && statusClass <= 5) responses_[static_cast<std::size_t>(statusClass)].fetch_add(1, kOrder);
  }
  void countRefusal(ConnectionRefusal why) { refusals_[static_cast<std::size_t>(why)].fetch_add(1, kOrder); }
  void countTimeout(ReadTimeout which) { timeouts_[static_cast<std::size_t>(which)].fetch_add(1, kOrder); }
  void connectionOpened() { open_.fetch_add(1, kOrder); }
  void connectionClosed() { open_.fetch_sub(1, kOrder); }

  // Responses written with a status of statusClass x 100 .. x 100 + 99 (statusClass 1..5; else 0).
  std::uint64_t responses(int statusClass) const {
    if (statusClass < 1 || statusClass > 5) return 0;
    return responses_[static_cast<std::size_t>(statusClass)].load(kOrder);
  }
  std::uint64_t refusals(ConnectionRefusal why) const { return refusals_[static_cast<std::size_t>(why)].load(kOrder); }
  std::uint64_t timeouts(ReadTimeout which) const { return timeouts_[static_cast<std::size_t>(which)].load(kOrder); }
  // Connections accepted and not yet closed, refused ones included while their 503 is written.
  std::int64_t openConnections() const { return open_.load(kOrder); }

 private:
  static constexpr std::memory_order kOrder = std::memory_order_relaxed;

  std::array<std::atomic<std::uint64_t>, 6> responses_{};
  std::array<std::atomic<std::uint64_t>, 2> refusals_{};
  std::array<std::atomic<std::uint64_t>, 3> timeouts_{};
  std::atomic<std::int64_t> open_{0};
};

}  // namespace headroom::net
