#include <iostream>

#include <spdlog/fmt/fmt.h>

#include "app/cli/class_table.h"
#include "app/cli/commands.h"
#include "app/cli/output_file.h"
#include "engine/metrics/replay_json.h"
#include "engine/sim/capacity_search.h"

namespace headroom::cli {

int runCapacity(const CapacityArgs& args) {
  engine::Scenario scenario = engine::loadScenario(args.scenarioPath);
  args.overrides.applyTo(scenario);
  engine::CapacityOptions options;
  options.targetAttainment = args.targetAttainment;
  options.relativeTolerance = args.tolerance;
  auto onProbe = [&](const engine::CapacityProbe& probe) {
    if (args.progress) {
      std::cerr << fmt::format("probe {:2}: rate x{:.4f} {}\n", probe.index, probe.rateScale,
                               probe.meetsTarget ? "meets the target" : "misses");
    }
  };
  const engine::CapacityResult result = engine::findCapacity(scenario, options, onProbe);
  if (!result.found) {
    std::cerr << fmt::format("{}: no rate scale down to x{} keeps every class at {:.1f}% attainment\n", scenario.name,
                             options.minRateScale, args.targetAttainment * 100.0);
    return 1;
  }
  const engine::Snapshot& snapshot = *result.atCapacity.snapshot;
  if (!args.jsonPath.empty()) {
    nlohmann::json json = engine::toReplayJson(snapshot, scenario.name, result.atCapacity.durationS);
    json["rate_scale"] = result.rateScale;
    json["target_attainment"] = args.targetAttainment;
    writeOutput(args.jsonPath, json.dump(2) + "\n");
  }
  if (args.jsonPath != "-") {
    std::cout << fmt::format("{}: capacity x{:.3f} of the scenario's rates{} (policy {}, chunking {}, relegation {}; "
                             "{} replays)\n",
                             scenario.name, result.rateScale, result.saturated ? " or more" : "",
                             engine::toString(scenario.scheduler.policy), engine::toString(scenario.scheduler.chunking),
                             scenario.scheduler.relegation == engine::Relegation::On ? "on" : "off", result.replays);
    printClassTable(std::cout, snapshot);
    std::cout << fmt::format("goodput {:.3f} req/s at capacity\n",
                             snapshot.goodputPerS(result.atCapacity.durationS));
  }
  return 0;
}

}  // namespace headroom::cli
