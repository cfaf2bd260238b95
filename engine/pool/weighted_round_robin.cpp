#include "engine/pool/weighted_round_robin.h"

#include <algorithm>

namespace headroom::engine {

WeightedRoundRobin::WeightedRoundRobin(std::vector<std::vector<double>> shares) : shares_(std::move(shares)) {
  reset();
}

std::optional<std::size_t> WeightedRoundRobin::pick(std::size_t classId, const std::vector<bool>& eligible) {
  if (classId >= shares_.size()) return std::nullopt;
  const std::vector<double>& shares = shares_[classId];
  std::vector<double>& current = current_[classId];
  double total = 0.0;
  std::optional<std::size_t> best;
  for (std::size_t target = 0; target < shares.size(); ++target) {
    if (shares[target] <= 0.0) continue;
    if (!eligible.empty() && (target >= eligible.size() || !eligible[target])) continue;
    total += shares[target];
    current[target] += shares[target];
    if (!best || current[target] > current[*best]) best = target;
  }
  if (best) current[*best] -= total;
  return best;
}

void WeightedRoundRobin::reset() {
  current_.resize(shares_.size());
  for (std::size_t c = 0; c < shares_.size(); ++c) current_[c].assign(shares_[c].size(), 0.0);
}

}  // namespace headroom::engine
