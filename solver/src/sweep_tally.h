#pragma once

#include <algorithm>
#include <cstdint>
#include <string>

#include "solver/curve_measurement.h"
#include "solver/sweep_control.h"

namespace headroom::solver::detail {

// Replays a class's curve search is expected to take before it is run: the doublings up to its bound
// (about six from the default start rate), the bisection and the shape points.
inline std::int32_t expectedPointsPerClass(std::int32_t refinements, std::int32_t shapePoints) {
  return 6 + refinements + shapePoints;
}

// Counts a sweep's replays against its expected total and reports to a SweepControl. One per sweep; used
// on the sweep's thread only.
class SweepTally {
 public:
  explicit SweepTally(const SweepControl& control) : control_(control) {}

  void expect(std::int32_t points) { expected_ += points; }
  // A part estimated at `estimated` replays is done after `actual` of them.
  void settle(std::int32_t estimated, std::int32_t actual) { expected_ += actual - estimated; }
  void measured(const std::string& message) {
    ++measured_;
    report(message);
  }
  void report(const std::string& message) const {
    if (!control_.progress) return;
    control_.progress({measured_, std::max(expected_, measured_), message});
  }
  void throwIfCancelled() const {
    if (control_.cancelled()) throw SweepCancelled();
  }
  const SweepControl& control() const { return control_; }

 private:
  const SweepControl& control_;
  std::int32_t measured_ = 0;
  std::int32_t expected_ = 0;
};

// measureClassCurves reporting to `tally`; the caller has already expected the mode's replays
// (expectedPointsPerClass for each class with a positive rate).
MeasuredCurves measureClassCurves(const engine::Scenario& scenario, const ScenarioMode& mode,
                                  const std::vector<PlanningClass>& classes, const CurveSweepOptions& options,
                                  SweepTally& tally);

// The replays measureClassCurves expects for `classes` under `options`.
std::int32_t expectedPoints(const std::vector<PlanningClass>& classes, const CurveSweepOptions& options);

}  // namespace headroom::solver::detail
