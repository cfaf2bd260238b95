#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "net/link/link_model.h"

namespace headroom::net::link {

// Anything that sends and receives datagrams and keeps its own timer: a QUIC client connection, a QUIC
// server endpoint (see quic_link_endpoints.h), or a test's scripted peer. The virtual link calls it on
// one thread, never re-entrantly. Times are durations since the emulation began (QuicTime).
class DatagramEndpoint {
 public:
  virtual ~DatagramEndpoint() = default;
  virtual void receive(std::span<const std::uint8_t> datagram, std::chrono::nanoseconds now) = 0;
  // Hands every datagram that may go now to `send` (which copies it).
  virtual void flush(std::chrono::nanoseconds now, const std::function<void(std::span<const std::uint8_t>)>& send) = 0;
  // When onTimer() is next due; nanoseconds::max() if never.
  virtual std::chrono::nanoseconds nextTimer() const = 0;
  virtual void onTimer(std::chrono::nanoseconds now) = 0;
};

// Which end of the link; the client sends on the up direction, the server on the down direction.
enum class LinkSide : std::uint8_t { Client, Server };

// A deterministic discrete-event loop in virtual time that joins two DatagramEndpoints through two
// LinkDirections (up: client to server, down: server to client), with no sockets and no wall clock.
// Events, in time order (ties: timers, then arrivals, then actions, each in the order they were made):
// an endpoint's timer at its nextTimer(), a datagram's arrival at the far end, a user action scheduled
// at a virtual time. After every event both endpoints are flushed and what they write enters the link
// at the current virtual time. The same endpoints, settings and seed give the identical run (QUIC
// endpoints too: their packet sizes do not depend on TLS's random values, which padding absorbs).
// Single-threaded; the endpoints are borrowed and must outlive the link; actions and handlers may call
// schedule(), not runUntil().
class VirtualLink {
 public:
  // Each direction's random loss is seeded from `seed` (up and down differently).
  VirtualLink(DatagramEndpoint& client, DatagramEndpoint& server, const LinkSettings& up, const LinkSettings& down,
              std::uint64_t seed);

  std::chrono::nanoseconds now() const { return now_; }

  // Runs `action` when virtual time reaches `at` (now, if `at` is in the past); the endpoints are
  // flushed after it. For arrivals of requests, writes of answers, closes.
  void schedule(std::chrono::nanoseconds at, std::function<void()> action);

  // Called for every datagram an endpoint writes, before the link sees it: `index` counts the
  // datagrams `from` has written (0 first). Return true to drop it (on top of the link's own loss and
  // queue drops). For tests ("lose the 5th datagram") and to watch the wire.
  using DatagramFilter = std::function<bool(LinkSide from, std::uint64_t index, std::span<const std::uint8_t> datagram)>;
  void setDatagramFilter(DatagramFilter filter) { filter_ = std::move(filter); }

  enum class Stop : std::uint8_t {
    Done,       // the predicate held
    TimeLimit,  // virtual time reached the limit (now() == limit)
    Idle,       // nothing left to happen: no datagram in flight, no action, no timer
  };
  // Runs events until `done()` holds (checked after every event and once before the first), virtual
  // time would pass `limit`, or nothing is left to happen.
  Stop runUntil(const std::function<bool()>& done, std::chrono::nanoseconds limit);
  // Runs `duration` of virtual time (events at now() + duration included), or until idle.
  Stop runFor(std::chrono::nanoseconds duration);

  const LinkDirection& up() const { return up_; }
  const LinkDirection& down() const { return down_; }
  // Events run so far (timers, arrivals, actions): a measure of work for benches.
  std::uint64_t events() const { return events_; }

 private:
  struct Arrival {
    LinkSide to;
    std::vector<std::uint8_t> datagram;
  };
  // Ordered by (time, sequence): sequence numbers keep equal times in the order the events were made.
  using Key = std::pair<std::chrono::nanoseconds, std::uint64_t>;

  void flushBoth();
  void flushOne(LinkSide from);
  // Runs the earliest event if it is due no later than `limit`; false when there is none.
  bool step(std::chrono::nanoseconds limit, bool& idle);
  std::chrono::nanoseconds timerOf(LinkSide side) const;

  DatagramEndpoint& client_;
  DatagramEndpoint& server_;
  LinkDirection up_;
  LinkDirection down_;
  DatagramFilter filter_;
  std::map<Key, Arrival> arrivals_;
  std::map<Key, std::function<void()>> actions_;
  std::uint64_t sequence_ = 0;
  std::uint64_t written_[2] = {0, 0};
  // The last virtual time each side's timer ran: a timer that stays due at that time is moved on by 1 ns
  // so a stuck endpoint cannot stop virtual time.
  std::chrono::nanoseconds timerRanAt_[2] = {std::chrono::nanoseconds::min(), std::chrono::nanoseconds::min()};
  std::chrono::nanoseconds now_{0};
  std::uint64_t events_ = 0;
};

}  // namespace headroom::net::link
