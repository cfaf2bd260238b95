#include <fstream>
#include <iostream>
#include <optional>

#include <nlohmann/json.hpp>
#include <spdlog/fmt/fmt.h>

#include "app/cli/commands.h"
#include "app/cli/output_file.h"
#include "engine/io/json_input.h"
#include "solver/plan_json.h"
#include "solver/planner.h"
#include "solver/planning_file.h"
#include "solver/planning_scenario.h"

namespace headroom::cli {

namespace {

constexpr int kExitNoPlanInTime = 1;
constexpr int kExitInfeasible = 3;

std::string latencyText(const std::optional<double>& seconds) {
  return seconds ? fmt::format("{:.4g} s", *seconds) : std::string("-");
}

void printPlan(std::ostream& out, const solver::PlanReport& report, const solver::PlanningInput& input) {
  const solver::Plan& plan = report.recommended;
  out << fmt::format("plan ({} routing): {}", solver::toString(plan.discipline), solver::toString(plan.status));
  if (plan.solutionFound) {
    out << fmt::format(", {} instance(s), cost {:g}", plan.instancesTotal, plan.cost);
    if (plan.relativeGap > 0.0) out << fmt::format(", gap {:.2f}%", plan.relativeGap * 100.0);
  }
  out << fmt::format(" ({} model, {:.3f} s)\n", plan.formulation, plan.solveTimeS);
  if (!plan.explanation.empty()) out << "  " << plan.explanation << '\n';
  for (const solver::InfeasibleClass& cls : plan.infeasibleClasses) {
    if (plan.explanation.rfind(cls.name + ": ", 0) != 0) out << "  " << cls.name << ": " << cls.reason << '\n';
  }
  for (const solver::ServiceFloorMiss& miss : plan.belowServiceFloor) {
    if (!miss.meetingMode.empty()) out << "  " << miss.className << ": " << solver::serviceFloorText(miss) << '\n';
  }
  if (plan.solutionFound && !plan.instances.empty()) {
    out << fmt::format("{:<4} {:<24} {}\n", "#", "mode", "rate per class (req/s) -> predicted latency");
    for (std::size_t i = 0; i < plan.instances.size(); ++i) {
      const solver::PlannedInstance& instance = plan.instances[i];
      std::string shares;
      for (std::size_t cls = 0; cls < instance.ratePerS.size(); ++cls) {
        if (instance.ratePerS[cls] <= 0.0) continue;
        shares += fmt::format("{}{} {:.4g} -> {}", shares.empty() ? "" : ", ", input.classes[cls].name,
                              instance.ratePerS[cls], latencyText(instance.predictedLatencyS[cls]));
      }
      out << fmt::format("{:<4} {:<24} {}\n", i + 1, instance.mode, shares);
    }
    out << fmt::format("{:<16} {:>10} {:>4} {:>20} {:>12}\n", "class", "rate/s", "rank", "bound", "predicted");
    for (std::size_t cls = 0; cls < input.classes.size(); ++cls) {
      const solver::PlanningClass& spec = input.classes[cls];
      out << fmt::format("{:<16} {:>10.4g} {:>4} {:>20} {:>12}\n", spec.name, spec.ratePerS, spec.rank,
                         fmt::format("p{:g} {} {:g} s", spec.percentile, engine::toString(spec.metric), spec.boundS),
                         latencyText(plan.predictedLatencyS[cls]));
    }
  }
  out << fmt::format("{:<10} {:<18} {:>9} {:>8}\n", "routing", "status", "instances", "cost");
  for (const solver::Plan* each : {&report.recommended, &report.fcfs, &report.siloed}) {
    out << fmt::format("{:<10} {:<18} {:>9} {:>8}\n", solver::toString(each->discipline), solver::toString(each->status),
                       each->solutionFound ? std::to_string(each->instancesTotal) : "-",
                       each->solutionFound ? fmt::format("{:g}", each->cost) : "-");
  }
}

void printVerification(std::ostream& out, const solver::Verification& verification) {
  out << fmt::format("verification by replay ({} replay(s)): {}\n", verification.replays,
                     verification.allHeld ? "every class within its bound" : "some class missed its bound");
  out << fmt::format("{:<16} {:>20} {:>12} {:>12}  {}\n", "class", "bound", "predicted", "replayed", "result");
  for (const solver::ClassVerification& item : verification.classes) {
    out << fmt::format("{:<16} {:>20} {:>12} {:>12}  {}\n", item.name,
                       fmt::format("p{:g} {} {:g} s", item.percentile, engine::toString(item.metric), item.boundS),
                       latencyText(item.predictedS), latencyText(item.replayedS),
                       item.held ? "held" : fmt::format("missed by {:.4g} s", item.missedByS));
  }
}

}  // namespace

int runPlan(const PlanArgs& args) {
  const nlohmann::json root = engine::JsonInput::loadFile(args.inputPath, "planning file");
  solver::PlanOptions options;
  options.objective = *solver::objectiveFromString(args.objective);
  options.timeLimitS = args.timeLimitS;
  options.relativeGap = args.relativeGap;

  auto progress = [&](const std::string& line) {
    if (args.progress) std::cerr << line << '\n';
  };
  solver::PlanningInput input;
  std::optional<solver::PlanningScenario> scenario;
  if (solver::looksLikeScenario(root)) {
    scenario = solver::loadPlanningScenario(args.inputPath);
    solver::CurveSweepOptions sweep;
    sweep.useCache = !args.noCache;
    input = solver::planningInputFromScenario(*scenario, sweep, progress);
  } else {
    if (args.verify) {
      throw std::invalid_argument(args.inputPath + ": --verify needs a scenario; a planning file has no workload to "
                                                   "replay (give the scenario the curves came from)");
    }
    input = solver::loadPlanningFile(args.inputPath);
  }

  const solver::PlanReport report = solver::planCapacity(input, options);
  std::optional<solver::Verification> verification;
  if (args.verify && report.recommended.solutionFound) {
    verification = solver::verifyPlan(*scenario, input, report.recommended, progress);
  }
  if (!args.jsonPath.empty()) {
    writeOutput(args.jsonPath, solver::toJson(report, input, options.objective, verification).dump(2) + "\n");
  }
  if (args.jsonPath != "-") {
    printPlan(std::cout, report, input);
    if (verification) printVerification(std::cout, *verification);
  }
  if (report.recommended.status == solver::PlanStatus::Infeasible) {
    std::cerr << "infeasible: " << report.recommended.explanation << '\n';
    return kExitInfeasible;
  }
  if (!report.recommended.solutionFound) {
    std::cerr << "no plan: " << report.recommended.explanation << '\n';
    return kExitNoPlanInTime;
  }
  return 0;
}

}  // namespace headroom::cli
