#pragma once

#include <string>

#include <CLI/CLI.hpp>

#include "app/cli/scenario_overrides.h"

namespace headroom::cli {

// Flags of `headroom-cli replay`.
struct ReplayArgs {
  std::string scenarioPath;
  ScenarioOverrides overrides;
  double rateScale = 1.0;
  std::string jsonPath;
  bool progress = false;
  bool noDrain = false;
};

// Flags of `headroom-cli capacity`.
struct CapacityArgs {
  std::string scenarioPath;
  ScenarioOverrides overrides;
  double targetAttainment = 0.99;
  double tolerance = 0.02;
  std::string jsonPath;
  bool progress = false;
};

// Each returns the process exit code; bad input throws (see main.cpp for the mapping).
int runReplay(const ReplayArgs& args);
int runCapacity(const CapacityArgs& args);

}  // namespace headroom::cli
