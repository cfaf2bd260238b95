#pragma once

#include <chrono>
#include <cmath>
#include <cstdint>

namespace headroom::engine {

// The engine's one time type: integer microseconds. Durations and time points never travel as bare
// doubles inside the engine; seconds appear only at the edges (JSON, tables) through the helpers below.
using Duration = std::chrono::duration<std::int64_t, std::micro>;

// Tag clock for engine time points. Time zero is the start of a replay (virtual clock) or the moment a
// serving instance started (wall clock). It has no now(): use a Clock object.
struct EngineTime {
  using rep = std::int64_t;
  using period = std::micro;
  using duration = Duration;
  using time_point = std::chrono::time_point<EngineTime, Duration>;
  static constexpr bool is_steady = true;
};

using TimePoint = EngineTime::time_point;

inline constexpr TimePoint kTimeZero{};

inline double toSeconds(Duration d) { return static_cast<double>(d.count()) * 1e-6; }

inline double toSeconds(TimePoint t) { return toSeconds(t.time_since_epoch()); }

// Rounds to the nearest microsecond.
inline Duration durationFromSeconds(double seconds) {
  return Duration{static_cast<std::int64_t>(std::llround(seconds * 1e6))};
}

inline TimePoint timeFromSeconds(double seconds) { return TimePoint{durationFromSeconds(seconds)}; }

}  // namespace headroom::engine
