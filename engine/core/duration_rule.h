#pragma once

#include <cstdint>
#include <optional>

namespace headroom::engine {

// What can be wrong with a number of seconds given for a duration (an SLO bound, a scenario's length, a
// constant iteration time), whichever file, table or field it came from. checkPositiveSeconds is the one
// place the rule lives: readers word a problem with englishText (engine/io/input_problems.h), the
// console with its translated text.
enum class SecondsProblem : std::uint8_t {
  NotPositive,      // <= 0, or not a finite number
  BelowResolution,  // > 0 but under one microsecond, the engine's time step
  AboveMaximum,     // > kMaxInputSeconds
};

// Longest number of seconds accepted anywhere (about 31 years).
inline constexpr double kMaxInputSeconds = 1e9;

std::optional<SecondsProblem> checkPositiveSeconds(double seconds);

}  // namespace headroom::engine
