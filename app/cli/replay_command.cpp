#include <algorithm>
#include <iostream>
#include <optional>
#include <string>

#include <spdlog/fmt/fmt.h>
#include <spdlog/spdlog.h>

#include "app/cli/class_table.h"
#include "app/cli/commands.h"
#include "app/cli/output_file.h"
#include "engine/metrics/replay_json.h"
#include "engine/sim/simulation.h"
#include "engine/sim/wall_clock_replay.h"

namespace headroom::cli {

namespace {

void printProgress(double fraction) {
  std::cerr << fmt::format("\rreplaying: {:5.1f}%", fraction * 100.0) << (fraction >= 1.0 ? "\n" : "") << std::flush;
}

void applyExecutorFlags(const ReplayArgs& args, engine::ExecutorSpec& executor) {
  if (args.executor == "cpu") executor.kind = engine::ExecutorKind::Cpu;
  if (args.executor == "cuda") executor.kind = engine::ExecutorKind::Cuda;
  if (args.executor == "modeled") executor.kind = engine::ExecutorKind::Modeled;
  if (!args.model.empty()) executor.model = args.model;
  if (!args.weights.empty()) executor.weights = args.weights;
  if (!args.profile.empty()) executor.profile = args.profile;
  if (executor.kind == engine::ExecutorKind::Cpu || executor.kind == engine::ExecutorKind::Cuda) {
    if (executor.model.empty()) throw CLI::ValidationError("--model", "the " + args.executor + " executor needs a model");
  }
}

// The flag's tier router, for a pool of several groups only.
std::optional<engine::TierRouterSpec> tierRouterFlag(const ReplayArgs& args, const engine::Scenario& scenario) {
  if (args.tierRouter.empty()) return std::nullopt;
  auto spec = engine::parseTierRouterSpec(args.tierRouter);
  if (!spec) {
    throw CLI::ValidationError("--tier-router", "must be one of: " + std::string(engine::kTierRouterForms) +
                                                    "; got " + args.tierRouter);
  }
  if (engine::poolGroups(scenario).size() < 2) {
    throw CLI::ValidationError("--tier-router", "the pool of " + scenario.name +
                                                    " has one group; a tier router chooses between groups, got " + args.tierRouter);
  }
  return spec;
}

std::int32_t totalInstances(const engine::Scenario& scenario) {
  std::int32_t instances = 0;
  for (const engine::PoolGroup& group : engine::poolGroups(scenario)) instances += group.pool.instances;
  return instances;
}

// Per class the mean reward and the share of its completions each group served.
void printModelMix(std::ostream& out, const engine::Snapshot& snapshot) {
  out << "\nmodel tiers: mean reward per completion and model mix (share of completions per group)\n";
  std::size_t nameWidth = 5;
  for (const engine::ClassSnapshot& cls : snapshot.classes) nameWidth = std::max(nameWidth, cls.name.size());
  out << fmt::format("{:<{}}  {:>11}  {}\n", "class", nameWidth, "mean reward", "model mix");
  for (const engine::ClassSnapshot& cls : snapshot.classes) {
    std::string mix;
    for (std::size_t g = 0; g < snapshot.groupNames.size() && g < cls.completedByGroup.size(); ++g) {
      const double share = cls.completed > 0 ? static_cast<double>(cls.completedByGroup[g]) /
                                                   static_cast<double>(cls.completed)
                                             : 0.0;
      mix += fmt::format("{}{} {:.1f}%", mix.empty() ? "" : ", ", snapshot.groupNames[g], share * 100.0);
    }
    const std::string reward = cls.meanReward ? fmt::format("{:.4f}", *cls.meanReward) : "-";
    out << fmt::format("{:<{}}  {:>11}  {}\n", cls.name, nameWidth, reward, mix);
  }
}

}  // namespace

int runReplay(const ReplayArgs& args) {
  engine::Scenario scenario = engine::loadScenario(args.scenarioPath);
  args.overrides.applyTo(scenario);
  const bool wallClock = !args.executor.empty();
  if (!wallClock && (!args.model.empty() || !args.weights.empty() || !args.profile.empty())) {
    throw CLI::ValidationError("--model/--weights/--profile", "only with --executor (a wall-clock replay)");
  }
  if (wallClock) applyExecutorFlags(args, scenario.executor);
  engine::ReplayOptions options;
  options.rateScale = args.rateScale;
  options.drain = !args.noDrain;
  options.tierRouter = tierRouterFlag(args, scenario);
  const bool tiers = engine::poolGroups(scenario).size() > 1;
  if (tiers && wallClock) throw CLI::ValidationError("--executor", "a pool of several groups replays on the virtual clock only");
  spdlog::info("replaying {} ({} classes, {} instances, policy {}, chunking {}, rate x{})", scenario.name,
               scenario.classes.size(), scenario.pool.instances, engine::toString(scenario.scheduler.policy),
               engine::toString(scenario.scheduler.chunking), args.rateScale);
  const auto progress = args.progress ? printProgress : std::function<void(double)>{};
  const engine::ReplayOutcome outcome = wallClock ? engine::replayOnWallClock(scenario, options, progress)
                                                  : engine::replay(scenario, options, progress);
  const engine::Snapshot& snapshot = *outcome.snapshot;

  const bool jsonToStdout = args.jsonPath == "-";
  if (!args.jsonPath.empty()) {
    writeOutput(args.jsonPath, engine::toReplayJson(snapshot, scenario.name, outcome.durationS).dump(2) + "\n");
  }
  if (!jsonToStdout) {
    std::cout << fmt::format("{}: {} requests over {:.0f} s, {} instance(s), policy {}, chunking {}, relegation {}\n",
                             scenario.name, snapshot.arrived, outcome.durationS, totalInstances(scenario),
                             engine::toString(scenario.scheduler.policy), engine::toString(scenario.scheduler.chunking),
                             scenario.scheduler.relegation == engine::Relegation::On ? "on" : "off");
    printClassTable(std::cout, snapshot);
    if (tiers) {
      printModelMix(std::cout, snapshot);
      std::string groups;
      for (const engine::PoolGroup& group : engine::poolGroups(scenario)) {
        groups += fmt::format("{}{} ({} x {})", groups.empty() ? "" : ", ", group.name, group.pool.instances,
                              group.executor.model);
      }
      std::cout << fmt::format("tier router: {}; groups {}\n",
                               options.tierRouter ? engine::toString(*options.tierRouter) : scenario.tierRouter, groups);
    }
    if (wallClock) {
      std::cout << fmt::format("goodput {:.3f} req/s; ran {:.1f} s on the wall clock in {} iterations ({} executor)\n",
                               snapshot.goodputPerS(outcome.durationS), outcome.simulatedS, outcome.iterations,
                               args.executor);
    } else {
      std::cout << fmt::format("goodput {:.3f} req/s; simulated {:.0f} s in {} iterations\n",
                               snapshot.goodputPerS(outcome.durationS), outcome.simulatedS, outcome.iterations);
    }
  }
  return 0;
}

}  // namespace headroom::cli
