#include "engine/learn/tier_trainer.h"

#include <algorithm>
#include <chrono>
#include <memory>
#include <optional>
#include <unordered_map>
#include <vector>

#include "engine/io/json_input.h"
#include "engine/pool/learned_tier_router.h"
#include "engine/pool/tier_features.h"
#include "engine/sim/simulation.h"
#include "engine/workload/random.h"
#include "engine/workload/tier_workload_family.h"

namespace headroom::engine {

namespace {

// The learning state shared by every episode's agent.
class Learner {
 public:
  Learner(TierPool pool, const TierTrainerSettings& settings)
      : pool_(std::move(pool)),
        features_(tierFeatureCount(pool_)),
        groups_(pool_.groupNames.size()),
        normalisationDecisions_(std::min(settings.normalisationDecisions, settings.decisions / 10)),
        stats_(features_),
        dqn_(static_cast<std::int32_t>(features_), static_cast<std::int32_t>(groups_), settings.dqn, settings.seed),
        rng_(settings.seed, 0x6c6561726eULL) {}  // "learn"

  GroupId choose(const TierContext& context) {
    std::vector<double> state(features_);
    tierFeatures(context, pool_, state);
    std::vector<std::uint8_t> mask(groups_);
    tierActionMask(context.groups, mask);
    ++decisions_;
    if (!normalisation_) {
      stats_.add(state);
      if (stats_.count() >= normalisationDecisions_) normalisation_ = stats_.normalisation();
      std::int32_t allowed = 0;
      for (const auto m : mask) allowed += m;
      auto pick = rng_.uniformInt(0, allowed - 1);
      for (std::size_t g = 0; g < groups_; ++g) {
        if (mask[g] != 0 && pick-- == 0) return static_cast<GroupId>(g);
      }
      return 0;
    }
    normalisation_->apply(state);
    const std::int32_t action = dqn_.act(state, mask);
    // This state is the previous decision's next state.
    if (previous_) {
      if (auto it = pending_.find(*previous_); it != pending_.end()) {
        it->second.nextState = state;
        it->second.nextMask = mask;
        it->second.hasNext = true;
        if (it->second.reward) complete(it);
      }
    }
    previous_ = context.request->id;
    pending_[context.request->id] = Record{std::move(state), action, std::nullopt, {}, {}, false};
    return static_cast<GroupId>(action);
  }

  void onOutcome(RequestId id, double reward) {
    recentReward_ += (reward - recentReward_) * (rewardsSeen_ < 2000 ? 1.0 / static_cast<double>(++rewardsSeen_) : 5e-4);
    auto it = pending_.find(id);
    if (it == pending_.end()) return;  // routed during the normalisation phase
    it->second.reward = reward;
    if (it->second.hasNext) complete(it);
  }

  // The episode is over: the last decision has no next state, and nothing else may still wait.
  void endEpisode() {
    for (auto it = pending_.begin(); it != pending_.end();) {
      if (it->second.reward && !it->second.hasNext) {
        dqn_.remember(it->second.state, it->second.action, *it->second.reward, {}, {}, true);
      }
      it = pending_.erase(it);
    }
    previous_.reset();
  }

  std::int64_t decisions() const { return decisions_; }
  double recentReward() const { return recentReward_; }
  double epsilon() const { return normalisation_ ? dqn_.epsilon() : 1.0; }
  bool learning() const { return normalisation_.has_value(); }
  const FeatureNormalisation& normalisation() const { return *normalisation_; }
  DoubleDqn& dqn() { return dqn_; }
  const TierPool& pool() const { return pool_; }

 private:
  struct Record {
    std::vector<double> state;
    std::int32_t action = 0;
    std::optional<double> reward;
    std::vector<double> nextState;
    std::vector<std::uint8_t> nextMask;
    bool hasNext = false;
  };

  void complete(std::unordered_map<RequestId, Record>::iterator it) {
    Record& r = it->second;
    dqn_.remember(r.state, r.action, *r.reward, r.nextState, r.nextMask, false);
    pending_.erase(it);
  }

  TierPool pool_;
  std::size_t features_;
  std::size_t groups_;
  std::int64_t normalisationDecisions_;
  FeatureStatistics stats_;
  std::optional<FeatureNormalisation> normalisation_;
  DoubleDqn dqn_;
  Rng rng_;
  std::unordered_map<RequestId, Record> pending_;
  std::optional<RequestId> previous_;
  std::int64_t decisions_ = 0;
  double recentReward_ = 0.0;
  std::int64_t rewardsSeen_ = 0;
};

// The pool's tier router during a training episode: hands every decision and outcome to the learner.
class LearningTierRouter final : public TierRouter {
 public:
  explicit LearningTierRouter(Learner& learner) : learner_(learner) {}
  GroupId choose(const TierContext& context) override { return learner_.choose(context); }
  void onOutcome(RequestId id, double reward, TimePoint /*now*/) override { learner_.onOutcome(id, reward); }
  std::string describe() const override { return "learning"; }

