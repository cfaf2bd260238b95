#include <iostream>

#include <spdlog/fmt/fmt.h>
#include <spdlog/spdlog.h>

#include "app/cli/class_table.h"
#include "app/cli/commands.h"
#include "app/cli/output_file.h"
#include "engine/metrics/replay_json.h"
#include "engine/sim/simulation.h"

namespace headroom::cli {

namespace {

void printProgress(double fraction) {
  std::cerr << fmt::format("\rreplaying: {:5.1f}%", fraction * 100.0) << (fraction >= 1.0 ? "\n" : "") << std::flush;
}

}  // namespace

int runReplay(const ReplayArgs& args) {
  engine::Scenario scenario = engine::loadScenario(args.scenarioPath);
  args.overrides.applyTo(scenario);
  engine::ReplayOptions options;
  options.rateScale = args.rateScale;
  options.drain = !args.noDrain;
  spdlog::info("replaying {} ({} classes, {} instances, policy {}, chunking {}, rate x{})", scenario.name,
               scenario.classes.size(), scenario.pool.instances, engine::toString(scenario.scheduler.policy),
               engine::toString(scenario.scheduler.chunking), args.rateScale);
  const engine::ReplayOutcome outcome =
      engine::replay(scenario, options, args.progress ? printProgress : std::function<void(double)>{});
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
    std::cout << fmt::format("goodput {:.3f} req/s; simulated {:.0f} s in {} iterations\n",
                             snapshot.goodputPerS(outcome.durationS), outcome.simulatedS, outcome.iterations);
  }
  return 0;
}

}  // namespace headroom::cli
