#include "engine/pool/tier_router.h"

#include <algorithm>
#include <stdexcept>
#include <utility>

#include "engine/io/json_input.h"
#include "engine/workload/random.h"

namespace headroom::engine {

namespace {

// Every request to one group.
class StaticTierRouter final : public TierRouter {
 public:
  StaticTierRouter(GroupId group, std::string name) : group_(group), name_(std::move(name)) {}
  GroupId choose(const TierContext& /*context*/) override { return group_; }
  std::string describe() const override { return "static:" + name_; }

 private:
  GroupId group_;
  std::string name_;
};

// A group uniformly at random, from its own stream so it disturbs no other draw.
class RandomTierRouter final : public TierRouter {
 public:
  explicit RandomTierRouter(std::uint64_t seed) : rng_(seed, kStream) {}
  GroupId choose(const TierContext& context) override {
    if (context.groups.size() <= 1) return 0;
    return static_cast<GroupId>(rng_.uniformInt(0, static_cast<std::int64_t>(context.groups.size()) - 1));
  }
  std::string describe() const override { return "random"; }

 private:
  static constexpr std::uint64_t kStream = 0x7469657272616e64ULL;  // "tierrand"
  Rng rng_;
};

class GreedyTierRouter final : public TierRouter {
 public:
  GroupId choose(const TierContext& context) override { return greedyChoice(context.groups); }
  std::string describe() const override { return "greedy"; }
};

std::string groupList(const TierPool& pool) {
  std::string text;
  for (const std::string& name : pool.groupNames) text += (text.empty() ? "static:" : ", static:") + name;
  return text;
}

// A group by its name, else by its model when exactly one group runs that model.
GroupId staticGroup(const TierRouterSpec& spec, const TierPool& pool) {
  const auto byName = std::find(pool.groupNames.begin(), pool.groupNames.end(), spec.group);
  if (byName != pool.groupNames.end()) return static_cast<GroupId>(byName - pool.groupNames.begin());
  const auto models = std::count(pool.groupModels.begin(), pool.groupModels.end(), spec.group);
  if (models == 1) {
    const auto byModel = std::find(pool.groupModels.begin(), pool.groupModels.end(), spec.group);
    return static_cast<GroupId>(byModel - pool.groupModels.begin());
  }
  // A model several groups run names none of them: the groups are the only names that work.
  throw InputError("tier router", JsonPointer(), "must be one of: " + groupList(pool), "static:" + spec.group);
}

}  // namespace

GroupId greedyChoice(std::span<const GroupView> groups) {
  if (groups.empty()) return 0;
  std::size_t best = groups.size();
  for (std::size_t g = 0; g < groups.size(); ++g) {
    if (!groups[g].feasible()) continue;
    if (best == groups.size() || groups[g].accuracy > groups[best].accuracy ||
        (groups[g].accuracy == groups[best].accuracy && groups[g].slack > groups[best].slack)) {
      best = g;
    }
  }
  if (best != groups.size()) return static_cast<GroupId>(best);
  best = 0;
  for (std::size_t g = 1; g < groups.size(); ++g) {
    if (groups[g].slack > groups[best].slack) best = g;
  }
  return static_cast<GroupId>(best);
}

std::unique_ptr<TierRouter> makeTierRouter(const TierRouterSpec& spec, const TierPool& pool, std::uint64_t seed) {
  switch (spec.kind) {
    case TierRouterKind::Static: {
      const GroupId group = staticGroup(spec, pool);
      return std::make_unique<StaticTierRouter>(group, pool.groupNames[group]);
    }
    case TierRouterKind::Random: return std::make_unique<RandomTierRouter>(seed);
    case TierRouterKind::Greedy: return std::make_unique<GreedyTierRouter>();
    case TierRouterKind::Learned:
      throw InputError(spec.policy, JsonPointer(), "learned tier routers need a policy file; this build cannot read one yet");
  }
  throw std::invalid_argument("unknown tier router kind");
}

}  // namespace headroom::engine