 private:
  Learner& learner_;
};

TierPolicy policyOf(const Learner& learner, const Mlp& network) {
  TierPolicy policy;
  policy.pool = learner.pool();
  policy.features = tierFeatureNames(policy.pool);
  policy.normalisation = learner.normalisation();
  policy.layers = network.layerSizes();
  policy.parameters.assign(network.parameters().begin(), network.parameters().end());
  return policy;
}

double validate(const Scenario& scenario, const TierPolicy& policy, std::int32_t seedsPerFamily) {
  double sum = 0.0;
  std::int32_t replays = 0;
  for (const auto family : {TierWorkloadFamily::Stable, TierWorkloadFamily::Unpredictable}) {
    for (std::int32_t i = 0; i < seedsPerFamily; ++i) {
      const Scenario workload = tierWorkload(scenario, family, tierSeed(TierSeedSet::Validation, static_cast<std::uint64_t>(i)));
      Simulation simulation(workload, ReplayOptions{}, makeLearnedTierRouter(policy));
      simulation.run();
      sum += meanReward(*simulation.snapshot());
      ++replays;
    }
  }
  return replays > 0 ? sum / replays : 0.0;
}

}  // namespace

DqnSettings TierTrainerSettings::defaultDqnSettings(std::int64_t decisions) {
  DqnSettings dqn;
  dqn.hiddenLayers = {64, 64};
  dqn.gamma = 0.5;
  dqn.adam.learningRate = 5e-4;
  dqn.batchSize = 32;
  dqn.replayCapacity = 100'000;
  dqn.trainEvery = 4;
  dqn.targetSyncEvery = 1'000;
  dqn.warmupTransitions = 2'000;
  dqn.epsilonStart = 1.0;
  dqn.epsilonEnd = 0.02;
  dqn.epsilonDecayDecisions = std::max<std::int64_t>(1, decisions * 2 / 5);
  return dqn;
}

double meanReward(const Snapshot& snapshot) {
  double reward = 0.0;
  std::int64_t completed = 0;
  for (const auto& cls : snapshot.classes) {
    reward += cls.rewardSum;
    completed += cls.completed;
  }
  return completed > 0 ? reward / static_cast<double>(completed) : 0.0;
}

TierTrainingResult trainTierRouter(const Scenario& scenario, const TierTrainerSettings& settings,
                                   const std::function<void(const TierTrainingProgress&)>& progress) {
  const auto started = std::chrono::steady_clock::now();
  const auto groups = poolGroups(scenario);
  if (groups.size() < 2) {
    throw InputError(scenario.file, JsonPointer() / "pool" / "groups",
                     "a tier router chooses between groups: the pool needs at least 2 to train one",
                     std::to_string(groups.size()) + " group");
  }
  if (settings.decisions < 1) throw std::invalid_argument("train-router needs at least one decision");

  Learner learner(tierPool(scenario), settings);
  TierTrainingResult result;
  std::optional<Mlp> best;
  double bestReward = -1.0;
  const std::int64_t validationEvery = std::max<std::int64_t>(1, settings.decisions / std::max(1, settings.validations));
  std::int64_t nextValidation = validationEvery;
  std::int64_t nextReport = 0;
  double simulatedS = 0.0;

  auto report = [&] {
    if (progress) progress({learner.decisions(), settings.decisions, learner.recentReward(), learner.epsilon()});
  };
  auto validateNow = [&] {
    if (!learner.learning()) return;
    const TierPolicy candidate = policyOf(learner, learner.dqn().online());
    const double reward = validate(scenario, candidate, settings.validationSeedsPerFamily);
    if (reward > bestReward) {
      bestReward = reward;
      best = learner.dqn().online();
    }
  };

  for (std::uint64_t episode = 0; learner.decisions() < settings.decisions; ++episode) {
    const auto family = episode % 2 == 0 ? TierWorkloadFamily::Stable : TierWorkloadFamily::Unpredictable;
    const Scenario workload = tierWorkload(scenario, family, tierSeed(TierSeedSet::Training, episode, settings.seed));
    Simulation simulation(workload, ReplayOptions{}, std::make_unique<LearningTierRouter>(learner));
    const TimePoint start = simulation.now();
    TimePoint until = start;
    while (!simulation.finished() && learner.decisions() < settings.decisions) {
      until += std::chrono::milliseconds(500);
      simulation.runUntil(until);
      if (learner.decisions() >= nextReport) {
        report();
        nextReport = learner.decisions() + std::max<std::int64_t>(1, settings.decisions / 200);
      }
      if (learner.decisions() >= nextValidation) {
        nextValidation += validationEvery;
        validateNow();
      }
    }
    simulatedS += std::chrono::duration<double>(simulation.now() - start).count();
    learner.endEpisode();
    ++result.episodes;
  }
  validateNow();
  report();
  if (!best) best = learner.dqn().online();  // too short to leave the normalisation phase: untrained
  if (!learner.learning()) {
    throw std::invalid_argument("train-router needs more decisions than its normalisation phase");
  }
  result.policy = policyOf(learner, *best);
  result.policy.training = {learner.decisions(), settings.seed, bestReward, simulatedS};
  result.validationReward = bestReward;
  result.wallS = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return result;
}

}  // namespace headroom::engine
