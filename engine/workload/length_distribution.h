#pragma once

#include <cstdint>

#include "engine/workload/random.h"
#include "engine/workload/scenario.h"

namespace headroom::engine {

// Draws token counts (>= 1) from a LengthSpec. Lognormal: mu = ln(median), sigma from the p90
// (z(0.9) = 1.2815515655446004), rounded to the nearest integer and clipped to [1, max]. Uniform and
// empirical are uniform over their integers / values. Immutable after construction; the Rng passed to
// sample() carries all the state, so one distribution may serve several streams.
class LengthDistribution {
 public:
  explicit LengthDistribution(const LengthSpec& spec);

  std::int32_t sample(Rng& rng) const;

  // The spec's central value in tokens: fixed value, uniform midpoint, lognormal mean before clipping,
  // empirical mean. For sizing and display, not for sampling.
  double meanTokens() const;

 private:
  LengthSpec spec_;
  double mu_ = 0.0;
  double sigma_ = 0.0;
};

inline constexpr double kNormalQuantile90 = 1.2815515655446004;

}  // namespace headroom::engine
