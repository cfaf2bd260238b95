#pragma once

#include <string>

#include "engine/exec/iteration_time_model.h"
#include "engine/exec/modeled/iteration_time_fit.h"
#include "engine/exec/modeled/measured_profile.h"
#include "engine/exec/modeled/model_shape.h"

namespace headroom::engine {

// An iteration-time model fitted to measured iterations (see MeasuredProfile): the time is linear in
// the batch features of iteration_time_fit.h, and never below one microsecond. Immutable; safe from any
// thread.
class ProfiledTimeModel final : public IterationTimeModel {
 public:
  ProfiledTimeModel(ProfileFeatures coefficientsUs, std::string description);
  // Throws std::invalid_argument when the profile's coefficients are not finite.
  explicit ProfiledTimeModel(const MeasuredProfile& profile);

  // An unmeasured estimate for `shape` on a machine doing `flopsPerS` multiply-adds x 2 per second:
  // the projections and LM head per token, attention per query-key pair, nothing fixed. For executors
  // that have no profile yet; a measured profile replaces it.
  static ProfiledTimeModel fromFlopRate(const ModelShape& shape, double flopsPerS);

  Duration predict(const BatchShape& shape) const override;
  std::string describe() const override { return description_; }
  const ProfileFeatures& coefficientsUs() const { return coefficientsUs_; }

 private:
  ProfileFeatures coefficientsUs_;
  std::string description_;
};

}  // namespace headroom::engine
