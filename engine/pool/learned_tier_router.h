#pragma once

#include <filesystem>
#include <memory>

#include "engine/pool/tier_router.h"

namespace headroom::engine {

// A tier router that follows a policy trained by `headroom-cli train-router` (a Double-DQN Q-network,
// engine/learn): per arrival it computes the policy's features from the TierContext, masks the groups
// predicted to miss (unless none is feasible) and takes the group with the highest Q-value.
// Throws InputError naming the file and field when the policy cannot be read, is truncated, holds a
// non-finite weight, or was trained for another pool (other groups, models, tasks or classes).
std::unique_ptr<TierRouter> makeLearnedTierRouter(const std::filesystem::path& policyFile, const TierPool& pool);

struct TierPolicy;
// The same from a policy in memory (the trainer's validation and the bench), already checked against the
// pool it runs on.
std::unique_ptr<TierRouter> makeLearnedTierRouter(const TierPolicy& policy);

}  // namespace headroom::engine
