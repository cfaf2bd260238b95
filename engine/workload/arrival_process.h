#pragma once

#include <cstddef>
#include <optional>
#include <vector>

#include "engine/workload/random.h"
#include "engine/workload/scenario.h"

namespace headroom::engine {

// Arrival times of one class, in seconds from time zero, increasing. Built by time rescaling: a
// unit-rate renewal process in operational time (gaps exp(1) for poisson, Gamma(1/cv^2, cv^2) for gamma,
// exactly 1 for constant) mapped through the inverse of the cumulative rate Lambda(t). The rate is
// piecewise constant (steps) or piecewise linear (ramps), all multiplied by `rateScale`; stretches of
// zero rate are skipped over. A value type that owns its Rng; not thread-safe.
class ArrivalProcess {
 public:
  ArrivalProcess(const ArrivalSpec& spec, double rateScale, Rng rng);

  // The next arrival in seconds, or nothing when the rate stays zero from here on.
  std::optional<double> next();

  // Rate in requests per second at `tS` (scaled).
  double rateAt(double tS) const;
  // Lambda(tS): the expected number of arrivals in [0, tS) (scaled).
  double cumulativeRate(double tS) const;

 private:
  // The rate on [startS, next piece's startS) is startRatePerS + slopePerS2 * (t - startS).
  struct Piece {
    double startS = 0.0;
    double startRatePerS = 0.0;
    double slopePerS2 = 0.0;
    double lambdaAtStart = 0.0;
  };

  double operationalGap();
  std::size_t pieceAt(double tS) const;

  std::vector<Piece> pieces_;
  ArrivalKind kind_;
  double gammaShape_ = 1.0;
  double gammaScale_ = 1.0;
  Rng rng_;
  double operationalTime_ = 0.0;
  std::size_t cursor_ = 0;
};

}  // namespace headroom::engine
