#pragma once

#include <optional>
#include <vector>

namespace headroom::solver {

// One measured or given point of a latency curve: at `ratePerS` requests per second on one instance,
// the class's watched percentile of its metric is `latencyS` seconds.
struct CurvePoint {
  double ratePerS = 0.0;
  double latencyS = 0.0;

  bool operator==(const CurvePoint&) const = default;
};

// f(r): latency of one instance as a function of its offered rate. Piecewise linear between its points,
// held at the first point's latency down to rate 0, and undefined past the last point, which is the
// saturation rate (the most the instance sustains). Monotone by construction: a point whose latency is
// below an earlier one's is raised to it. An immutable value; safe to share between threads.
class LatencyCurve {
 public:
  LatencyCurve() = default;
  // Sorts by rate and enforces monotonicity. Throws std::invalid_argument for no points, a negative or
  // non-finite value, or two points at the same rate.
  explicit LatencyCurve(std::vector<CurvePoint> points);

  const std::vector<CurvePoint>& points() const { return points_; }
  bool empty() const { return points_.empty(); }
  double saturationRatePerS() const { return points_.empty() ? 0.0 : points_.back().ratePerS; }
  double zeroLoadLatencyS() const { return points_.empty() ? 0.0 : points_.front().latencyS; }

  // Latency at `ratePerS`; empty past saturation.
  std::optional<double> latencyAtS(double ratePerS) const;
  // The largest rate in [0, saturation] whose latency stays within `boundS`; 0 when the bound is below
  // the latency at zero load.
  double capacityPerS(double boundS) const;

  bool operator==(const LatencyCurve&) const = default;

 private:
  std::vector<CurvePoint> points_;
};

}  // namespace headroom::solver
