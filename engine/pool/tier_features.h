#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "engine/pool/tier_router.h"

namespace headroom::engine {

// The feature vector of one tier-routing decision, as the learned router's network reads it. In order:
// per group (group order) its predicted slack for this request (GroupView::slack, clipped to
// [-kSlackClip, 1]), whether it is feasible (0/1), queued requests, queued prefill tokens and running
// requests (each log(1 + x)), KV fill and accuracy; then the request's class (one-hot over the pool's
// classes), its task (one-hot over the tasks) and log(1 + prompt tokens); then the pool's arrival rates
// (log(1 + short EMA), log(1 + long EMA)) and their ratio short/long (clipped to [0, kRateRatioClip]).
// The names are stable ("GROUP/slack", "class/NAME", "rate/ratio", ...): a policy file stores them and is
// refused on a pool whose names differ.
inline constexpr double kSlackClip = 4.0;
inline constexpr double kRateRatioClip = 10.0;
inline constexpr std::size_t kFeaturesPerGroup = 7;

std::vector<std::string> tierFeatureNames(const TierPool& pool);
std::size_t tierFeatureCount(const TierPool& pool);

// Writes the features of `context` into `out` (tierFeatureCount(pool) values). context.groups must hold
// one view per pool group; the request's class and task index the pool's classes and tasks.
void tierFeatures(const TierContext& context, const TierPool& pool, std::span<double> out);

// The groups a learned router may pick for this decision: those predicted to meet the request's SLO,
// or every group when none is (mask[g] = 1 allowed). `mask` holds one byte per group.
void tierActionMask(std::span<const GroupView> groups, std::span<std::uint8_t> mask);

// Per-feature standardisation, (x - mean) / std, estimated during training and stored in the policy.
struct FeatureNormalisation {
  std::vector<double> mean;
  std::vector<double> std;  // > 0

  void apply(std::span<double> features) const;
};

// Running mean and variance of feature vectors (Welford), to estimate a FeatureNormalisation. A feature
// whose spread is (almost) nil gets std 1, so it passes through centred.
class FeatureStatistics {
 public:
  explicit FeatureStatistics(std::size_t features) : mean_(features, 0.0), m2_(features, 0.0) {}
  void add(std::span<const double> features);
  std::int64_t count() const { return count_; }
  FeatureNormalisation normalisation() const;

 private:
  std::int64_t count_ = 0;
  std::vector<double> mean_;
  std::vector<double> m2_;
};

}  // namespace headroom::engine
