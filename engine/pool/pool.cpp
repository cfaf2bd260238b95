#include "engine/pool/pool.h"

#include <algorithm>
#include <stdexcept>
#include <string>

namespace headroom::engine {

Pool::Pool(const PoolConfig& config, const std::vector<QosClass>& classes, InstanceFactory makeInstance)
    : makeInstance_(std::move(makeInstance)), router_(config, classes) {
  instances_.reserve(static_cast<std::size_t>(config.instances));
  for (std::int32_t i = 0; i < config.instances; ++i) instances_.push_back(makeInstance_(nextId_++));
  draining_.assign(instances_.size(), false);
  reindex();
}

void Pool::reindex() {
  active_.clear();
  indexById_.assign(static_cast<std::size_t>(nextId_), -1);
  for (std::size_t i = 0; i < instances_.size(); ++i) {
    const auto index = static_cast<std::int32_t>(i);
    indexById_[static_cast<std::size_t>(instances_[i]->id())] = index;
    if (!draining_[i]) active_.push_back(index);
  }
  loads_.assign(active_.size(), 0);
}

std::int32_t Pool::indexOf(std::int32_t id) const {
  if (id < 0 || id >= static_cast<std::int32_t>(indexById_.size())) return -1;
  return indexById_[static_cast<std::size_t>(id)];
}

std::int32_t Pool::submit(const Request& request, TimePoint now) {
  if (router_.needsLoad()) {
    for (std::size_t i = 0; i < active_.size(); ++i) {
      loads_[i] = instances_[static_cast<std::size_t>(active_[i])]->outstandingTokens();
    }
  }
  const std::int32_t index = active_[static_cast<std::size_t>(router_.route(request, loads_))];
  instances_[static_cast<std::size_t>(index)]->enqueue(request, now);
  return index;
}

std::vector<InstanceStatus> Pool::status() const {
  std::vector<InstanceStatus> result;
  result.reserve(instances_.size());
  for (std::size_t i = 0; i < instances_.size(); ++i) {
    result.push_back(instances_[i]->status());
    result.back().draining = draining_[i];
  }
  return result;
}

std::int32_t Pool::addInstance() {
  const std::int32_t id = nextId_;
  auto instance = makeInstance_(id);
  ++nextId_;
  router_.addInstance();
  instances_.push_back(std::move(instance));
  draining_.push_back(false);
  reindex();
  return id;
}

std::vector<std::int32_t> Pool::drain(std::int32_t id, TimePoint now) {
  const std::int32_t index = indexOf(id);
  if (index < 0) throw std::invalid_argument("pool: no instance " + std::to_string(id));
  if (draining_[static_cast<std::size_t>(index)]) {
    throw std::invalid_argument("pool: instance " + std::to_string(id) + " is already draining");
  }
  const auto position = std::find(active_.begin(), active_.end(), index) - active_.begin();
  router_.removeInstance(static_cast<std::int32_t>(position));  // throws for the last active instance
  draining_[static_cast<std::size_t>(index)] = true;
  reindex();
  std::vector<std::int32_t> received;
  for (MovedRequest& moved : instances_[static_cast<std::size_t>(index)]->takeUnstarted()) {
    if (router_.needsLoad()) {
      for (std::size_t i = 0; i < active_.size(); ++i) {
        loads_[i] = instances_[static_cast<std::size_t>(active_[i])]->outstandingTokens();
      }
    }
    const std::int32_t target = active_[static_cast<std::size_t>(router_.route(moved.unstarted.request, loads_))];
    instances_[static_cast<std::size_t>(target)]->adopt(std::move(moved), now);
    if (std::find(received.begin(), received.end(), target) == received.end()) received.push_back(target);
  }
  return received;
}

bool Pool::retireIfDrained(std::int32_t index) {
  const auto i = static_cast<std::size_t>(index);
  if (!draining_[i] || instances_[i]->busy() || instances_[i]->hasWork()) return false;
  instances_.erase(instances_.begin() + index);
  draining_.erase(draining_.begin() + index);
  reindex();
  return true;
}

}  // namespace headroom::engine
