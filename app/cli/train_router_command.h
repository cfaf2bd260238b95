#pragma once

#include <cstdint>
#include <string>

#include <CLI/CLI.hpp>

namespace headroom::cli {

// Flags of `headroom-cli train-router`.
struct TrainRouterArgs {
  std::string scenarioPath;
  std::string outPath;
  std::int64_t decisions = 1'200'000;
  std::uint64_t seed = 1;
  bool progress = false;
};

CLI::App* addTrainRouterCommand(CLI::App& app, TrainRouterArgs& args);
// Trains a learned tier router for the scenario's pool in the simulator and writes the policy (atomically).
// Bad input (a pool of one group, an unwritable --out) throws InputError or std::invalid_argument;
// returns the exit code.
int runTrainRouter(const TrainRouterArgs& args);

}  // namespace headroom::cli
