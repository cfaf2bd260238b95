// Replay speed: simulated requests per second of wall time on one core, for a pool of modeled
// instances under a steady three-class load. Prints a table; see docs/PERFORMANCE.md.
#include <sys/resource.h>

#include <chrono>
#include <iostream>

#include <CLI/CLI.hpp>
#include <spdlog/fmt/fmt.h>

#include "engine/sim/simulation.h"

using namespace headroom::engine;

namespace {

LengthSpec lognormal(double median, double p90, std::int32_t max) {
  LengthSpec spec;
  spec.kind = LengthKind::Lognormal;
  spec.median = median;
  spec.p90 = p90;
  spec.max = max;
  return spec;
}

Scenario benchScenario(std::int32_t instances, double ratePerS, double durationS, OrderingPolicy policy) {
  Scenario scenario;
  scenario.name = "bench-replay";
  scenario.seed = 7;
  scenario.durationS = durationS;
  scenario.executor.kind = ExecutorKind::Modeled;
  scenario.executor.model = "llama-3.1-8b";
  scenario.executor.hardware = "h100-sxm";
  scenario.pool.instances = instances;
  scenario.pool.router = RouterKind::LeastLoaded;
  scenario.scheduler.policy = policy;
  scenario.scheduler.chunking = {ChunkingMode::Dynamic, 0};
  const char* names[] = {"interactive", "standard", "batch"};
  for (int c = 0; c < 3; ++c) {
    ClassSpec spec;
    spec.qos.name = names[c];
    spec.qos.rank = c;
    if (c == 0) {
      spec.qos.slo.ttft = std::chrono::seconds(2);
      spec.qos.slo.tbt = std::chrono::milliseconds(100);
    } else {
      spec.qos.slo.ttlt = std::chrono::seconds(c == 1 ? 120 : 900);
    }
    spec.arrival.kind = ArrivalKind::Poisson;
    spec.arrival.ratePerS = ratePerS / 3.0;
    spec.promptTokens = lognormal(256, 1024, 4096);
    spec.outputTokens = lognormal(48, 192, 1024);
    scenario.classes.push_back(spec);
  }
  return scenario;
}

long peakRssMiB() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"bench_replay: simulated requests per second of one core"};
  std::int64_t requests = 1'000'000;
  std::int32_t instances = 16;
  double ratePerInstance = 20.0;
  app.add_option("--requests", requests, "Requests to replay (about)")->check(CLI::PositiveNumber);
  app.add_option("--instances", instances, "Instances in the pool")->check(CLI::PositiveNumber);
  app.add_option("--rate-per-instance", ratePerInstance, "Arrivals per second per instance")
      ->check(CLI::PositiveNumber);
  CLI11_PARSE(app, argc, argv);

  const double ratePerS = ratePerInstance * instances;
  const double durationS = static_cast<double>(requests) / ratePerS;
  const Scenario scenario = benchScenario(instances, ratePerS, durationS, OrderingPolicy::Hybrid);

  const auto start = std::chrono::steady_clock::now();
  const ReplayOutcome outcome = replay(scenario, ReplayOptions{});
  const double wallS = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

  const Snapshot& snapshot = *outcome.snapshot;
  std::cout << fmt::format("{:<34}{:>16}\n", "metric", "value");
  std::cout << std::string(50, '-') << '\n';
  auto row = [](const std::string& name, const std::string& value) {
    std::cout << fmt::format("{:<34}{:>16}\n", name, value);
  };
  row("instances", std::to_string(instances));
  row("requests replayed", std::to_string(snapshot.arrived));
  row("output tokens simulated", std::to_string(snapshot.tokensOut));
  row("iterations simulated", std::to_string(outcome.iterations));
  row("simulated time (s)", fmt::format("{:.0f}", outcome.simulatedS));
  row("wall time (s)", fmt::format("{:.2f}", wallS));
  row("simulated requests / wall s", fmt::format("{:.0f}", snapshot.arrived / wallS));
  row("simulated iterations / wall s", fmt::format("{:.0f}", outcome.iterations / wallS));
  row("SLO attainment, all classes", fmt::format("{:.2f}%", 100.0 * snapshot.sloMet /
                                                                std::max<std::int64_t>(1, snapshot.completed)));
  row("peak RSS (MiB)", std::to_string(peakRssMiB()));
  return 0;
}
