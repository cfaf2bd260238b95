#include "engine/core/clock.h"

namespace headroom::engine {

void VirtualClock::advanceTo(TimePoint t) {
  const std::int64_t target = t.time_since_epoch().count();
  std::int64_t current = nowUs_.load(std::memory_order_relaxed);
  while (target > current && !nowUs_.compare_exchange_weak(current, target, std::memory_order_relaxed)) {
  }
}

TimePoint WallClock::now() const {
  return TimePoint{std::chrono::duration_cast<Duration>(std::chrono::steady_clock::now() - start_)};
}

}  // namespace headroom::engine
