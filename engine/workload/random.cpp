#include "engine/workload/random.h"

#include <cmath>

namespace headroom::engine {

Rng::Rng(std::uint64_t seed, std::uint64_t stream) {
  std::uint64_t seedMix = seed;
  std::uint64_t streamMix = stream ^ 0xD1B54A32D192ED03ULL;
  std::uint64_t state = splitMix64(seedMix) ^ (splitMix64(streamMix) * 0x9E3779B97F4A7C15ULL);
  for (auto& word : state_) word = splitMix64(state);
}

Rng Rng::fromState(const std::array<std::uint64_t, 4>& state) {
  Rng rng;
  rng.state_ = state;
  return rng;
}

std::int64_t Rng::uniformInt(std::int64_t lo, std::int64_t hi) {
  const double span = static_cast<double>(hi - lo) + 1.0;
  const auto offset = static_cast<std::int64_t>(uniform() * span);
  const std::int64_t value = lo + offset;
  return value > hi ? hi : value;
}

double Rng::exponential() { return -std::log(uniformOpen()); }

double Rng::normal() {
  if (hasSpareNormal_) {
    hasSpareNormal_ = false;
    return spareNormal_;
  }
  double x = 0.0;
  double y = 0.0;
  double s = 0.0;
  do {
    x = 2.0 * uniform() - 1.0;
    y = 2.0 * uniform() - 1.0;
    s = x * x + y * y;
  } while (s >= 1.0 || s == 0.0);
  const double factor = std::sqrt(-2.0 * std::log(s) / s);
  spareNormal_ = y * factor;
  hasSpareNormal_ = true;
  return x * factor;
}

double Rng::gamma(double shape) {
  if (shape < 1.0) {
    // Gamma(k) = Gamma(k + 1) * U^(1/k).
    const double boosted = gamma(shape + 1.0);
    return boosted * std::pow(uniformOpen(), 1.0 / shape);
  }
  const double d = shape - 1.0 / 3.0;
  const double c = 1.0 / std::sqrt(9.0 * d);
  for (;;) {
    double x = 0.0;
    double v = 0.0;
    do {
      x = normal();
      v = 1.0 + c * x;
    } while (v <= 0.0);
    v = v * v * v;
    const double u = uniformOpen();
    const double x2 = x * x;
    if (u < 1.0 - 0.0331 * x2 * x2) return d * v;
    if (std::log(u) < 0.5 * x2 + d * (1.0 - v + std::log(v))) return d * v;
  }
}

}  // namespace headroom::engine
