#include "engine/workload/length_distribution.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace headroom::engine {

LengthDistribution::LengthDistribution(const LengthSpec& spec) : spec_(spec) {
  if (spec_.kind == LengthKind::Lognormal) {
    mu_ = std::log(std::max(spec_.median, 1e-9));
    sigma_ = std::max(0.0, (std::log(std::max(spec_.p90, 1e-9)) - mu_) / kNormalQuantile90);
  }
}

std::int32_t LengthDistribution::sample(Rng& rng) const {
  switch (spec_.kind) {
    case LengthKind::Fixed: return std::max<std::int32_t>(1, spec_.value);
    case LengthKind::Uniform: {
      const std::int32_t lo = std::max<std::int32_t>(1, spec_.min);
      const std::int32_t hi = std::max(lo, spec_.max);
      return static_cast<std::int32_t>(rng.uniformInt(lo, hi));
    }
    case LengthKind::Lognormal: {
      const double value = std::round(std::exp(mu_ + sigma_ * rng.normal()));
      const double upper = static_cast<double>(std::max<std::int32_t>(1, spec_.max));
      return static_cast<std::int32_t>(std::clamp(value, 1.0, upper));
    }
    case LengthKind::Empirical: {
      if (spec_.values.empty()) return 1;
      const auto index = rng.uniformInt(0, static_cast<std::int64_t>(spec_.values.size()) - 1);
      return std::max<std::int32_t>(1, spec_.values[static_cast<std::size_t>(index)]);
    }
  }
  return 1;
}

double LengthDistribution::meanTokens() const {
  switch (spec_.kind) {
    case LengthKind::Fixed: return spec_.value;
    case LengthKind::Uniform: return 0.5 * (spec_.min + spec_.max);
    case LengthKind::Lognormal: return std::exp(mu_ + 0.5 * sigma_ * sigma_);
    case LengthKind::Empirical:
      if (spec_.values.empty()) return 1.0;
      return std::accumulate(spec_.values.begin(), spec_.values.end(), 0.0) /
             static_cast<double>(spec_.values.size());
  }
  return 1.0;
}

}  // namespace headroom::engine
