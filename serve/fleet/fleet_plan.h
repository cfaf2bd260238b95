#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/metrics/latency_metric.h"

namespace headroom::serve {

// A class as the plan states it: its demand, its bound on one latency metric at a percentile, and its
// rank (0 = most urgent).
struct FleetClass {
  std::string name;
  double ratePerS = 0.0;
  double boundS = 0.0;
  engine::LatencyMetric metric = engine::LatencyMetric::Ttlt;
  double percentile = 95.0;
  int rank = 0;
};

// A mode of the plan with its planned instance count and, per class (FleetPlan::classes order), the
// requests per second its instances carry together.
struct FleetMode {
  std::string name;
  std::int32_t instances = 0;
  std::vector<double> classRatePerS;
};

// What `headroom-cli deploy` takes from a plan (`headroom-cli plan --json`): the classes, and per mode
// its instances and per-class rates. Modes with no instance are kept (they get no manifests). A plain
// value.
struct FleetPlan {
  std::vector<FleetClass> classes;
  std::vector<FleetMode> modes;

  std::int32_t instancesTotal() const;
};

// Reads a plan as `headroom-cli plan --json` writes it ("status", "instances_per_mode", "instances":
// [{"mode", "rates_per_s"}], "classes": [{"name", "rate_per_s", "bound_s", "metric", "percentile",
// "rank"}]). A plan without a solution, a class or mode named twice, an instance of an unknown mode or a
// rate of an unknown class throw engine::InputError naming the file and the field.
FleetPlan loadFleetPlan(const std::filesystem::path& file);
FleetPlan parseFleetPlan(const nlohmann::json& root, const std::filesystem::path& file);

}  // namespace headroom::serve
