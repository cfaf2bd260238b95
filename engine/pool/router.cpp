#include "engine/pool/router.h"

#include <algorithm>
#include <stdexcept>
#include <string>

namespace headroom::engine {

Router::Router(const PoolConfig& config, const std::vector<QosClass>& classes)
    : kind_(config.router), instances_(config.instances) {
  if (instances_ < 1) throw std::invalid_argument("a pool needs at least one instance");
  classNext_.assign(classes.size(), 0);
  topClass_.assign(classes.size(), false);
  if (!classes.empty()) {
    const auto best = std::min_element(classes.begin(), classes.end(),
                                       [](const QosClass& a, const QosClass& b) { return a.rank < b.rank; });
    for (std::size_t c = 0; c < classes.size(); ++c) topClass_[c] = classes[c].rank == best->rank;
  }
  if (kind_ == RouterKind::Weighted) {
    if (config.weights.size() != classes.size()) {
      throw std::invalid_argument("weighted router: expected weights for " + std::to_string(classes.size()) +
                                  " classes, got " + std::to_string(config.weights.size()));
    }
    setWeights(config.weights);
  }
}

void Router::setWeights(std::vector<std::vector<double>> weights) {
  for (std::size_t c = 0; c < weights.size(); ++c) {
    const auto& row = weights[c];
    if (row.size() != static_cast<std::size_t>(instances_)) {
      throw std::invalid_argument("weighted router: class " + std::to_string(c) + " has " +
                                  std::to_string(row.size()) + " shares for " + std::to_string(instances_) +
                                  " instances");
    }
    double sum = 0.0;
    for (const double share : row) {
      if (share < 0.0) throw std::invalid_argument("weighted router: shares must be >= 0");
      sum += share;
    }
    if (sum <= 0.0) throw std::invalid_argument("weighted router: class " + std::to_string(c) + " has no positive share");
  }
  weighted_ = WeightedRoundRobin(std::move(weights));
}

void Router::addInstance() {
  ++instances_;
  std::vector<std::vector<double>> weights = weighted_.shares();
  for (auto& row : weights) {
    double sum = 0.0;
    for (const double share : row) sum += share;
    row.push_back(row.empty() ? 1.0 : sum / static_cast<double>(row.size()));
  }
  weighted_ = WeightedRoundRobin(std::move(weights));
}

void Router::removeInstance(std::int32_t index) {
  if (index < 0 || index >= instances_) {
    throw std::invalid_argument("router: no instance " + std::to_string(index) + " among " + std::to_string(instances_));
  }
  if (instances_ == 1) throw std::invalid_argument("router: the last instance cannot be removed");
  --instances_;
  std::vector<std::vector<double>> weights = weighted_.shares();
  for (auto& row : weights) {
    row.erase(row.begin() + index);
    double sum = 0.0;
    for (const double share : row) sum += share;
    if (sum <= 0.0) std::fill(row.begin(), row.end(), 1.0);
  }
  weighted_ = WeightedRoundRobin(std::move(weights));
  next_ %= instances_;
  for (std::int32_t& next : classNext_) next %= instances_;
}

std::int32_t Router::leastLoaded(std::span<const std::int64_t> outstandingTokens) const {
  const auto it = std::min_element(outstandingTokens.begin(), outstandingTokens.end());
  return static_cast<std::int32_t>(it - outstandingTokens.begin());
}

std::int32_t Router::route(const Request& request, std::span<const std::int64_t> outstandingTokens) {
  switch (kind_) {
    case RouterKind::RoundRobin: {
      const std::int32_t pick = next_;
      next_ = (next_ + 1) % instances_;
      return pick;
    }
    case RouterKind::LeastLoaded: return leastLoaded(outstandingTokens);
    case RouterKind::ClassPriority: {
      if (request.classId < topClass_.size() && topClass_[request.classId]) {
        std::int32_t& next = classNext_[request.classId];
        const std::int32_t pick = next;
        next = (next + 1) % instances_;
        return pick;
      }
      return leastLoaded(outstandingTokens);
    }
    case RouterKind::Weighted: return static_cast<std::int32_t>(weighted_.pick(request.classId).value_or(0));
  }
  return 0;
}

}  // namespace headroom::engine
