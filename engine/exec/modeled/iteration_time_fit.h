#pragma once

#include <array>
#include <cstdint>
#include <span>

#include "engine/core/time.h"
#include "engine/exec/batch_shape.h"

namespace headroom::engine {

// The batch features a measured iteration-time predictor is linear in, in this order.
inline constexpr std::size_t kProfileFeatureCount = 6;
inline constexpr std::array<const char*, kProfileFeatureCount> kProfileFeatureNames = {
    "constant", "prefill_tokens", "prefill_sequences", "decode_tokens", "prefill_attention_pairs",
    "decode_kv_tokens"};

using ProfileFeatures = std::array<double, kProfileFeatureCount>;

// 1, prefill tokens, prefill chunks, decodes, prefill query-key pairs, decode KV tokens.
ProfileFeatures profileFeatures(const BatchShape& shape);

// One measured iteration: its composition and the median of its timed repeats. `heldOut` points are
// kept out of the fit and only score it.
struct ProfilePoint {
  BatchShape shape;
  Duration measured{};
  bool heldOut = false;
};

// A fitted predictor: time in microseconds = coefficients . features.
struct IterationTimeFit {
  ProfileFeatures coefficientsUs{};
  double fitMape = 0.0;      // mean absolute percentage error on the fitted points, as a fraction
  double heldOutMape = 0.0;  // the same on the held-out points (0 when there are none)
  std::int32_t fitPoints = 0;
  std::int32_t heldOutPoints = 0;
};

// Least squares on relative error (each point weighted by 1 / its time, so short and long iterations
// count alike, as MAPE does), over the points that are not held out. A feature that never varies in
// them gets a coefficient of 0. Throws std::invalid_argument with fewer than two fitted points or a
// non-positive time.
IterationTimeFit fitIterationTime(std::span<const ProfilePoint> points);

// Predicted time in microseconds (may be below zero far outside the measured range).
double predictUs(const ProfileFeatures& coefficientsUs, const BatchShape& shape);

}  // namespace headroom::engine
