#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/metrics/latency_metric.h"

namespace headroom::solver {

using engine::LatencyMetric;

// How classes share an instance.
//  priority: strict class rank inside each instance; a class sees the load of the classes ranked at or
//            above it. fcfs: every class on an instance sees its whole load. siloed: one class per instance.
enum class Discipline : std::uint8_t { Priority, Fcfs, Siloed };

std::string_view toString(Discipline discipline);

// Optimal: proven optimal. FeasibleWithGap: stopped within the requested relative gap. TimeLimit: the
// time limit struck (a plan is attached when one was found). Infeasible: no plan meets every bound.
enum class PlanStatus : std::uint8_t { Optimal, FeasibleWithGap, TimeLimit, Infeasible };

std::string_view toString(PlanStatus status);

// One instance of a plan: its mode and, per class (PlanningInput order), the rate it carries and the
// latency the curves predict there (empty where the class has no traffic).
struct PlannedInstance {
  std::string mode;
  std::size_t modeIndex = 0;
  std::vector<double> ratePerS;
  std::vector<std::optional<double>> predictedLatencyS;
};

// A class the plan cannot serve, and why in words (e.g. its bound is below the latency at zero load).
struct InfeasibleClass {
  std::string name;
  std::string reason;
};

// A class whose bound is below its service floor (its latency on an otherwise idle instance) on some
// mode: no number of instances of that mode meets the bound, so the plan gives the class none of them.
// `mode`/`floorS`: the lowest floor among the modes it misses on; `meetingMode`/`meetingFloorS`: the
// mode with the lowest floor within the bound, empty when none meets it (the plan is then infeasible).
struct ServiceFloorMiss {
  std::string className;
  LatencyMetric metric = LatencyMetric::Ttlt;
  double percentile = 95.0;
  double boundS = 0.0;
  std::string mode;
  double floorS = 0.0;
  std::string meetingMode;
  double meetingFloorS = 0.0;
};

// The answer of one solve. A plain value.
struct Plan {
  Discipline discipline = Discipline::Priority;
  PlanStatus status = PlanStatus::Infeasible;
  std::string formulation;  // "aggregated" or "per-instance"
  std::vector<std::string> classNames;
  std::vector<std::string> modeNames;
  std::vector<std::int32_t> instancesPerMode;
  std::int32_t instancesTotal = 0;
  double cost = 0.0;
  double solveTimeS = 0.0;
  double relativeGap = 0.0;  // between the plan and the best bound; 0 when optimal
  std::vector<PlannedInstance> instances;
  std::vector<std::optional<double>> predictedLatencyS;  // per class: the worst over its instances
  std::vector<InfeasibleClass> infeasibleClasses;
  std::vector<ServiceFloorMiss> belowServiceFloor;
  std::string explanation;  // for an infeasible (or unsolved) plan
  bool solutionFound = false;  // instances, rates and predictions are filled in
};

// The recommendation and the two baselines, solved the same way.
struct PlanReport {
  Plan recommended;
  Plan fcfs;
  Plan siloed;
};

}  // namespace headroom::solver
