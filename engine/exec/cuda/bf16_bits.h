#pragma once

#include <cmath>
#include <cstdint>
#include <cstring>

namespace headroom::engine::gpu {

// Host-side bfloat16 conversions on raw bits (the upper half of an IEEE fp32), independent of the CUDA
// headers' host support. Rounds to nearest, ties to even; NaN stays NaN.
inline std::uint16_t floatToBf16Bits(float value) {
  std::uint32_t bits = 0;
  std::memcpy(&bits, &value, sizeof(bits));
  if (std::isnan(value)) return static_cast<std::uint16_t>((bits >> 16) | 0x0040u);
  const std::uint32_t roundingBias = 0x7FFFu + ((bits >> 16) & 1u);
  return static_cast<std::uint16_t>((bits + roundingBias) >> 16);
}

inline float bf16BitsToFloat(std::uint16_t half) {
  const std::uint32_t bits = static_cast<std::uint32_t>(half) << 16;
  float value = 0.0f;
  std::memcpy(&value, &bits, sizeof(value));
  return value;
}

}  // namespace headroom::engine::gpu
