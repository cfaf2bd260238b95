#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <vector>

#include "engine/instance/instance.h"
#include "engine/pool/router.h"

namespace headroom::engine {

// A set of instances behind one Router. Owns its instances; the caller owns time (see Instance).
// Not thread-safe: a replay's event loop or one serving thread drives it.
class Pool {
 public:
  using InstanceFactory = std::function<std::unique_ptr<Instance>(std::int32_t id)>;

  Pool(const PoolConfig& config, const std::vector<QosClass>& classes, const InstanceFactory& makeInstance);

  // Routes and enqueues a request; returns the chosen instance's index.
  std::int32_t submit(const Request& request, TimePoint now);

  std::int32_t size() const { return static_cast<std::int32_t>(instances_.size()); }
  Instance& instance(std::int32_t index) { return *instances_[static_cast<std::size_t>(index)]; }
  const Instance& instance(std::int32_t index) const { return *instances_[static_cast<std::size_t>(index)]; }
  Router& router() { return router_; }
  std::vector<InstanceStatus> status() const;

 private:
  std::vector<std::unique_ptr<Instance>> instances_;
  Router router_;
  std::vector<std::int64_t> loads_;
};

}  // namespace headroom::engine
