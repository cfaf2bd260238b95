#pragma once

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/metrics/latency_metric.h"
#include "solver/latency_curve.h"

namespace headroom::solver {

using engine::LatencyMetric;

// Which latencies a planning bound may apply to: queue, ttft and ttlt. TBT is not a latency of the
// whole request, so no latency curve bounds it.
bool plannable(LatencyMetric metric);
// A planning bound's metric from its file/wire name (engine::toString's names); empty for "tbt" and for
// any other text.
std::optional<LatencyMetric> plannableMetricFromString(std::string_view text);
inline constexpr std::string_view kLatencyMetricNames = "ttft, ttlt, queue";

// A QoS class as the planner sees it: its demand, its bound and its rank (0 = most urgent; classes of
// equal rank share a priority level).
struct PlanningClass {
  std::string name;
  double ratePerS = 0.0;
  double boundS = 0.0;
  LatencyMetric metric = LatencyMetric::Ttlt;  // plannable() only
  double percentile = 95.0;
  int rank = 0;
};

// A kind of instance (hardware x model x engine settings) the plan may use. `curve` applies to every
// class unless `classCurves` holds one curve per class (same order as PlanningInput::classes), as
// measured curves do: there class u's curve gives its latency against the summed rate of the classes
// ranked at or above it.
struct InstanceMode {
  std::string name;
  double cost = 1.0;
  std::int32_t maxInstances = 64;
  LatencyCurve curve;
  std::vector<LatencyCurve> classCurves;
  // Per class (PlanningInput order), its service floor here in seconds: the latency of its requests on
  // an otherwise idle instance, from the mode's iteration-time model (see serviceFloorS); empty, or 0
  // for a class, when unknown. The planner takes the larger of it and the curve's zero-load latency.
  std::vector<double> classFloorsS;

  const LatencyCurve& curveFor(std::size_t classIndex) const {
    return classCurves.empty() ? curve : classCurves.at(classIndex);
  }
  // The least latency the class can see here: its service floor, or the curve's zero-load latency when
  // that is higher.
  double floorFor(std::size_t classIndex) const {
    const double known = classIndex < classFloorsS.size() ? classFloorsS[classIndex] : 0.0;
    return std::max(known, curveFor(classIndex).zeroLoadLatencyS());
  }
};

enum class Objective : std::uint8_t { Instances, Cost };

std::string_view toString(Objective objective);
std::optional<Objective> objectiveFromString(std::string_view text);
inline constexpr std::string_view kObjectiveNames = "instances, cost";

// Which MILP the priority plan uses. Auto: the aggregated model (an integer count per mode) whenever it
// is exact, that is when in every mode a class's capacity never falls below that of a class ranked
// above it; otherwise one slot per possible instance with symmetry breaking. PerInstance forces the
// latter (for comparison and tests).
enum class Formulation : std::uint8_t { Auto, PerInstance };

// Limits of one solve. `timeLimitS` and `relativeGap` apply to each MILP (the plan and each baseline).
struct PlanOptions {
  Objective objective = Objective::Instances;
  double timeLimitS = 10.0;
  double relativeGap = 0.0;
  Formulation formulation = Formulation::Auto;
};

// Everything one plan is computed from. A plain value.
struct PlanningInput {
  std::vector<PlanningClass> classes;
  std::vector<InstanceMode> modes;
};

}  // namespace headroom::solver
