#pragma once

#include "engine/metrics/snapshot.h"
#include "engine/workload/scenario.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace headroom::engine {

// A run's id inside one workspace (its SQLite rowid; positive).
using RunId = std::int64_t;
// A stored plan's id inside one workspace (positive).
using PlanId = std::int64_t;

// How a stored run ended. Interrupted: the process died while it ran (found still Running on open);
// what was saved up to the last sample is kept.
enum class RunStatus : std::uint8_t { Running, Finished, Stopped, Failed, Interrupted };

std::string_view toString(RunStatus status);
// The inverse of toString ("running", "finished", "stopped", "failed", "interrupted").
std::optional<RunStatus> runStatusFromString(std::string_view text);

// One row of the workspace's run list.
struct RunSummary {
  RunId id = 0;
  std::string name;          // e.g. "demo 2026-11-21 14:03"
  std::string scenarioName;
  std::string startedAtUtc;  // ISO 8601, e.g. "2026-11-21T14:03:07Z"
  double simulatedS = 0.0;   // virtual time reached by the last saved sample
  double durationS = 0.0;    // the scenario's planned duration
  RunStatus status = RunStatus::Running;
  // The settings the run list shows beside each run: the pool's instance count and the instances'
  // ordering policy (as the scenario names it, e.g. "hybrid"), and the overall SLO attainment of the
  // last saved totals (sloMet / completed; empty while nothing completed).
  std::int32_t instances = 0;
  std::string policy;
  std::optional<double> attainment;
  // The stored plan applied to the pool when the run started, if any.
  std::optional<PlanId> planId;
};

// A whole stored run, as reports and comparisons read it: the settings it ran with, the last saved
// totals and every saved window of its time series (totals.series), and the plan applied to the pool
// when it started, if any (the solver's plan JSON).
struct RunRecord {
  RunSummary summary;
  Scenario scenario;
  Snapshot totals;
  std::optional<nlohmann::json> plan;
};

}  // namespace headroom::engine
