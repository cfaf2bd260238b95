#include "app/cli/scenario_overrides.h"

#include "engine/core/duration_rule.h"
#include "engine/io/input_problems.h"
#include "engine/io/json_input.h"
#include "engine/pool/router_config.h"
#include "engine/sched/scheduler_config.h"

namespace headroom::cli {

void ScenarioOverrides::addTo(CLI::App& command) {
  command.add_option("--policy", policy, "Ordering policy: fcfs, priority, edf, srpf, hybrid");
  command.add_option("--chunking", chunking, "Chunking: none, fixed:N, dynamic");
  command.add_option("--alpha", alphaSPerToken, "Hybrid policy's alpha in seconds per token (0 = EDF)")
      ->check(CLI::NonNegativeNumber);
  command.add_option("--relegation", relegation, "Eager relegation: on or off")
      ->check(CLI::IsMember({"on", "off"}));
  command.add_option("--instances", instances, "Number of instances in the pool")->check(CLI::PositiveNumber);
  command.add_option("--router", router, "Router: round-robin, least-loaded, class-priority, weighted");
  command.add_option("--seed", seed, "Random seed (replaces the scenario's)");
  command.add_option("--duration", durationS, "Seconds of arrivals (replaces the scenario's duration_s)");
}

void ScenarioOverrides::applyTo(engine::Scenario& scenario) const {
  using namespace headroom::engine;
  if (policy) {
    const auto parsed = orderingPolicyFromString(*policy);
    if (!parsed) {
      throw CLI::ValidationError("--policy", "'" + *policy + "' is not one of " + std::string(kOrderingPolicyNames));
    }
    scenario.scheduler.policy = *parsed;
  }
  if (chunking) {
    const auto parsed = chunkingFromString(*chunking);
    if (!parsed) {
      throw CLI::ValidationError("--chunking", "'" + *chunking + "' is not one of " + std::string(kChunkingNames));
    }
    scenario.scheduler.chunking = *parsed;
  }
  if (alphaSPerToken) scenario.scheduler.alphaSPerToken = *alphaSPerToken;
  if (relegation) scenario.scheduler.relegation = *relegation == "on" ? Relegation::On : Relegation::Off;
  if (router) {
    const auto parsed = routerKindFromString(*router);
    if (!parsed) {
      throw CLI::ValidationError("--router", "'" + *router + "' is not one of " + std::string(kRouterNames));
    }
    scenario.pool.router = *parsed;
  }
  if (instances) {
    if (scenario.pool.router == RouterKind::Weighted && *instances != scenario.pool.instances) {
      throw CLI::ValidationError("--instances", "the weighted router's shares are per instance: change them in the "
                                                "scenario's pool.weights, or pick another --router");
    }
    scenario.pool.instances = *instances;
  }
  if (scenario.pool.router == RouterKind::Weighted && scenario.pool.weights.empty()) {
    throw CLI::ValidationError("--router", "weighted needs per-class shares in the scenario's pool.weights");
  }
  if (seed) scenario.seed = *seed;
  if (durationS) {
    if (const auto problem = checkPositiveSeconds(*durationS)) {
      throw CLI::ValidationError("--duration", engine::JsonInput::formatNumber(*durationS) + " " + englishText(*problem));
    }
    scenario.durationS = *durationS;
  }
}

}  // namespace headroom::cli
