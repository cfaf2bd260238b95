// The MILPs behind each discipline. Rates are requests per second; capacities come from PlanProblem.
#include <algorithm>
#include <cmath>

#include "solver/src/plan_problem.h"

namespace headroom::solver::detail {

namespace {

constexpr double kRateEpsilon = 1e-9;

MipLimits limitsOf(const PlanProblem& problem) {
  return {problem.options.timeLimitS, problem.options.relativeGap};
}

std::int32_t countOf(double value) { return static_cast<std::int32_t>(std::lround(value)); }

double rateOf(double value) { return value < kRateEpsilon ? 0.0 : value; }

// Adds, for every active class, sum over `columns[class]` = its rate.
void addDemandRows(MipModel& model, const PlanProblem& problem, const std::vector<std::vector<int>>& columnsOfClass) {
  for (std::size_t cls : problem.active) {
    std::vector<std::pair<int, double>> terms;
    for (int column : columnsOfClass[cls]) terms.emplace_back(column, 1.0);
    model.addRow(terms, problem.rate(cls), problem.rate(cls));
  }
}

// Classes ranked at or above `cls` (itself included), among the active ones.
std::vector<std::size_t> rankedAtOrAbove(const PlanProblem& problem, std::size_t cls) {
  std::vector<std::size_t> result;
  for (std::size_t other : problem.active) {
    if (problem.rank(other) <= problem.rank(cls)) result.push_back(other);
  }
  return result;
}

}  // namespace

bool PlanProblem::capacitiesFollowRank() const {
  constexpr double kTolerance = 1e-9;
  for (std::size_t mode = 0; mode < modeCount(); ++mode) {
    for (std::size_t a : active) {
      for (std::size_t b : active) {
        const double capA = capacity[mode][a];
        const double capB = capacity[mode][b];
        if (rank(a) < rank(b) && capA > capB + kTolerance) return false;
        if (rank(a) == rank(b) && std::abs(capA - capB) > kTolerance) return false;
      }
    }
  }
  return true;
}

ModelSolution solvePriorityAggregated(const PlanProblem& problem) {
  MipModel model;
  const std::size_t classes = problem.input->classes.size();
  std::vector<int> countColumn(problem.modeCount());
  std::vector<std::vector<int>> rateColumn(problem.modeCount(), std::vector<int>(classes, -1));
  std::vector<std::vector<int>> columnsOfClass(classes);
  for (std::size_t mode = 0; mode < problem.modeCount(); ++mode) {
    countColumn[mode] = model.addColumn(0.0, problem.maxInstances(mode), problem.instanceWeight(mode), true);
    for (std::size_t cls : problem.active) {
      rateColumn[mode][cls] = model.addColumn(0.0, problem.rate(cls), 0.0, false);
      columnsOfClass[cls].push_back(rateColumn[mode][cls]);
    }
  }
  addDemandRows(model, problem, columnsOfClass);
  for (std::size_t mode = 0; mode < problem.modeCount(); ++mode) {
    for (std::size_t cls : problem.active) {
      std::vector<std::pair<int, double>> terms;
      for (std::size_t above : rankedAtOrAbove(problem, cls)) terms.emplace_back(rateColumn[mode][above], 1.0);
      terms.emplace_back(countColumn[mode], -problem.capacity[mode][cls]);
      model.addRow(terms, -kInfinity, 0.0);
    }
  }

  ModelSolution solution{solveMip(model, limitsOf(problem)), {}};
  if (solution.mip.values.empty()) return solution;
  for (std::size_t mode = 0; mode < problem.modeCount(); ++mode) {
    const std::int32_t count = countOf(solution.mip.values[static_cast<std::size_t>(countColumn[mode])]);
    if (count <= 0) continue;
    InstanceGroup group{mode, count, std::vector<double>(classes, 0.0)};
    for (std::size_t cls : problem.active) {
      group.ratePerS[cls] = rateOf(solution.mip.values[static_cast<std::size_t>(rateColumn[mode][cls])] / count);
    }
    solution.groups.push_back(std::move(group));
  }
  return solution;
}

ModelSolution solvePriorityPerInstance(const PlanProblem& problem, const std::vector<std::int32_t>& slotLimit) {
  MipModel model;
  const std::size_t classes = problem.input->classes.size();
  struct Slot {
    std::size_t mode = 0;
    int used = -1;
    std::vector<int> rate;
    std::vector<int> present;
  };
  std::vector<Slot> slots;
  std::vector<std::vector<int>> columnsOfClass(classes);
  double totalDemand = 0.0;
  for (std::size_t cls : problem.active) totalDemand += problem.rate(cls);

  for (std::size_t mode = 0; mode < problem.modeCount(); ++mode) {
    double largestCapacity = 0.0;
    for (std::size_t cls : problem.active) largestCapacity = std::max(largestCapacity, problem.capacity[mode][cls]);
    const double loadCeiling = std::min(largestCapacity, totalDemand);
    const std::size_t first = slots.size();
    for (std::int32_t k = 0; k < slotLimit[mode]; ++k) {
      Slot slot;
      slot.mode = mode;
      slot.used = model.addColumn(0.0, 1.0, problem.instanceWeight(mode), true);
      slot.rate.assign(classes, -1);
      slot.present.assign(classes, -1);
      std::vector<std::pair<int, double>> load;
      for (std::size_t cls : problem.active) {
        const double cap = problem.capacity[mode][cls];
        const double rateCeiling = std::min(problem.rate(cls), cap);
        slot.rate[cls] = model.addColumn(0.0, rateCeiling, 0.0, false);
        slot.present[cls] = model.addColumn(0.0, cap > 0.0 ? 1.0 : 0.0, 0.0, true);
        columnsOfClass[cls].push_back(slot.rate[cls]);
        load.emplace_back(slot.rate[cls], 1.0);
        model.addRow({{slot.rate[cls], 1.0}, {slot.present[cls], -rateCeiling}}, -kInfinity, 0.0);
        model.addRow({{slot.present[cls], 1.0}, {slot.used, -1.0}}, -kInfinity, 0.0);
      }
      load.emplace_back(slot.used, -loadCeiling);
      model.addRow(load, -kInfinity, 0.0);
      // Where class u is present, the classes ranked at or above it stay within its capacity (big-M on
      // its presence).
      for (std::size_t cls : problem.active) {
        const double cap = problem.capacity[mode][cls];
        double prefixDemand = 0.0;
        std::vector<std::pair<int, double>> terms;
        for (std::size_t above : rankedAtOrAbove(problem, cls)) {
          prefixDemand += problem.rate(above);
          terms.emplace_back(slot.rate[above], 1.0);
        }
        const double bigM = std::min(prefixDemand, loadCeiling) - cap;
        if (bigM <= 0.0) continue;
        terms.emplace_back(slot.present[cls], bigM);
        model.addRow(terms, -kInfinity, cap + bigM);
      }
      slots.push_back(std::move(slot));
    }
    // Symmetry breaking between identical slots: used slots first, heavier slots first.
    for (std::size_t s = first; s + 1 < slots.size(); ++s) {
      model.addRow({{slots[s].used, 1.0}, {slots[s + 1].used, -1.0}}, 0.0, kInfinity);
      std::vector<std::pair<int, double>> order;
      for (std::size_t cls : problem.active) {
        order.emplace_back(slots[s].rate[cls], 1.0);
        order.emplace_back(slots[s + 1].rate[cls], -1.0);
      }
      model.addRow(order, 0.0, kInfinity);
    }
  }
  addDemandRows(model, problem, columnsOfClass);

  ModelSolution solution{solveMip(model, limitsOf(problem)), {}};
  if (solution.mip.values.empty()) return solution;
  for (const Slot& slot : slots) {
    if (countOf(solution.mip.values[static_cast<std::size_t>(slot.used)]) <= 0) continue;
    InstanceGroup group{slot.mode, 1, std::vector<double>(classes, 0.0)};
    double load = 0.0;
    for (std::size_t cls : problem.active) {
      group.ratePerS[cls] = rateOf(solution.mip.values[static_cast<std::size_t>(slot.rate[cls])]);
      load += group.ratePerS[cls];
    }
    if (load > 0.0) solution.groups.push_back(std::move(group));
  }
  return solution;
}

ModelSolution solveFcfs(const PlanProblem& problem) {
  // Instances are grouped by the tightest capacity among the classes they carry (every class there sees
  // the whole load): a group at level L carries only classes whose capacity is at least L, in total at
  // most L per instance. Within a group identical instances merge, so the model is exact.
  MipModel model;
  const std::size_t classes = problem.input->classes.size();
  struct Level {
    std::size_t mode = 0;
    double capacity = 0.0;
    int count = -1;
    std::vector<int> rate;
  };
  std::vector<Level> levels;
  std::vector<std::vector<int>> columnsOfClass(classes);
  for (std::size_t mode = 0; mode < problem.modeCount(); ++mode) {
    std::vector<double> capacities;
    for (std::size_t cls : problem.active) {
      if (problem.capacity[mode][cls] > 0.0) capacities.push_back(problem.capacity[mode][cls]);
    }
    std::sort(capacities.begin(), capacities.end());
    capacities.erase(std::unique(capacities.begin(), capacities.end()), capacities.end());
    std::vector<std::pair<int, double>> modeCount;
    for (double capacity : capacities) {
      Level level;
      level.mode = mode;
      level.capacity = capacity;
      level.count = model.addColumn(0.0, problem.maxInstances(mode), problem.instanceWeight(mode), true);
      level.rate.assign(classes, -1);
      std::vector<std::pair<int, double>> load;
      for (std::size_t cls : problem.active) {
        if (problem.capacity[mode][cls] < capacity) continue;
        level.rate[cls] = model.addColumn(0.0, problem.rate(cls), 0.0, false);
        columnsOfClass[cls].push_back(level.rate[cls]);
        load.emplace_back(level.rate[cls], 1.0);
      }
      load.emplace_back(level.count, -capacity);
      model.addRow(load, -kInfinity, 0.0);
      modeCount.emplace_back(level.count, 1.0);
      levels.push_back(std::move(level));
    }
    if (!modeCount.empty()) model.addRow(modeCount, -kInfinity, problem.maxInstances(mode));
  }
  addDemandRows(model, problem, columnsOfClass);

  ModelSolution solution{solveMip(model, limitsOf(problem)), {}};
  if (solution.mip.values.empty()) return solution;
  for (const Level& level : levels) {
    const std::int32_t count = countOf(solution.mip.values[static_cast<std::size_t>(level.count)]);
    if (count <= 0) continue;
    InstanceGroup group{level.mode, count, std::vector<double>(classes, 0.0)};
    for (std::size_t cls : problem.active) {
      if (level.rate[cls] < 0) continue;
      group.ratePerS[cls] = rateOf(solution.mip.values[static_cast<std::size_t>(level.rate[cls])] / count);
    }
    solution.groups.push_back(std::move(group));
  }
  return solution;
}

ModelSolution solveSiloed(const PlanProblem& problem) {
  MipModel model;
  const std::size_t classes = problem.input->classes.size();
  std::vector<std::vector<int>> countColumn(problem.modeCount(), std::vector<int>(classes, -1));
  std::vector<std::vector<int>> rateColumn(problem.modeCount(), std::vector<int>(classes, -1));
  std::vector<std::vector<int>> columnsOfClass(classes);
  for (std::size_t mode = 0; mode < problem.modeCount(); ++mode) {
    std::vector<std::pair<int, double>> modeCount;
    for (std::size_t cls : problem.active) {
      const double cap = problem.capacity[mode][cls];
      if (cap <= 0.0) continue;
      countColumn[mode][cls] = model.addColumn(0.0, problem.maxInstances(mode), problem.instanceWeight(mode), true);
      rateColumn[mode][cls] = model.addColumn(0.0, problem.rate(cls), 0.0, false);
      columnsOfClass[cls].push_back(rateColumn[mode][cls]);
      model.addRow({{rateColumn[mode][cls], 1.0}, {countColumn[mode][cls], -cap}}, -kInfinity, 0.0);
      modeCount.emplace_back(countColumn[mode][cls], 1.0);
    }
    if (!modeCount.empty()) model.addRow(modeCount, -kInfinity, problem.maxInstances(mode));
  }
  addDemandRows(model, problem, columnsOfClass);

  ModelSolution solution{solveMip(model, limitsOf(problem)), {}};
  if (solution.mip.values.empty()) return solution;
  for (std::size_t mode = 0; mode < problem.modeCount(); ++mode) {
    for (std::size_t cls : problem.active) {
      if (countColumn[mode][cls] < 0) continue;
      const std::int32_t count = countOf(solution.mip.values[static_cast<std::size_t>(countColumn[mode][cls])]);
      if (count <= 0) continue;
      InstanceGroup group{mode, count, std::vector<double>(classes, 0.0)};
      group.ratePerS[cls] = rateOf(solution.mip.values[static_cast<std::size_t>(rateColumn[mode][cls])] / count);
      solution.groups.push_back(std::move(group));
    }
  }
  return solution;
}

}  // namespace headroom::solver::detail
