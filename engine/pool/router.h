#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "engine/core/qos_class.h"
#include "engine/core/request.h"
#include "engine/pool/router_config.h"
#include "engine/pool/weighted_round_robin.h"

namespace headroom::engine {

// Picks the instance for each arrival (see RouterKind). Deterministic: the same arrivals and loads give
// the same choices. Not thread-safe; owned by its Pool.
class Router {
 public:
  // Throws std::invalid_argument when weights do not match the classes and instance count.
  Router(const PoolConfig& config, const std::vector<QosClass>& classes);

  // `outstandingTokens[i]` is instance i's outstanding work; only read by load-aware kinds.
  std::int32_t route(const Request& request, std::span<const std::int64_t> outstandingTokens);

  bool needsLoad() const { return kind_ == RouterKind::LeastLoaded || kind_ == RouterKind::ClassPriority; }
  RouterKind kind() const { return kind_; }
  std::int32_t instances() const { return instances_; }

  // Replaces the weighted router's shares ([class][instance]); the rotation restarts.
  void setWeights(std::vector<std::vector<double>> weights);
  const std::vector<std::vector<double>>& weights() const { return weighted_.shares(); }

  // One more instance at the end; under weighted routing it gets each class's mean share.
  void addInstance();
  // Forgets instance `index` (the later ones move down by one); under weighted routing a class left
  // with no positive share is spread evenly. Throws std::invalid_argument for a bad index or the last one.
  void removeInstance(std::int32_t index);

 private:
  std::int32_t leastLoaded(std::span<const std::int64_t> outstandingTokens) const;

  RouterKind kind_;
  std::int32_t instances_;
  std::int32_t next_ = 0;                       // round-robin
  std::vector<std::int32_t> classNext_;         // class-priority: rotation per top class
  std::vector<bool> topClass_;                  // class-priority: classes with the best rank
  WeightedRoundRobin weighted_;                 // weighted: shares [class][instance] and their rotation
};

}  // namespace headroom::engine
