#include "solver/plan_json.h"

#include "solver/planner.h"

namespace headroom::solver {

using json = nlohmann::json;

namespace {

json optionalNumber(const std::optional<double>& value) { return value ? json(*value) : json(nullptr); }

json summary(const Plan& plan) {
  json out{{"status", toString(plan.status)},
           {"instances_total", plan.solutionFound ? json(plan.instancesTotal) : json(nullptr)},
           {"cost", plan.solutionFound ? json(plan.cost) : json(nullptr)},
           {"solve_time_s", plan.solveTimeS},
           {"relative_gap", plan.relativeGap},
           {"formulation", plan.formulation}};
  json perMode = json::object();
  for (std::size_t mode = 0; mode < plan.modeNames.size(); ++mode) perMode[plan.modeNames[mode]] = plan.instancesPerMode[mode];
  out["instances_per_mode"] = perMode;
  if (!plan.explanation.empty()) out["explanation"] = plan.explanation;
  if (!plan.infeasibleClasses.empty()) {
    json classes = json::array();
    for (const InfeasibleClass& cls : plan.infeasibleClasses) classes.push_back({{"name", cls.name}, {"reason", cls.reason}});
    out["infeasible_classes"] = classes;
  }
  if (!plan.belowServiceFloor.empty()) {
    json misses = json::array();
    for (const ServiceFloorMiss& miss : plan.belowServiceFloor) {
      misses.push_back({{"name", miss.className},
                        {"metric", toString(miss.metric)},
                        {"percentile", miss.percentile},
                        {"bound_s", miss.boundS},
                        {"mode", miss.mode},
                        {"floor_s", miss.floorS},
                        {"meeting_mode", miss.meetingMode.empty() ? json(nullptr) : json(miss.meetingMode)},
                        {"meeting_floor_s", miss.meetingMode.empty() ? json(nullptr) : json(miss.meetingFloorS)},
                        {"text", serviceFloorText(miss)}});
    }
    out["below_service_floor"] = misses;
  }
  return out;
}

}  // namespace

json toJson(const PlanReport& report, const PlanningInput& input, Objective objective,
            const std::optional<Verification>& verification) {
  const Plan& plan = report.recommended;
  json out = summary(plan);
  out["objective"] = toString(objective);
  json instances = json::array();
  for (const PlannedInstance& instance : plan.instances) {
    json rates = json::object();
    json latencies = json::object();
    for (std::size_t cls = 0; cls < instance.ratePerS.size(); ++cls) {
      if (instance.ratePerS[cls] <= 0.0) continue;
      rates[input.classes[cls].name] = instance.ratePerS[cls];
      latencies[input.classes[cls].name] = optionalNumber(instance.predictedLatencyS[cls]);
    }
    instances.push_back({{"mode", instance.mode}, {"rates_per_s", rates}, {"predicted_latency_s", latencies}});
  }
  out["instances"] = instances;
  json classes = json::array();
  for (std::size_t cls = 0; cls < input.classes.size(); ++cls) {
    const PlanningClass& spec = input.classes[cls];
    classes.push_back({{"name", spec.name},
                       {"rate_per_s", spec.ratePerS},
                       {"bound_s", spec.boundS},
                       {"metric", toString(spec.metric)},
                       {"percentile", spec.percentile},
                       {"rank", spec.rank},
                       {"predicted_latency_s", plan.predictedLatencyS.empty() ? json(nullptr)
                                                                              : optionalNumber(plan.predictedLatencyS[cls])}});
  }
  out["classes"] = classes;
  out["baselines"] = {{"fcfs", summary(report.fcfs)}, {"siloed", summary(report.siloed)}};
  if (verification) {
    json items = json::array();
    for (const ClassVerification& item : verification->classes) {
      items.push_back({{"name", item.name},
                       {"metric", toString(item.metric)},
                       {"percentile", item.percentile},
                       {"bound_s", item.boundS},
                       {"predicted_s", optionalNumber(item.predictedS)},
                       {"replayed_s", optionalNumber(item.replayedS)},
                       {"held", item.held},
                       {"missed_by_s", item.missedByS}});
    }
    out["verification"] = {{"all_held", verification->allHeld}, {"replays", verification->replays}, {"classes", items}};
  }
  return out;
}

}  // namespace headroom::solver
