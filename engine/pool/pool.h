#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "engine/instance/instance.h"
#include "engine/pool/router.h"
#include "engine/pool/tier_router.h"

namespace headroom::engine {

// A set of instances in one or more groups (model tiers: one model on one hardware each). Each arrival
// goes first to a group, chosen by the TierRouter (a pool of one group needs none), then to an instance
// of that group, chosen by the group's own Router. Owns its instances; the caller owns time (see Instance).
//
// Instances have stable ids (0, 1, ... in creation order, never reused) and positions (indices) that
// shift down when an earlier instance is retired. The pool can grow while it runs (addInstance) and
// shrink by draining: a draining instance takes no new arrivals, its queued requests go to the others
// at once and what it already runs finishes there; it is retired once idle and empty.
// Not thread-safe: a replay's event loop or one serving thread drives it.
class Pool {
 public:
  using InstanceFactory = std::function<std::unique_ptr<Instance>(std::int32_t id)>;
  // Makes an instance of group `group` (its model and hardware).
  using GroupInstanceFactory = std::function<std::unique_ptr<Instance>(std::int32_t id, GroupId group)>;

  // One group: its name and model (for the tier router and the metrics) and its instances' router.
  struct Group {
    std::string name;
    std::string model;
    PoolConfig config;
  };

  // One group.
  Pool(const PoolConfig& config, const std::vector<QosClass>& classes, InstanceFactory makeInstance);
  // Several groups (1 .. kMaxPoolGroups) behind `tierRouter` (required when there are two or more),
  // with each group's accuracy per task (quality.accuracy[group][task], indexed by Request::task).
  // Throws std::invalid_argument for no group, too many, or a missing tier router.
  Pool(std::vector<Group> groups, const std::vector<QosClass>& classes, GroupInstanceFactory makeInstance,
       std::unique_ptr<TierRouter> tierRouter, QualityTable quality);

  // Routes (group, then instance) and enqueues a request on an active instance; sets request.group on
  // what it enqueues; returns the chosen instance's index.
  std::int32_t submit(const Request& request, TimePoint now);
  // What the tier router would see for `request` now, one view per group (for tests, benches and the
  // learned router's trainer).
  std::vector<GroupView> groupViews(const Request& request, TimePoint now) const;
  // As of the last submitted arrival (counted in them).
  ArrivalRates arrivalRates() const { return rates_; }

  std::int32_t groupCount() const { return static_cast<std::int32_t>(groups_.size()); }
  const Group& group(GroupId id) const { return groups_[id]; }
  GroupId groupOf(std::int32_t index) const;
  TierRouter* tierRouter() { return tierRouter_.get(); }
  const QualityTable& quality() const { return quality_; }

  std::int32_t size() const { return static_cast<std::int32_t>(instances_.size()); }
  // Instances taking new arrivals (not draining).
  std::int32_t activeCount() const { return static_cast<std::int32_t>(active_.size()); }
  Instance& instance(std::int32_t index) { return *instances_[static_cast<std::size_t>(index)]; }
  const Instance& instance(std::int32_t index) const { return *instances_[static_cast<std::size_t>(index)]; }
  // The index of instance `id`, or -1 when it was retired or never existed.
  std::int32_t indexOf(std::int32_t id) const;
  bool draining(std::int32_t index) const { return draining_[static_cast<std::size_t>(index)]; }
  // Group 0's instance router (the pool's only one when it has one group).
  Router& router() { return groupRouter(0); }
  Router& groupRouter(GroupId group);
  std::vector<InstanceStatus> status() const;

  // Builds one more instance of group `group` (its router's next position); returns its id.
  std::int32_t addInstance(GroupId group = 0);
  // Starts draining instance `id`: no more arrivals; its unstarted requests are routed to the active
  // instances of its group as if they arrived now. Returns the indices that received requests. Throws
  // std::invalid_argument for an unknown or already draining id, or when it is its group's last active one.
  std::vector<std::int32_t> drain(std::int32_t id, TimePoint now);
  // Retires instance `index` when it is draining, idle and has no work left; returns whether it did.
  bool retireIfDrained(std::int32_t index);

 private:
  void reindex();
  // Fills `views` (one per group) without allocating once it has the room.
  void fillGroupViews(const Request& request, TimePoint now, std::vector<GroupView>& views) const;
  // The instance index the group's router picks for `request`.
  std::int32_t routeInGroup(GroupId group, const Request& request);
  void countArrival(TimePoint now);

  GroupInstanceFactory makeInstance_;
  std::vector<Group> groups_;
  std::vector<Router> routers_;                     // one per group
  std::unique_ptr<TierRouter> tierRouter_;          // null for one group
  QualityTable quality_;
  std::vector<std::unique_ptr<Instance>> instances_;
  std::vector<GroupId> groupOf_;                    // index -> group
  std::vector<bool> draining_;
  std::vector<std::int32_t> active_;                // every active index, in index order
  std::vector<std::vector<std::int32_t>> groupActive_;  // per group: router position -> index
  std::vector<std::int32_t> indexById_;             // id -> index, -1 once retired
  std::vector<std::int64_t> loads_;                 // scratch: the routed group's outstanding tokens
  std::vector<GroupView> views_;                    // scratch: the tier router's views
  ArrivalRates rates_;
  std::optional<TimePoint> lastArrival_;
  std::int32_t nextId_ = 0;
};

}  // namespace headroom::engine
