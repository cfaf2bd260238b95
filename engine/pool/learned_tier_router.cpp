#include "engine/pool/learned_tier_router.h"

#include <vector>

#include "engine/learn/dqn.h"
#include "engine/learn/tier_policy_file.h"
#include "engine/pool/tier_features.h"

namespace headroom::engine {

namespace {

// Features, normalisation, mask and the Q-network's argmax; buffers are kept so a decision allocates
// nothing.
class LearnedTierRouter final : public TierRouter {
 public:
  LearnedTierRouter(const TierPolicy& policy, std::string description)
      : pool_(policy.pool),
        normalisation_(policy.normalisation),
        network_(policy.layers, policy.parameters),
        description_(std::move(description)),
        features_(policy.features.size()),
        values_(policy.pool.groupNames.size()),
        mask_(policy.pool.groupNames.size()) {}

  GroupId choose(const TierContext& context) override {
    if (context.groups.size() != values_.size()) return greedyChoice(context.groups);
    tierFeatures(context, pool_, features_);
    normalisation_.apply(features_);
    network_.forward(features_, values_);
    tierActionMask(context.groups, mask_);
    return static_cast<GroupId>(maskedArgmax(values_, mask_));
  }

  std::string describe() const override { return description_; }

 private:
  TierPool pool_;
  FeatureNormalisation normalisation_;
  Mlp network_;
  std::string description_;
  std::vector<double> features_;
  std::vector<double> values_;
  std::vector<std::uint8_t> mask_;
};

}  // namespace

std::unique_ptr<TierRouter> makeLearnedTierRouter(const std::filesystem::path& policyFile, const TierPool& pool) {
  const TierPolicy policy = loadTierPolicy(policyFile);
  checkTierPolicyPool(policy, pool, policyFile);
  return std::make_unique<LearnedTierRouter>(policy, "learned:" + policyFile.string());
}

std::unique_ptr<TierRouter> makeLearnedTierRouter(const TierPolicy& policy) {
  return std::make_unique<LearnedTierRouter>(policy, "learned");
}

}  // namespace headroom::engine
