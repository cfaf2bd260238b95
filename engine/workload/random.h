#pragma once

#include <array>
#include <cstdint>

namespace headroom::engine {

// One step of SplitMix64: a fast 64-bit mixer, used to seed Rng and to derive independent streams.
inline std::uint64_t splitMix64(std::uint64_t& state) {
  state += 0x9E3779B97F4A7C15ULL;
  std::uint64_t z = state;
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

// Deterministic pseudo-random numbers (xoshiro256**), identical on every platform and compiler: all
// sampling below is written out here rather than taken from std::*_distribution, whose results are
// implementation-defined. A value type; one instance is not safe to share between threads.
class Rng {
 public:
  // A generator for `stream` under `seed`: different streams under one seed are independent, so a
  // component can own a stream without disturbing the others' sequences.
  explicit Rng(std::uint64_t seed, std::uint64_t stream = 0);
  // A generator with the given raw xoshiro256** state (not all zero), for checking against the
  // algorithm's reference outputs.
  static Rng fromState(const std::array<std::uint64_t, 4>& state);

  std::uint64_t nextU64() {
    const std::uint64_t result = rotl(state_[1] * 5, 7) * 9;
    const std::uint64_t t = state_[1] << 17;
    state_[2] ^= state_[0];
    state_[3] ^= state_[1];
    state_[1] ^= state_[2];
    state_[0] ^= state_[3];
    state_[2] ^= t;
    state_[3] = rotl(state_[3], 45);
    return result;
  }

  // Uniform in [0, 1), 53 bits.
  double uniform() { return static_cast<double>(nextU64() >> 11) * 0x1.0p-53; }
  // Uniform in (0, 1): never exactly 0, so safe under log().
  double uniformOpen() { return (static_cast<double>(nextU64() >> 11) + 0.5) * 0x1.0p-53; }
  // Uniform integer in [lo, hi] (hi >= lo; the span must fit in 2^53).
  std::int64_t uniformInt(std::int64_t lo, std::int64_t hi);
  // Exponential with mean 1.
  double exponential();
  // Standard normal (Marsaglia's polar method).
  double normal();
  // Gamma with the given shape (> 0) and scale 1 (Marsaglia and Tsang; shape < 1 by boosting).
  double gamma(double shape);

 private:
  static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

  Rng() = default;

  std::array<std::uint64_t, 4> state_{};
  bool hasSpareNormal_ = false;
  double spareNormal_ = 0.0;
};

}  // namespace headroom::engine
