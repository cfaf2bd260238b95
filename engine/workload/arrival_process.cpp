#include "engine/workload/arrival_process.h"

#include <algorithm>
#include <cmath>

namespace headroom::engine {

namespace {

double rateOf(double startRate, double slope, double startS, double tS) {
  return std::max(0.0, startRate + slope * (tS - startS));
}

}  // namespace

ArrivalProcess::ArrivalProcess(const ArrivalSpec& spec, double rateScale, Rng rng)
    : kind_(spec.kind), rng_(rng) {
  const double scale = std::max(0.0, rateScale);
  pieces_.push_back({0.0, std::max(0.0, spec.ratePerS), 0.0, 0.0});
  for (const RatePhase& phase : spec.phases) {
    const double startS = std::max(phase.startS, pieces_.back().startS);
    const double targetRate = std::max(0.0, phase.ratePerS);
    if (phase.shape == PhaseShape::Step) {
      pieces_.push_back({startS, targetRate, 0.0, 0.0});
      continue;
    }
    const Piece& last = pieces_.back();
    const double fromRate = rateOf(last.startRatePerS, last.slopePerS2, last.startS, startS);
    const double endS = std::max(phase.endS, startS);
    if (endS > startS) pieces_.push_back({startS, fromRate, (targetRate - fromRate) / (endS - startS), 0.0});
    pieces_.push_back({endS, targetRate, 0.0, 0.0});
  }
  for (std::size_t i = 0; i < pieces_.size(); ++i) {
    Piece& piece = pieces_[i];
    piece.startRatePerS *= scale;
    piece.slopePerS2 *= scale;
    if (i == 0) continue;
    const Piece& previous = pieces_[i - 1];
    const double spanS = piece.startS - previous.startS;
    piece.lambdaAtStart =
        previous.lambdaAtStart + previous.startRatePerS * spanS + 0.5 * previous.slopePerS2 * spanS * spanS;
  }
  if (kind_ == ArrivalKind::Gamma) {
    const double cv = spec.cv > 0.0 ? spec.cv : 1.0;
    gammaShape_ = 1.0 / (cv * cv);
    gammaScale_ = cv * cv;
  }
}

double ArrivalProcess::operationalGap() {
  switch (kind_) {
    case ArrivalKind::Poisson: return rng_.exponential();
    case ArrivalKind::Gamma: return rng_.gamma(gammaShape_) * gammaScale_;
    case ArrivalKind::Constant: return 1.0;
  }
  return 1.0;
}

std::optional<double> ArrivalProcess::next() {
  operationalTime_ += operationalGap();
  const double u = operationalTime_;
  while (cursor_ + 1 < pieces_.size() && pieces_[cursor_ + 1].lambdaAtStart < u) ++cursor_;
  const Piece& piece = pieces_[cursor_];
  const double du = u - piece.lambdaAtStart;
  const double a = piece.startRatePerS;
  const double b = piece.slopePerS2;
  if (du <= 0.0) return piece.startS;
  if (b == 0.0) {
    if (a <= 0.0) return std::nullopt;  // only the last piece can be reached with zero rate
    return piece.startS + du / a;
  }
  // Solve a*dt + b/2*dt^2 = du in the form that stays accurate when b is small or negative.
  const double root = std::sqrt(std::max(0.0, a * a + 2.0 * b * du));
  const double denominator = a + root;
  if (denominator <= 0.0) return piece.startS;
  return piece.startS + 2.0 * du / denominator;
}

std::size_t ArrivalProcess::pieceAt(double tS) const {
  std::size_t index = 0;
  while (index + 1 < pieces_.size() && pieces_[index + 1].startS <= tS) ++index;
  return index;
}

double ArrivalProcess::rateAt(double tS) const {
  const Piece& piece = pieces_[pieceAt(tS)];
  return rateOf(piece.startRatePerS, piece.slopePerS2, piece.startS, tS);
}

double ArrivalProcess::cumulativeRate(double tS) const {
  if (tS <= 0.0) return 0.0;
  const Piece& piece = pieces_[pieceAt(tS)];
  const double spanS = tS - piece.startS;
  return piece.lambdaAtStart + piece.startRatePerS * spanS + 0.5 * piece.slopePerS2 * spanS * spanS;
}

}  // namespace headroom::engine
