#include "solver/planner.h"

#include <algorithm>
#include <cmath>
#include <set>
#include <stdexcept>

#include <spdlog/fmt/fmt.h>

#include "solver/src/plan_problem.h"

namespace headroom::solver {

using detail::InstanceGroup;
using detail::MipStatus;
using detail::ModelSolution;
using detail::PlanProblem;

bool plannable(LatencyMetric metric) {
  return metric == LatencyMetric::Queue || metric == LatencyMetric::Ttft || metric == LatencyMetric::Ttlt;
}

std::optional<LatencyMetric> plannableMetricFromString(std::string_view text) {
  const std::optional<LatencyMetric> metric = engine::latencyMetricFromString(text);
  if (!metric || !plannable(*metric)) return std::nullopt;
  return metric;
}

std::string_view toString(Objective objective) { return objective == Objective::Cost ? "cost" : "instances"; }

std::optional<Objective> objectiveFromString(std::string_view text) {
  if (text == "instances") return Objective::Instances;
  if (text == "cost") return Objective::Cost;
  return std::nullopt;
}

std::string_view toString(Discipline discipline) {
  switch (discipline) {
    case Discipline::Priority: return "priority";
    case Discipline::Fcfs: return "fcfs";
    case Discipline::Siloed: return "siloed";
  }
  return "priority";
}

std::string_view toString(PlanStatus status) {
  switch (status) {
    case PlanStatus::Optimal: return "optimal";
    case PlanStatus::FeasibleWithGap: return "feasible with gap";
    case PlanStatus::TimeLimit: return "time limit";
    case PlanStatus::Infeasible: return "infeasible";
  }
  return "infeasible";
}

namespace {

std::string percentileText(const PlanningClass& cls) {
  return fmt::format("p{:g} {}", cls.percentile, toString(cls.metric));
}

PlanProblem prepare(const PlanningInput& input, const PlanOptions& options) {
  PlanProblem problem;
  problem.input = &input;
  problem.options = options;
  for (std::size_t cls = 0; cls < input.classes.size(); ++cls) {
    if (input.classes[cls].ratePerS > 0.0) problem.active.push_back(cls);
  }
  std::stable_sort(problem.active.begin(), problem.active.end(),
                   [&](std::size_t a, std::size_t b) { return input.classes[a].rank < input.classes[b].rank; });
  problem.capacity.assign(input.modes.size(), std::vector<double>(input.classes.size(), 0.0));
  for (std::size_t mode = 0; mode < input.modes.size(); ++mode) {
    for (std::size_t cls = 0; cls < input.classes.size(); ++cls) {
      const double boundS = input.classes[cls].boundS;
      // Below the service floor no load is light enough, whatever a measured curve's noise says.
      problem.capacity[mode][cls] =
          boundS < input.modes[mode].floorFor(cls) ? 0.0 : input.modes[mode].curveFor(cls).capacityPerS(boundS);
    }
  }
  return problem;
}

// Active classes whose bound is below their service floor on at least one mode.
std::vector<ServiceFloorMiss> serviceFloorMisses(const PlanProblem& problem) {
  const PlanningInput& input = *problem.input;
  std::vector<ServiceFloorMiss> result;
  for (std::size_t cls : problem.active) {
    const PlanningClass& spec = input.classes[cls];
    ServiceFloorMiss miss{spec.name, spec.metric, spec.percentile, spec.boundS, {}, 0.0, {}, 0.0};
    for (const InstanceMode& mode : input.modes) {
      const double floorS = mode.floorFor(cls);
      if (spec.boundS < floorS) {
        if (miss.mode.empty() || floorS < miss.floorS) {
          miss.mode = mode.name;
          miss.floorS = floorS;
        }
      } else if (miss.meetingMode.empty() || floorS < miss.meetingFloorS) {
        miss.meetingMode = mode.name;
        miss.meetingFloorS = floorS;
      }
    }
    if (!miss.mode.empty()) result.push_back(std::move(miss));
  }
  return result;
}

// Classes that no plan can serve even with every instance of every mode to themselves.
std::vector<InfeasibleClass> classesBeyondReach(const PlanProblem& problem, const std::vector<ServiceFloorMiss>& misses) {
  const PlanningInput& input = *problem.input;
  std::vector<InfeasibleClass> result;
  for (std::size_t cls : problem.active) {
    const auto miss = std::find_if(misses.begin(), misses.end(),
                                   [&](const ServiceFloorMiss& m) { return m.className == input.classes[cls].name; });
    if (miss != misses.end() && miss->meetingMode.empty()) {
      result.push_back({miss->className, serviceFloorText(*miss)});
      continue;
    }
    const PlanningClass& spec = input.classes[cls];
    double reach = 0.0;
    for (std::size_t mode = 0; mode < input.modes.size(); ++mode) {
      reach += problem.capacity[mode][cls] * input.modes[mode].maxInstances;
    }
    const bool servedNowhere = std::all_of(problem.capacity.begin(), problem.capacity.end(),
                                           [&](const std::vector<double>& row) { return row[cls] <= 0.0; });
    if (servedNowhere) {
      result.push_back({spec.name, fmt::format("no mode carries any of its traffic within its bound of {:g} s ({})",
                                               spec.boundS, percentileText(spec))});
    } else if (spec.ratePerS > reach * (1.0 + 1e-9)) {
      result.push_back({spec.name, fmt::format("its rate of {:.4g}/s exceeds the {:.4g}/s that every instance of every "
                                               "mode together carries within its bound of {:g} s ({})",
                                               spec.ratePerS, reach, spec.boundS, percentileText(spec))});
    }
  }
  return result;
}

// Why a MILP found no plan although each class fits on its own.
void explainJointInfeasibility(const PlanProblem& problem, Discipline discipline, Plan& plan) {
  const PlanningInput& input = *problem.input;
  if (discipline == Discipline::Priority && problem.capacitiesFollowRank()) {
    double prefixDemand = 0.0;
    for (std::size_t cls : problem.active) {
      prefixDemand = 0.0;
      for (std::size_t other : problem.active) {
        if (input.classes[other].rank <= input.classes[cls].rank) prefixDemand += input.classes[other].ratePerS;
      }
      double reach = 0.0;
      for (std::size_t mode = 0; mode < input.modes.size(); ++mode) {
        reach += problem.capacity[mode][cls] * input.modes[mode].maxInstances;
      }
      if (prefixDemand > reach * (1.0 + 1e-9)) {
        plan.infeasibleClasses.push_back(
            {input.classes[cls].name,
             fmt::format("with the classes ranked at or above it, {:.4g}/s must stay within its bound of {:g} s ({}), "
                         "but every instance together carries at most {:.4g}/s there",
                         prefixDemand, input.classes[cls].boundS, percentileText(input.classes[cls]), reach)});
        break;
      }
    }
  }
  std::string limits;
  for (const InstanceMode& mode : input.modes) {
    limits += fmt::format("{}{} x {}", limits.empty() ? "" : ", ", mode.maxInstances, mode.name);
  }
  plan.explanation = fmt::format("each class fits on its own, but not all of them together within {} ({})", limits,
                                 toString(discipline));
  if (!plan.infeasibleClasses.empty()) {
    plan.explanation = plan.infeasibleClasses.front().name + ": " + plan.infeasibleClasses.front().reason;
  }
}

void fillPredictions(const PlanningInput& input, Plan& plan) {
  const std::size_t classes = input.classes.size();
  plan.predictedLatencyS.assign(classes, std::nullopt);
  for (PlannedInstance& instance : plan.instances) {
    const InstanceMode& mode = input.modes[instance.modeIndex];
    instance.predictedLatencyS.assign(classes, std::nullopt);
    double total = 0.0;
    for (double rate : instance.ratePerS) total += rate;
    for (std::size_t cls = 0; cls < classes; ++cls) {
      if (instance.ratePerS[cls] <= 0.0) continue;
      double load = total;
      if (plan.discipline == Discipline::Priority) {
        load = 0.0;
        for (std::size_t other = 0; other < classes; ++other) {
          if (input.classes[other].rank <= input.classes[cls].rank) load += instance.ratePerS[other];
        }
      }
      const LatencyCurve& curve = mode.curveFor(cls);
      const std::optional<double> latency = curve.latencyAtS(std::min(load, curve.saturationRatePerS()));
      instance.predictedLatencyS[cls] = latency;
      if (latency && (!plan.predictedLatencyS[cls] || *latency > *plan.predictedLatencyS[cls])) {
        plan.predictedLatencyS[cls] = latency;
      }
    }
  }
}

void takeSolution(const PlanProblem& problem, const ModelSolution& solution, Plan& plan) {
  const PlanningInput& input = *problem.input;
  plan.solveTimeS = solution.mip.solveTimeS;
  switch (solution.mip.status) {
    case MipStatus::Optimal: plan.status = PlanStatus::Optimal; break;
    case MipStatus::StoppedOnGap: plan.status = PlanStatus::FeasibleWithGap; break;
    case MipStatus::StoppedOnTime:
    case MipStatus::NoSolutionInTime: plan.status = PlanStatus::TimeLimit; break;
    case MipStatus::Infeasible: plan.status = PlanStatus::Infeasible; break;
    case MipStatus::Failed: throw std::runtime_error("CBC failed on the " + std::string(toString(plan.discipline)) +
                                                     " planning model");
  }
  if (solution.mip.values.empty()) {
    if (plan.status == PlanStatus::TimeLimit) {
      plan.explanation = fmt::format("no plan found within the time limit of {:g} s", problem.options.timeLimitS);
    }
    return;
  }
  plan.solutionFound = true;
  const double objective = solution.mip.objective;
  plan.relativeGap = std::max(0.0, (objective - solution.mip.bestBound) / std::max(std::abs(objective), 1e-9));
  // Counting instances, the objective is an integer: a bound within 1 of it proves it optimal.
  if (problem.options.objective == Objective::Instances &&
      std::ceil(solution.mip.bestBound - 1e-6) >= objective - 1e-6) {
    plan.status = PlanStatus::Optimal;
  }
  if (plan.status == PlanStatus::Optimal) plan.relativeGap = 0.0;
  if (plan.status == PlanStatus::FeasibleWithGap && plan.relativeGap <= 1e-9) plan.status = PlanStatus::Optimal;
  for (const InstanceGroup& group : solution.groups) {
    plan.instancesPerMode[group.mode] += group.count;
    plan.cost += input.modes[group.mode].cost * group.count;
    for (std::int32_t k = 0; k < group.count; ++k) {
      plan.instances.push_back({input.modes[group.mode].name, group.mode, group.ratePerS, {}});
    }
  }
  plan.instancesTotal = static_cast<std::int32_t>(plan.instances.size());
  fillPredictions(input, plan);
}

// The fewest slots per mode the per-instance model needs: no optimal plan uses more of a mode than a
// feasible plan (the siloed one) uses in all, counted in the objective's units.
std::vector<std::int32_t> slotLimits(const PlanProblem& problem) {
  std::vector<std::int32_t> limits;
  for (std::size_t mode = 0; mode < problem.modeCount(); ++mode) limits.push_back(problem.maxInstances(mode));
  const ModelSolution siloed = detail::solveSiloed(problem);
  if (siloed.mip.values.empty()) return limits;
  const double bound = siloed.mip.objective;
  for (std::size_t mode = 0; mode < problem.modeCount(); ++mode) {
    const double weight = problem.instanceWeight(mode);
    const auto most = static_cast<std::int32_t>(std::floor(bound / weight + 1e-9));
    limits[mode] = std::min(limits[mode], most);
  }
  return limits;
}

}  // namespace

std::string serviceFloorText(const ServiceFloorMiss& miss) {
  std::string text = fmt::format("its bound of {:g} s (p{:g} {}) is below its service floor of {:.4g} s on mode {}, "
                                 "its latency with the instance otherwise idle, which no number of instances lowers",
                                 miss.boundS, miss.percentile, toString(miss.metric), miss.floorS, miss.mode);
  if (miss.meetingMode.empty()) return text + "; no mode meets it";
  return text + fmt::format("; mode {} meets it (floor {:.4g} s)", miss.meetingMode, miss.meetingFloorS);
}

void validatePlanningInput(const PlanningInput& input) {
  if (input.classes.empty()) throw std::invalid_argument("no classes to plan for");
  if (input.modes.empty()) throw std::invalid_argument("no instance modes to plan with");
  std::set<std::string> names;
  for (const PlanningClass& cls : input.classes) {
    if (cls.name.empty()) throw std::invalid_argument("a class has an empty name");
    if (!names.insert(cls.name).second) throw std::invalid_argument("class \"" + cls.name + "\" appears twice");
    if (!std::isfinite(cls.ratePerS) || cls.ratePerS < 0.0) {
      throw std::invalid_argument("class \"" + cls.name + "\": the rate must be a number >= 0");
    }
    if (!std::isfinite(cls.boundS) || cls.boundS <= 0.0) {
      throw std::invalid_argument("class \"" + cls.name + "\": the bound must be a number > 0 (seconds)");
    }
    if (!plannable(cls.metric)) {
      throw std::invalid_argument("class \"" + cls.name + "\": the planner bounds " + std::string(kLatencyMetricNames) +
                                  ", not " + std::string(toString(cls.metric)));
    }
    if (!(cls.percentile > 0.0 && cls.percentile <= 100.0)) {
      throw std::invalid_argument("class \"" + cls.name + "\": the percentile must be in (0, 100]");
    }
  }
  names.clear();
  for (const InstanceMode& mode : input.modes) {
    if (mode.name.empty()) throw std::invalid_argument("a mode has an empty name");
    if (!names.insert(mode.name).second) throw std::invalid_argument("mode \"" + mode.name + "\" appears twice");
    if (!std::isfinite(mode.cost) || mode.cost <= 0.0) {
      throw std::invalid_argument("mode \"" + mode.name + "\": the cost must be a number > 0");
    }
    if (mode.maxInstances < 0) throw std::invalid_argument("mode \"" + mode.name + "\": max instances must be >= 0");
    if (mode.classCurves.empty() ? mode.curve.empty() : mode.classCurves.size() != input.classes.size()) {
      throw std::invalid_argument("mode \"" + mode.name + "\": needs a latency curve (or one per class)");
    }
    for (std::size_t cls = 0; cls < mode.classCurves.size(); ++cls) {
      if (mode.classCurves[cls].empty() && input.classes[cls].ratePerS > 0.0) {
        throw std::invalid_argument("mode \"" + mode.name + "\": no latency curve for class \"" +
                                    input.classes[cls].name + "\"");
      }
    }
  }
}

Plan solvePlan(const PlanningInput& input, Discipline discipline, const PlanOptions& options) {
  validatePlanningInput(input);
  const PlanProblem problem = prepare(input, options);
  Plan plan;
  plan.discipline = discipline;
  for (const PlanningClass& cls : input.classes) plan.classNames.push_back(cls.name);
  for (const InstanceMode& mode : input.modes) plan.modeNames.push_back(mode.name);
  plan.instancesPerMode.assign(input.modes.size(), 0);
  plan.predictedLatencyS.assign(input.classes.size(), std::nullopt);
  const bool perInstance = discipline == Discipline::Priority &&
                           (options.formulation == Formulation::PerInstance || !problem.capacitiesFollowRank());
  plan.formulation = perInstance ? "per-instance" : "aggregated";
  if (problem.active.empty()) {
    plan.status = PlanStatus::Optimal;
    plan.solutionFound = true;
    return plan;
  }
  plan.belowServiceFloor = serviceFloorMisses(problem);
  plan.infeasibleClasses = classesBeyondReach(problem, plan.belowServiceFloor);
  if (!plan.infeasibleClasses.empty()) {
    plan.status = PlanStatus::Infeasible;
    plan.explanation = plan.infeasibleClasses.front().name + ": " + plan.infeasibleClasses.front().reason;
    return plan;
  }

  ModelSolution solution;
  switch (discipline) {
    case Discipline::Priority:
      solution = perInstance ? detail::solvePriorityPerInstance(problem, slotLimits(problem))
                             : detail::solvePriorityAggregated(problem);
      break;
    case Discipline::Fcfs: solution = detail::solveFcfs(problem); break;
    case Discipline::Siloed: solution = detail::solveSiloed(problem); break;
  }
  takeSolution(problem, solution, plan);
  if (plan.status == PlanStatus::Infeasible) explainJointInfeasibility(problem, discipline, plan);
  return plan;
}

PlanReport planCapacity(const PlanningInput& input, const PlanOptions& options) {
  PlanReport report;
  report.recommended = solvePlan(input, Discipline::Priority, options);
  report.fcfs = solvePlan(input, Discipline::Fcfs, options);
  report.siloed = solvePlan(input, Discipline::Siloed, options);
  return report;
}

}  // namespace headroom::solver
