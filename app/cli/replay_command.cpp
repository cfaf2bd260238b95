#include <iostream>

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
                             scenario.name, snapshot.arrived, outcome.durationS, scenario.pool.instances,
                             engine::toString(scenario.scheduler.policy), engine::toString(scenario.scheduler.chunking),
                             scenario.scheduler.relegation == engine::Relegation::On ? "on" : "off");
    printClassTable(std::cout, snapshot);
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
