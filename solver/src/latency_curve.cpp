#include "solver/latency_curve.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

namespace headroom::solver {

LatencyCurve::LatencyCurve(std::vector<CurvePoint> points) : points_(std::move(points)) {
  if (points_.empty()) throw std::invalid_argument("a latency curve needs at least one point");
  for (const CurvePoint& point : points_) {
    if (!std::isfinite(point.ratePerS) || !std::isfinite(point.latencyS) || point.ratePerS < 0.0 ||
        point.latencyS < 0.0) {
      throw std::invalid_argument("latency curve points must be finite and >= 0");
    }
  }
  std::sort(points_.begin(), points_.end(),
            [](const CurvePoint& a, const CurvePoint& b) { return a.ratePerS < b.ratePerS; });
  for (std::size_t i = 1; i < points_.size(); ++i) {
    if (points_[i].ratePerS == points_[i - 1].ratePerS) {
      throw std::invalid_argument("two latency curve points at the same rate " +
                                  std::to_string(points_[i].ratePerS));
    }
    points_[i].latencyS = std::max(points_[i].latencyS, points_[i - 1].latencyS);
  }
}

std::optional<double> LatencyCurve::latencyAtS(double ratePerS) const {
  if (points_.empty()) return std::nullopt;
  constexpr double kSlack = 1e-9;
  if (ratePerS > saturationRatePerS() * (1.0 + kSlack) + kSlack) return std::nullopt;
  if (ratePerS <= points_.front().ratePerS) return points_.front().latencyS;
  for (std::size_t i = 1; i < points_.size(); ++i) {
    const CurvePoint& low = points_[i - 1];
    const CurvePoint& high = points_[i];
    if (ratePerS <= high.ratePerS) {
      const double t = (ratePerS - low.ratePerS) / (high.ratePerS - low.ratePerS);
      return low.latencyS + t * (high.latencyS - low.latencyS);
    }
  }
  return points_.back().latencyS;
}

double LatencyCurve::capacityPerS(double boundS) const {
  if (points_.empty() || boundS < points_.front().latencyS) return 0.0;
  std::size_t last = 0;
  while (last + 1 < points_.size() && points_[last + 1].latencyS <= boundS) ++last;
  if (last + 1 == points_.size()) return points_.back().ratePerS;
  const CurvePoint& low = points_[last];
  const CurvePoint& high = points_[last + 1];
  const double t = (boundS - low.latencyS) / (high.latencyS - low.latencyS);
  return low.ratePerS + t * (high.ratePerS - low.ratePerS);
}

}  // namespace headroom::solver
