#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "solver/plan.h"
#include "solver/planning_input.h"
#include "solver/src/mip_model.h"

namespace headroom::solver::detail {

// A planning input prepared for the MILPs: which classes carry traffic (in rank order) and the capacity
// of one instance of each mode for each class at that class's bound.
struct PlanProblem {
  const PlanningInput* input = nullptr;
  PlanOptions options;
  std::vector<std::size_t> active;            // classes with a positive rate, by rank (stable)
  std::vector<std::vector<double>> capacity;  // [mode][class], requests per second

  double rate(std::size_t cls) const { return input->classes[cls].ratePerS; }
  int rank(std::size_t cls) const { return input->classes[cls].rank; }
  std::size_t modeCount() const { return input->modes.size(); }
  std::int32_t maxInstances(std::size_t mode) const { return input->modes[mode].maxInstances; }
  double instanceWeight(std::size_t mode) const {
    return options.objective == Objective::Cost ? input->modes[mode].cost : 1.0;
  }
  // True when, in every mode, a class's capacity is never below that of a class ranked above it and
  // classes of equal rank have equal capacities: then every class may be taken as present everywhere
  // and identical instances of a mode merge into one count.
  bool capacitiesFollowRank() const;
};

// `count` identical instances of `mode`, each carrying `ratePerS[class]`.
struct InstanceGroup {
  std::size_t mode = 0;
  std::int32_t count = 0;
  std::vector<double> ratePerS;
};

struct ModelSolution {
  MipResult mip;
  std::vector<InstanceGroup> groups;  // filled when mip.values is not empty
};

ModelSolution solvePriorityAggregated(const PlanProblem& problem);
// `slotLimit[mode]`: how many slots to create per mode (already capped by the mode's max instances).
ModelSolution solvePriorityPerInstance(const PlanProblem& problem, const std::vector<std::int32_t>& slotLimit);
ModelSolution solveFcfs(const PlanProblem& problem);
ModelSolution solveSiloed(const PlanProblem& problem);

}  // namespace headroom::solver::detail
