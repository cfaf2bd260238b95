#include "engine/pool/pool.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

#include "engine/pool/finish_prediction.h"

namespace headroom::engine {

Pool::Pool(const PoolConfig& config, const std::vector<QosClass>& classes, InstanceFactory makeInstance)
    : Pool({Group{"pool", "", config}}, classes,
           [makeInstance = std::move(makeInstance)](std::int32_t id, GroupId /*group*/) { return makeInstance(id); },
           nullptr, QualityTable{}) {}

Pool::Pool(std::vector<Group> groups, const std::vector<QosClass>& classes, GroupInstanceFactory makeInstance,
           std::unique_ptr<TierRouter> tierRouter, QualityTable quality)
    : makeInstance_(std::move(makeInstance)),
      groups_(std::move(groups)),
      tierRouter_(std::move(tierRouter)),
      quality_(std::move(quality)) {
  if (groups_.empty()) throw std::invalid_argument("pool: needs at least one group");
  if (groups_.size() > kMaxPoolGroups) {
    throw std::invalid_argument("pool: at most " + std::to_string(kMaxPoolGroups) + " groups, got " +
                                std::to_string(groups_.size()));
  }
  if (groups_.size() > 1 && !tierRouter_) {
    throw std::invalid_argument("pool: a pool of several groups needs a tier router");
  }
  routers_.reserve(groups_.size());
  for (const Group& group : groups_) routers_.emplace_back(group.config, classes);
  for (std::size_t g = 0; g < groups_.size(); ++g) {
    for (std::int32_t i = 0; i < groups_[g].config.instances; ++i) {
      instances_.push_back(makeInstance_(nextId_++, static_cast<GroupId>(g)));
      groupOf_.push_back(static_cast<GroupId>(g));
    }
  }
  draining_.assign(instances_.size(), false);
  views_.reserve(groups_.size());
  reindex();
}

void Pool::reindex() {
  active_.clear();
  groupActive_.assign(groups_.size(), {});
  indexById_.assign(static_cast<std::size_t>(nextId_), -1);
  std::size_t largestGroup = 0;
  for (std::size_t i = 0; i < instances_.size(); ++i) {
    const auto index = static_cast<std::int32_t>(i);
    indexById_[static_cast<std::size_t>(instances_[i]->id())] = index;
    if (draining_[i]) continue;
    active_.push_back(index);
    auto& members = groupActive_[groupOf_[i]];
    members.push_back(index);
    largestGroup = std::max(largestGroup, members.size());
  }
  loads_.assign(largestGroup, 0);
}

std::int32_t Pool::indexOf(std::int32_t id) const {
  if (id < 0 || id >= static_cast<std::int32_t>(indexById_.size())) return -1;
  return indexById_[static_cast<std::size_t>(id)];
}

GroupId Pool::groupOf(std::int32_t index) const { return groupOf_[static_cast<std::size_t>(index)]; }

Router& Pool::groupRouter(GroupId group) { return routers_.at(group); }

std::int32_t Pool::routeInGroup(GroupId group, const Request& request) {
  Router& router = routers_[group];
  const std::vector<std::int32_t>& members = groupActive_[group];
  if (router.needsLoad()) {
    for (std::size_t i = 0; i < members.size(); ++i) {
      loads_[i] = instances_[static_cast<std::size_t>(members[i])]->outstandingTokens();
    }
  }
  const std::span<const std::int64_t> loads(loads_.data(), members.size());
  return members[static_cast<std::size_t>(router.route(request, loads))];
}

// An exponential moving average of a point process: each arrival adds 1/window, and the sum decays by
// e^(-dt/window); its expectation under a steady rate is that rate.
void Pool::countArrival(TimePoint now) {
  if (lastArrival_) {
    const double elapsedS = std::max(0.0, toSeconds(now - *lastArrival_));
    rates_.shortPerS *= std::exp(-elapsedS / kShortRateWindowS);
    rates_.longPerS *= std::exp(-elapsedS / kLongRateWindowS);
  }
  lastArrival_ = now;
  rates_.shortPerS += 1.0 / kShortRateWindowS;
  rates_.longPerS += 1.0 / kLongRateWindowS;
}

std::int32_t Pool::submit(const Request& request, TimePoint now) {
  countArrival(now);
  GroupId group = 0;
  if (groups_.size() > 1) {
    fillGroupViews(request, now, views_);
    TierContext context;
    context.request = &request;
    context.qos = &instances_[static_cast<std::size_t>(active_.front())]->scheduler().classes().at(request.classId);
    context.now = now;
    context.groups = views_;
    context.rates = rates_;
    group = tierRouter_->choose(context);
    if (group >= groups_.size()) {
      throw std::logic_error("pool: tier router " + tierRouter_->describe() + " chose group " + std::to_string(group) +
                             " of " + std::to_string(groups_.size()));
    }
  }
  const std::int32_t index = routeInGroup(group, request);
  Request routed = request;
  routed.group = group;
  instances_[static_cast<std::size_t>(index)]->enqueue(routed, now);
  return index;
}

std::vector<GroupView> Pool::groupViews(const Request& request, TimePoint now) const {
  std::vector<GroupView> views;
  fillGroupViews(request, now, views);
  return views;
}

void Pool::fillGroupViews(const Request& request, TimePoint /*now*/, std::vector<GroupView>& views) const {
  views.assign(groups_.size(), GroupView{});
  const Slo& slo = instances_[static_cast<std::size_t>(active_.front())]->scheduler().classes().at(request.classId).slo;
  for (std::size_t g = 0; g < groups_.size(); ++g) {
    GroupView& view = views[g];
    bool first = true;
    for (const std::int32_t index : groupActive_[g]) {
      const Instance& instance = *instances_[static_cast<std::size_t>(index)];
      const InstanceStatus status = instance.status();
      ++view.instances;
      view.queuedRequests += status.load.waiting + status.load.relegated;
      view.queuedPrefillTokens += status.queuedPrefillTokens;
      view.runningRequests += status.load.prefilling + status.load.decoding;
      view.kvFill += status.kvUsedFraction;
      const PredictedFinish predicted = predictFinish(status, instance.timeModel(), request);
      if (first || predicted.firstToken < view.predicted.firstToken ||
          (predicted.firstToken == view.predicted.firstToken && predicted.lastToken < view.predicted.lastToken)) {
        view.predicted = predicted;
        first = false;
      }
    }
    if (view.instances > 0) view.kvFill /= view.instances;
    if (g < quality_.accuracy.size() && request.task < quality_.accuracy[g].size()) {
      view.accuracy = quality_.at(g, request.task);
    }
    view.slack = deadlineSlack(slo, view.predicted);
  }
}

std::vector<InstanceStatus> Pool::status() const {
  std::vector<InstanceStatus> result;
  result.reserve(instances_.size());
  for (std::size_t i = 0; i < instances_.size(); ++i) {
    result.push_back(instances_[i]->status());
    result.back().group = groupOf_[i];
    result.back().draining = draining_[i];
  }
  return result;
}

std::int32_t Pool::addInstance(GroupId group) {
  if (group >= groups_.size()) {
    throw std::invalid_argument("pool: no group " + std::to_string(group) + " (it has " +
                                std::to_string(groups_.size()) + ")");
  }
  const std::int32_t id = nextId_;
  auto instance = makeInstance_(id, group);
  ++nextId_;
  routers_[group].addInstance();
  instances_.push_back(std::move(instance));
  groupOf_.push_back(group);
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
  const GroupId group = groupOf_[static_cast<std::size_t>(index)];
  const std::vector<std::int32_t>& members = groupActive_[group];
  const auto position = std::find(members.begin(), members.end(), index) - members.begin();
  routers_[group].removeInstance(static_cast<std::int32_t>(position));  // throws for the group's last active one
  draining_[static_cast<std::size_t>(index)] = true;
  reindex();
  std::vector<std::int32_t> received;
  for (MovedRequest& moved : instances_[static_cast<std::size_t>(index)]->takeUnstarted()) {
    const std::int32_t target = routeInGroup(group, moved.unstarted.request);
    instances_[static_cast<std::size_t>(target)]->adopt(std::move(moved), now);
    if (std::find(received.begin(), received.end(), target) == received.end()) received.push_back(target);
  }
  return received;
}

bool Pool::retireIfDrained(std::int32_t index) {
  const auto i = static_cast<std::size_t>(index);
  if (!draining_[i] || instances_[i]->busy() || instances_[i]->hasWork()) return false;
  instances_.erase(instances_.begin() + index);
  groupOf_.erase(groupOf_.begin() + index);
  draining_.erase(draining_.begin() + index);
  reindex();
  return true;
}

}  // namespace headroom::engine
