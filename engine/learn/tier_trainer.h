#pragma once

#include <cstdint>
#include <functional>

#include "engine/learn/dqn.h"
#include "engine/learn/tier_policy_file.h"
#include "engine/metrics/snapshot.h"
#include "engine/workload/scenario.h"

namespace headroom::engine {

// How the learned tier router is trained in the simulator (`headroom-cli train-router`).
//
// Episodes replay the scenario with the learning agent as the pool's tier router; each episode's arrivals
// come from one of the two workload families (engine/workload/tier_workload_family.h), alternately, on a
// training seed, so one policy serves both. The first `normalisationDecisions` decisions pick uniformly
// among the allowed groups and only measure the features' mean and std (then frozen and stored in the
// policy). After that a decision is a Double-DQN step: its transition is completed when its request's
// reward arrives (the pool hears it through TierRouter::onOutcome when the request finishes or misses),
// with the state at the next decision as its next state.
//
// gamma 0.5 by default: a reward belongs to the request routed, and what a choice does to the requests
// after it (a queue on the large model) shows in the next few decisions' slack, not in hundreds; a short
// horizon keeps the targets' variance low while still charging a choice for the congestion it causes.
// Every `validationEvery` decisions (and at the end) the greedy policy replays the validation seeds of
// both families and the best one so far is kept: that is the policy returned.
struct TierTrainerSettings {
  std::int64_t decisions = 1'200'000;
  std::uint64_t seed = 1;
  DqnSettings dqn = defaultDqnSettings(1'200'000);
  std::int64_t normalisationDecisions = 20'000;  // at most a tenth of `decisions`
  std::int32_t validationSeedsPerFamily = 2;
  std::int32_t validations = 8;

  // DQN settings scaled to a run of `decisions`: epsilon decays over its first 40%.
  static DqnSettings defaultDqnSettings(std::int64_t decisions);
};

struct TierTrainingProgress {
  std::int64_t decisions = 0;
  std::int64_t total = 0;
  double recentMeanReward = 0.0;  // exponential average over the last ~2000 rewards
  double epsilon = 1.0;
};

struct TierTrainingResult {
  TierPolicy policy;
  double wallS = 0.0;
  std::int64_t episodes = 0;
  double validationReward = 0.0;  // the kept policy's mean reward over the validation replays
};

// Trains a policy for the scenario's pool. Throws InputError (the scenario file, /pool/groups) for a pool
// of fewer than two groups, std::invalid_argument for a trace-driven scenario.
TierTrainingResult trainTierRouter(const Scenario& scenario, const TierTrainerSettings& settings,
                                   const std::function<void(const TierTrainingProgress&)>& progress = {});

// Mean reward per finished request of a replay: the classes' reward sums over the completions.
double meanReward(const Snapshot& snapshot);

}  // namespace headroom::engine
