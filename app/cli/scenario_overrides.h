#pragma once

#include <optional>
#include <string>

#include <CLI/CLI.hpp>

#include "engine/workload/scenario.h"

namespace headroom::cli {

// The scenario flags shared by `replay` and `capacity`: each one, when given, replaces the scenario's
// own setting. Validated when applied; a bad value throws CLI::ValidationError naming the flag.
struct ScenarioOverrides {
  std::optional<std::string> policy;
  std::optional<std::string> chunking;
  std::optional<double> alphaSPerToken;
  std::optional<std::string> relegation;
  std::optional<int> instances;
  std::optional<std::string> router;
  std::optional<std::uint64_t> seed;
  std::optional<double> durationS;

  void addTo(CLI::App& command);
  void applyTo(engine::Scenario& scenario) const;
};

}  // namespace headroom::cli
