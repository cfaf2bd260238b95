#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "engine/workload/scenario.h"

namespace headroom::engine {

// The two workload families the learned tier router is trained and judged on (the third seed's):
//  stable         each class's rate is held for a stretch (kStableHoldShare of the duration), then moved
//                 to the next level; the levels lie around the class's own mean rate over the scenario (x0.5
//                 .. x1.5, its phases included), which a tier scenario sets near its pool's capacity
//  unpredictable  rates and durations random: each stretch lasts an exponential time (mean
//                 kUnpredictableMeanHoldShare of the duration) at a rate uniform in x0.25 .. x2 of that mean
enum class TierWorkloadFamily : std::uint8_t { Stable, Unpredictable };

inline constexpr double kStableHoldShare = 0.2;
inline constexpr double kUnpredictableMeanHoldShare = 0.08;

std::string_view toString(TierWorkloadFamily family);
std::optional<TierWorkloadFamily> tierWorkloadFamilyFromString(std::string_view text);

// The scenario with each class's arrival phases rewritten for `family`, drawn from `seed`, which also
// becomes the scenario's seed (so the arrival sequence is one per seed: rows of a table compared on the
// same seed see identical arrivals). Throws std::invalid_argument for a trace-driven scenario.
Scenario tierWorkload(const Scenario& base, TierWorkloadFamily family, std::uint64_t seed);

// Disjoint seed sets: training episodes draw from [1e9, 2e9) (by the trainer's seed and the episode),
// validation uses 2e9 + i, test (the bench, never seen in training) 3e9 + i.
enum class TierSeedSet : std::uint8_t { Training, Validation, Test };
std::uint64_t tierSeed(TierSeedSet set, std::uint64_t index, std::uint64_t trainerSeed = 0);

}  // namespace headroom::engine
