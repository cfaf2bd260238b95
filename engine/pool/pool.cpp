#include "engine/pool/pool.h"

namespace headroom::engine {

Pool::Pool(const PoolConfig& config, const std::vector<QosClass>& classes, const InstanceFactory& makeInstance)
    : router_(config, classes) {
  instances_.reserve(static_cast<std::size_t>(config.instances));
  for (std::int32_t i = 0; i < config.instances; ++i) instances_.push_back(makeInstance(i));
  loads_.assign(instances_.size(), 0);
}

std::int32_t Pool::submit(const Request& request, TimePoint now) {
  if (router_.needsLoad()) {
    for (std::size_t i = 0; i < instances_.size(); ++i) loads_[i] = instances_[i]->outstandingTokens();
  }
  const std::int32_t pick = router_.route(request, loads_);
  instances_[static_cast<std::size_t>(pick)]->enqueue(request, now);
  return pick;
}

std::vector<InstanceStatus> Pool::status() const {
  std::vector<InstanceStatus> result;
  result.reserve(instances_.size());
  for (const auto& instance : instances_) result.push_back(instance->status());
  return result;
}

}  // namespace headroom::engine
