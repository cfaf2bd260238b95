#pragma once

#include <atomic>
#include <chrono>

#include "engine/core/time.h"

namespace headroom::engine {

// Source of engine time. Replays use a VirtualClock advanced by the event loop; serving uses a
// WallClock. now() is safe to call from any thread for both implementations.
class Clock {
 public:
  virtual ~Clock() = default;
  virtual TimePoint now() const = 0;
};

// Time that moves only when told to. Monotonic: advanceTo() never goes backwards.
class VirtualClock final : public Clock {
 public:
  TimePoint now() const override { return TimePoint{Duration{nowUs_.load(std::memory_order_relaxed)}}; }
  // Moves the clock forward to `t`; a `t` in the past leaves it where it is.
  void advanceTo(TimePoint t);

 private:
  std::atomic<std::int64_t> nowUs_{0};
};

// Steady wall time since construction (or the last restart()).
class WallClock final : public Clock {
 public:
  WallClock() : start_(std::chrono::steady_clock::now()) {}
  TimePoint now() const override;
  void restart() { start_ = std::chrono::steady_clock::now(); }

 private:
  std::chrono::steady_clock::time_point start_;
};

}  // namespace headroom::engine
