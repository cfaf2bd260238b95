#include "engine/exec/modeled/profiled_time_model.h"

#include <cmath>
#include <cstdio>
#include <stdexcept>
#include <utility>

namespace headroom::engine {

ProfiledTimeModel::ProfiledTimeModel(ProfileFeatures coefficientsUs, std::string description)
    : coefficientsUs_(coefficientsUs), description_(std::move(description)) {
  for (const double value : coefficientsUs_) {
    if (!std::isfinite(value)) throw std::invalid_argument("profiled time model: a coefficient is not finite");
  }
}

namespace {

std::string describeProfile(const MeasuredProfile& profile) {
  char mape[32];
  std::snprintf(mape, sizeof mape, "%.1f%%", profile.fit.heldOutMape * 100.0);
  return "profile of " + profile.model + " on " + profile.executor + " (" + profile.machine + ", " + profile.date +
         ", held-out MAPE " + mape + ")";
}

}  // namespace

ProfiledTimeModel::ProfiledTimeModel(const MeasuredProfile& profile)
    : ProfiledTimeModel(profile.fit.coefficientsUs, describeProfile(profile)) {}

ProfiledTimeModel ProfiledTimeModel::fromFlopRate(const ModelShape& shape, double flopsPerS) {
  if (!(flopsPerS > 0.0)) throw std::invalid_argument("profiled time model: the FLOP rate must be > 0");
  const double usPerFlop = 1e6 / flopsPerS;
  const double attentionFlopsPerPair =
      4.0 * static_cast<double>(shape.attentionHeads) * shape.headDim * shape.layers;
  ProfileFeatures coefficients{};
  coefficients[1] = shape.linearFlopsPerToken() * usPerFlop;
  coefficients[2] = shape.lmHeadFlopsPerToken() * usPerFlop;
  coefficients[3] = (shape.linearFlopsPerToken() + shape.lmHeadFlopsPerToken()) * usPerFlop;
  coefficients[4] = attentionFlopsPerPair * usPerFlop;
  coefficients[5] = attentionFlopsPerPair * usPerFlop;
  char rate[32];
  std::snprintf(rate, sizeof rate, "%.3g", flopsPerS);
  return ProfiledTimeModel(coefficients, "unmeasured estimate of " + shape.name + " at " + rate + " FLOP/s");
}

Duration ProfiledTimeModel::predict(const BatchShape& shape) const {
  if (shape.empty()) return Duration::zero();
  const double us = predictUs(coefficientsUs_, shape);
  return Duration{std::max<std::int64_t>(1, std::llround(us))};
}

}  // namespace headroom::engine
