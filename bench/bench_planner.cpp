// Planner speed: CBC solve times for the seed's worked example and for 8 classes x 3 modes x up to 64
// instances each, on one core. Prints a table; see docs/PERFORMANCE.md.
#include <algorithm>
#include <iostream>
#include <random>
#include <string>

#include <CLI/CLI.hpp>
#include <spdlog/fmt/fmt.h>

#include "solver/planner.h"
#include "solver/planning_file.h"
#include "engine/core/resource_paths.h"

using namespace headroom::solver;

namespace {

// 8 classes whose ranks follow their bounds (tightest first), 3 modes of growing speed and cost, rates
// sized so that the plan needs tens of instances. `againstBounds` ranks classes in another order, which
// forces the per-instance model.
PlanningInput largeInput(std::uint32_t seed, bool againstBounds) {
  std::mt19937 random(seed);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  PlanningInput input;
  for (int c = 0; c < 8; ++c) {
    PlanningClass cls;
    cls.name = "class" + std::to_string(c);
    cls.boundS = 4.0 + 6.0 * c + 2.0 * unit(random);
    cls.ratePerS = 2.0 + 6.0 * unit(random);
    cls.rank = againstBounds ? (c * 3) % 8 : c;
    input.classes.push_back(cls);
  }
  for (int m = 0; m < 3; ++m) {
    InstanceMode mode;
    mode.name = "mode" + std::to_string(m);
    mode.cost = 1.0 + 1.3 * m + 0.2 * unit(random);
    mode.maxInstances = 64;
    const double saturation = 1.0 + 1.4 * m + 0.3 * unit(random);
    mode.curve = LatencyCurve({{0.0, 2.0 + unit(random)},
                               {0.4 * saturation, 6.0 + 2.0 * unit(random)},
                               {0.7 * saturation, 16.0 + 4.0 * unit(random)},
                               {0.9 * saturation, 30.0 + 5.0 * unit(random)},
                               {saturation, 60.0}});
    input.modes.push_back(mode);
  }
  return input;
}

struct Row {
  std::string name;
  Plan plan;
};

void printRow(const Row& row) {
  std::cout << fmt::format("{:<44} {:<13} {:<17} {:>9} {:>8.2f} {:>7.2f}% {:>10.4f}\n", row.name, row.plan.formulation,
                           toString(row.plan.status), row.plan.instancesTotal, row.plan.cost,
                           row.plan.relativeGap * 100.0, row.plan.solveTimeS);
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"bench_planner: CBC solve times of the capacity planner"};
  int seeds = 5;
  double timeLimitS = 10.0;
  double gap = 0.01;
  bool withAgainstBounds = true;
  app.add_option("--seeds", seeds, "Random large inputs per row kind (default 5)");
  app.add_option("--time-limit", timeLimitS, "CBC time limit per solve, seconds (default 10)");
  app.add_option("--gap", gap, "Relative gap for the large inputs (default 0.01)");
  app.add_flag("!--no-per-instance", withAgainstBounds, "Skip the inputs that need the per-instance model");
  CLI11_PARSE(app, argc, argv);

  std::cout << fmt::format("{:<44} {:<13} {:<17} {:>9} {:>8} {:>8} {:>10}\n", "input", "model", "status",
                           "instances", "cost", "gap", "solve s");
  const PlanningInput seed = loadPlanningFile(headroom::engine::resourceDir() / "plans" / "seed-example.json");
  PlanOptions exact;
  exact.timeLimitS = timeLimitS;
  for (Discipline discipline : {Discipline::Priority, Discipline::Fcfs, Discipline::Siloed}) {
    printRow({fmt::format("seed example, {}", toString(discipline)), solvePlan(seed, discipline, exact)});
  }
  PlanOptions large;
  large.timeLimitS = timeLimitS;
  large.relativeGap = gap;
  for (Objective objective : {Objective::Instances, Objective::Cost}) {
    large.objective = objective;
    for (int s = 0; s < seeds; ++s) {
      const PlanningInput input = largeInput(static_cast<std::uint32_t>(100 + s), false);
      for (Discipline discipline : {Discipline::Priority, Discipline::Fcfs, Discipline::Siloed}) {
        printRow({fmt::format("8x3x64 seed {} {} {}", s, toString(objective), toString(discipline)),
                  solvePlan(input, discipline, large)});
      }
      if (withAgainstBounds) {
        const PlanningInput shuffled = largeInput(static_cast<std::uint32_t>(100 + s), true);
        printRow({fmt::format("8x3x64 seed {} {} ranks vs bounds", s, toString(objective)),
                  solvePlan(shuffled, Discipline::Priority, large)});
      }
    }
  }
  return 0;
}
