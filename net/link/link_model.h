#pragma once

#include <chrono>
#include <cstdint>
#include <deque>
#include <optional>
#include <random>

namespace headroom::net::link {

// One direction of an emulated link, the model of ngtcp2's examples/sim.cc: a bottleneck that sends at
// `rateBitsPerSecond` from a FIFO queue of at most `queueBytes`, then a fixed one-way `delay`; a packet
// that finds the queue full is dropped (tail drop), and each packet is lost at random with `lossRate`
// (seeded: the same seed and packets give the same fate). Times are durations since the emulation began.
struct LinkSettings {
  double rateBitsPerSecond = 5e6;                                 // 0: unlimited
  std::chrono::nanoseconds oneWayDelay = std::chrono::milliseconds(25);
  std::uint64_t queueBytes = 64 * 1024;                          // 0: unlimited
  double lossRate = 0.005;                                       // 0..1, per packet
};

class LinkDirection {
 public:
  LinkDirection(const LinkSettings& settings, std::uint64_t seed);

  // A packet of `bytes` enters the link at `now` (non-decreasing across calls). Returns when it arrives
  // at the far end, or nullopt when it is dropped (queue full, or lost).
  std::optional<std::chrono::nanoseconds> send(std::size_t bytes, std::chrono::nanoseconds now);

  struct Counters {
    std::uint64_t packets = 0, bytes = 0, lostPackets = 0, queueDroppedPackets = 0;
  };
  const Counters& counters() const { return counters_; }
  const LinkSettings& settings() const { return settings_; }

 private:
  LinkSettings settings_;
  std::mt19937_64 random_;
  std::chrono::nanoseconds busyUntil_{0};  // when the bottleneck finishes the last queued packet
  Counters counters_;
};

}  // namespace headroom::net::link
