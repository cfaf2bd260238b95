#pragma once

#include <cmath>

#include "engine/core/time.h"
#include "engine/pool/tier_router.h"

namespace headroom::engine {

// Arrival rates as exponential moving averages over two time scales (kShortRateWindowS and
// kLongRateWindowS): each arrival adds 1/window to an estimate that decays by exp(-elapsed/window), so a
// steady Poisson stream of rate r reads r on average. Read at any time: the estimate decays to `now`.
// A plain value; not thread-safe (its owner serialises arrivals and reads). Other time scales (e.g. the
// re-planner's, of minutes) are given at construction; both windows must be > 0.
class ArrivalRateEstimate {
 public:
  ArrivalRateEstimate() = default;
  ArrivalRateEstimate(double shortWindowS, double longWindowS) : shortWindowS_(shortWindowS), longWindowS_(longWindowS) {}

  void arrive(TimePoint now) {
    decayTo(now);
    shortPerS_ += 1.0 / shortWindowS_;
    longPerS_ += 1.0 / longWindowS_;
  }

  // As of the last arrival (what it read right after it).
  ArrivalRates atLastArrival() const { return {shortPerS_, longPerS_}; }

  ArrivalRates rates(TimePoint now) const {
    const double elapsedS = now > last_ ? toSeconds(now - last_) : 0.0;
    return {shortPerS_ * std::exp(-elapsedS / shortWindowS_), longPerS_ * std::exp(-elapsedS / longWindowS_)};
  }

 private:
  void decayTo(TimePoint now) {
    const ArrivalRates decayed = rates(now);
    shortPerS_ = decayed.shortPerS;
    longPerS_ = decayed.longPerS;
    if (now > last_) last_ = now;
  }

  double shortWindowS_ = kShortRateWindowS;
  double longWindowS_ = kLongRateWindowS;
  double shortPerS_ = 0.0;
  double longPerS_ = 0.0;
  TimePoint last_{};
};

}  // namespace headroom::engine
