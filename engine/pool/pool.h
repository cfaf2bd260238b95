#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <vector>

#include "engine/instance/instance.h"
#include "engine/pool/router.h"

namespace headroom::engine {

// A set of instances behind one Router. Owns its instances; the caller owns time (see Instance).
//
// Instances have stable ids (0, 1, ... in creation order, never reused) and positions (indices) that
// shift down when an earlier instance is retired. The pool can grow while it runs (addInstance) and
// shrink by draining: a draining instance takes no new arrivals, its queued requests go to the others
// at once and what it already runs finishes there; it is retired once idle and empty.
// Not thread-safe: a replay's event loop or one serving thread drives it.
class Pool {
 public:
  using InstanceFactory = std::function<std::unique_ptr<Instance>(std::int32_t id)>;

  Pool(const PoolConfig& config, const std::vector<QosClass>& classes, InstanceFactory makeInstance);

  // Routes and enqueues a request on an active instance; returns the chosen instance's index.
  std::int32_t submit(const Request& request, TimePoint now);

  std::int32_t size() const { return static_cast<std::int32_t>(instances_.size()); }
  // Instances taking new arrivals (not draining).
  std::int32_t activeCount() const { return static_cast<std::int32_t>(active_.size()); }
  Instance& instance(std::int32_t index) { return *instances_[static_cast<std::size_t>(index)]; }
  const Instance& instance(std::int32_t index) const { return *instances_[static_cast<std::size_t>(index)]; }
  // The index of instance `id`, or -1 when it was retired or never existed.
  std::int32_t indexOf(std::int32_t id) const;
  bool draining(std::int32_t index) const { return draining_[static_cast<std::size_t>(index)]; }
  Router& router() { return router_; }
  std::vector<InstanceStatus> status() const;

  // Builds one more instance (the router's next position); returns its id.
  std::int32_t addInstance();
  // Starts draining instance `id`: no more arrivals; its unstarted requests are routed to the active
  // instances as if they arrived now. Returns the indices that received requests. Throws
  // std::invalid_argument for an unknown or already draining id, or when it is the last active one.
  std::vector<std::int32_t> drain(std::int32_t id, TimePoint now);
  // Retires instance `index` when it is draining, idle and has no work left; returns whether it did.
  bool retireIfDrained(std::int32_t index);

 private:
  void reindex();

  InstanceFactory makeInstance_;
  std::vector<std::unique_ptr<Instance>> instances_;
  std::vector<bool> draining_;
  std::vector<std::int32_t> active_;     // router position -> index
  std::vector<std::int32_t> indexById_;  // id -> index, -1 once retired
  Router router_;
  std::vector<std::int64_t> loads_;
  std::int32_t nextId_ = 0;
};

}  // namespace headroom::engine
