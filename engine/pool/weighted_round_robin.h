#pragma once

#include <cstddef>
#include <optional>
#include <vector>

namespace headroom::engine {

// Smooth weighted round-robin (as in nginx) per class over N targets: on every pick each eligible target
// with a positive share accrues its share, the one with the most accrued is picked (the first on a tie)
// and pays back the sum of the shares that accrued. Over any run of picks each target gets its share of
// them, spread evenly rather than in bursts. Shares are [class][target], any positive scale; an empty
// row (or a class beyond the rows) has no shares. Deterministic. Not thread-safe; the caller locks.
class WeightedRoundRobin {
 public:
  WeightedRoundRobin() = default;
  explicit WeightedRoundRobin(std::vector<std::vector<double>> shares);

  // The next target of class `classId` among those with `eligible[target]` (an empty `eligible` makes
  // every target eligible); empty when no eligible target has a positive share. Targets that are not
  // eligible keep their accrued credit for later picks.
  std::optional<std::size_t> pick(std::size_t classId, const std::vector<bool>& eligible = {});

  // Forgets the accrued credit: the rotation restarts.
  void reset();

  const std::vector<std::vector<double>>& shares() const { return shares_; }

 private:
  std::vector<std::vector<double>> shares_;
  std::vector<std::vector<double>> current_;  // accrued credit, [class][target]
};

}  // namespace headroom::engine
