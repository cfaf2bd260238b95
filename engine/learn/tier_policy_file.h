#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "engine/pool/tier_features.h"
#include "engine/pool/tier_router.h"

namespace headroom::engine {

// A trained tier-routing policy, as `headroom-cli train-router` writes it and the learned router reads
// it: the pool it was trained for, its feature names and normalisation, and the Q-network (layer sizes
// {features, hidden..., groups} and the flat parameters of engine/learn/dqn.h's Mlp). A value type.
//
// The file is small JSON:
//   {"format": "headroom-tier-policy", "version": 1,
//    "pool": {"groups": [{"name", "model"}, ...], "tasks": [...], "classes": [...]},
//    "features": [...], "normalisation": {"mean": [...], "std": [...]},
//    "network": {"layers": [...], "parameters": [...]},
//    "training": {"decisions", "seed", "mean_reward", "simulated_s"}}
// Numbers are written in their shortest round-trip form, so the same policy gives the same bytes and
// reads back bit for bit. The training summary holds no wall-clock figure (that would break the
// same-seed-same-bytes rule); the trainer reports its wall time on its own.
struct TierPolicyTraining {
  std::int64_t decisions = 0;
  std::uint64_t seed = 0;
  double meanReward = 0.0;   // over the validation replays of the policy kept
  double simulatedS = 0.0;   // virtual seconds of traffic trained on
};

struct TierPolicy {
  TierPool pool;
  std::vector<std::string> features;
  FeatureNormalisation normalisation;
  std::vector<std::int32_t> layers;
  std::vector<double> parameters;
  TierPolicyTraining training;
};

inline constexpr std::string_view kTierPolicyFormat = "headroom-tier-policy";
inline constexpr std::int64_t kTierPolicyVersion = 1;

// The policy as JSON text, byte-deterministic.
std::string tierPolicyJson(const TierPolicy& policy);

// Reads a policy file. Throws InputError naming the file and the field for a missing or unreadable file,
// broken or truncated JSON, another format or version, a non-finite number, a std <= 0, or sizes that do
// not agree (features vs normalisation, layers vs features and groups, parameters vs layers).
TierPolicy loadTierPolicy(const std::filesystem::path& file);

// Throws InputError (file, "/pool/...") saying what differs when `policy` was trained for another pool:
// other groups or models (by position), tasks or classes.
void checkTierPolicyPool(const TierPolicy& policy, const TierPool& pool, const std::filesystem::path& file);

}  // namespace headroom::engine
