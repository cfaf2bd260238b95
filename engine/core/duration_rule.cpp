#include "engine/core/duration_rule.h"

#include <cmath>

#include "engine/core/time.h"

namespace headroom::engine {

std::optional<SecondsProblem> checkPositiveSeconds(double seconds) {
  if (!std::isfinite(seconds) || seconds <= 0.0) return SecondsProblem::NotPositive;
  if (seconds > kMaxInputSeconds) return SecondsProblem::AboveMaximum;
  if (durationFromSeconds(seconds).count() <= 0) return SecondsProblem::BelowResolution;
  return std::nullopt;
}

}  // namespace headroom::engine
