#include "engine/workload/tier_workload_family.h"

#include <algorithm>
#include <array>
#include <stdexcept>

#include "engine/workload/random.h"

namespace headroom::engine {

std::string_view toString(TierWorkloadFamily family) {
  return family == TierWorkloadFamily::Stable ? "stable" : "unpredictable";
}

std::optional<TierWorkloadFamily> tierWorkloadFamilyFromString(std::string_view text) {
  if (text == "stable") return TierWorkloadFamily::Stable;
  if (text == "unpredictable") return TierWorkloadFamily::Unpredictable;
  return std::nullopt;
}

namespace {

// The class's rate at time t under its phases (steps hold, ramps move linearly from the previous rate).
double rateAt(const ArrivalSpec& arrival, double t) {
  double rate = arrival.ratePerS;
  for (const RatePhase& phase : arrival.phases) {
    if (t < phase.startS) break;
    if (phase.shape == PhaseShape::Ramp && t < phase.endS) {
      return rate + (phase.ratePerS - rate) * (t - phase.startS) / (phase.endS - phase.startS);
    }
    rate = phase.ratePerS;
  }
  return rate;
}

// The time-weighted mean rate of the class over the scenario's duration: the level the families vary around.
double meanRate(const ArrivalSpec& arrival, double durationS) {
  constexpr int kSamples = 1000;
  double sum = 0.0;
  for (int i = 0; i < kSamples; ++i) sum += rateAt(arrival, durationS * (i + 0.5) / kSamples);
  return sum / kSamples;
}

}  // namespace

Scenario tierWorkload(const Scenario& base, TierWorkloadFamily family, std::uint64_t seed) {
  if (base.trace) throw std::invalid_argument("tier workload families rewrite class arrivals; a trace has none");
  Scenario scenario = base;
  scenario.seed = seed;
  Rng rng(seed, 0x7469657277ULL);  // "tierw"
  const double duration = std::max(1.0, scenario.durationS);
  static constexpr std::array<double, 5> kLevels{0.5, 0.75, 1.0, 1.25, 1.5};
  for (auto& cls : scenario.classes) {
    ArrivalSpec& arrival = cls.arrival;
    const double baseRate = meanRate(arrival, duration);
    arrival.phases.clear();
    if (family == TierWorkloadFamily::Stable) {
      // A random start level, then walk to a neighbouring level each stretch.
      auto level = static_cast<std::size_t>(rng.uniformInt(0, kLevels.size() - 1));
      arrival.ratePerS = baseRate * kLevels[level];
      for (double t = duration * kStableHoldShare; t < duration; t += duration * kStableHoldShare) {
        if (level == 0) {
          level = 1;
        } else if (level + 1 == kLevels.size()) {
          level -= 1;
        } else {
          level = rng.uniform() < 0.5 ? level - 1 : level + 1;
        }
        arrival.phases.push_back({t, 0.0, baseRate * kLevels[level], PhaseShape::Step});
      }
    } else {
      arrival.ratePerS = baseRate * (0.25 + 1.75 * rng.uniform());
      double t = 0.0;
      while (true) {
        t += std::max(1.0, duration * kUnpredictableMeanHoldShare * rng.exponential());
        if (t >= duration) break;
        arrival.phases.push_back({t, 0.0, baseRate * (0.25 + 1.75 * rng.uniform()), PhaseShape::Step});
      }
    }
  }
  return scenario;
}

std::uint64_t tierSeed(TierSeedSet set, std::uint64_t index, std::uint64_t trainerSeed) {
  constexpr std::uint64_t kBillion = 1'000'000'000ULL;
  switch (set) {
    case TierSeedSet::Training: {
      std::uint64_t state = trainerSeed * 0x9E3779B97F4A7C15ULL + index;
      return kBillion + splitMix64(state) % kBillion;
    }
    case TierSeedSet::Validation: return 2 * kBillion + index;
    case TierSeedSet::Test: return 3 * kBillion + index;
  }
  return 0;
}

}  // namespace headroom::engine
