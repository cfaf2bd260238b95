#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <mutex>
#include <random>
#include <span>
#include <string>
#include <vector>

#include "engine/core/qos_class.h"
#include "engine/core/request.h"
#include "engine/core/time.h"
#include "engine/pool/arrival_rate_estimate.h"
#include "engine/pool/model_quality.h"
#include "engine/pool/tier_router.h"
#include "serve/router/route_config.h"

namespace headroom::serve {

// What the router knows of its model tiers at run time, and the tier router that decides with it.
// Per member, from what the router itself forwarded (it sees no member's scheduler): requests whose first
// token has not come back (queued; a whole, unstreamed answer counts as queued until it arrives) and their
// prompt tokens (queued prefill), requests with a first token (running), and the tokens they may still
// generate (max_tokens less the tokens seen). KV fill is unknown to the router: 0. Groups are viewed
// through engine::GroupView, with finish predictions (engine::predictFinish) from an InstanceStatus made
// of those counts and the group's iteration-time model. Arrival rates of every completion request, as the
// pool estimates them (engine::ArrivalRateEstimate). Engine time here is the steady clock since
// construction. Thread-safe (one mutex; the tier router is driven under it).
class RouteTierState {
 public:
  // Throws engine::InputError for a class task a member's model has no accuracy for, or a policy file
  // that cannot be read or does not match (learned).
  RouteTierState(const RouteTiers& tiers, const std::vector<ServedClass>& classes, std::size_t members, std::uint64_t seed = 1);

  engine::TimePoint toEngineTime(std::chrono::steady_clock::time_point at) const;

  // A completion request arrived at the router (tiered or not): counts towards the arrival rates.
  void arrived(std::chrono::steady_clock::time_point at);
  // The request the router describes for a completion of class `classId`: a fresh id, its arrival, its
  // prompt and output tokens, and a task drawn from the class's task mix (seeded).
  engine::Request describe(engine::ClassId classId, std::chrono::steady_clock::time_point arrival, std::int32_t promptTokens,
                           std::int32_t outputTokens);
  // The tier router's choice for `request`, over the members in `available` (one flag per member: up and
  // not tried). Sets request.group.
  engine::GroupId choose(engine::Request& request, const std::vector<bool>& available);
  // The group views the tier router would see now (tests, logs).
  std::vector<engine::GroupView> groupViews(const engine::Request& request, const std::vector<bool>& available) const;

  // Load tracking of one attempt on `member`: sent (queued), its first token came back (running),
  // `tokens` more tokens came back, it ended (answered, failed or given up).
  void sent(int member, const engine::Request& request);
  void firstToken(int member, const engine::Request& request);
  void tokensSeen(int member, std::int32_t tokens);
  void ended(int member, const engine::Request& request, bool started, std::int32_t tokensSeen);

  // Hands the request's reward to the tier router (a learning one learns from it).
  void outcome(engine::RequestId id, double reward, std::chrono::steady_clock::time_point at);

  double accuracy(engine::GroupId group, engine::TaskId task) const { return quality_.at(group, task); }
  const std::string& model(engine::GroupId group) const { return tiers_.models[group]; }
  const RouteTiers& tiers() const { return tiers_; }
  std::string describeRouter() const;

 private:
  struct MemberLoad {
    std::int32_t queued = 0;
    std::int64_t queuedPrefillTokens = 0;
    std::int32_t running = 0;
    std::int64_t remainingDecodeTokens = 0;
  };

  std::vector<engine::GroupView> viewsLocked(const engine::Request& request, const std::vector<bool>& available) const;

  const RouteTiers tiers_;
  std::vector<engine::QosClass> classes_;
  std::vector<std::vector<double>> taskShares_;  // [class][task]: the class's mix over the task list
  engine::QualityTable quality_;
  const std::chrono::steady_clock::time_point start_;

  mutable std::mutex mutex_;
  std::unique_ptr<engine::TierRouter> router_;
  std::vector<MemberLoad> load_;
  engine::ArrivalRateEstimate rates_;
  std::mt19937_64 random_;
  engine::RequestId nextId_ = 1;
};

// The task names of a router's classes, by the scenario rule (engine::taskNames): class order, then task
// order, kDefaultTask for a class without a task mix.
std::vector<std::string> routeTaskNames(const std::vector<ServedClass>& classes);

}  // namespace headroom::serve
