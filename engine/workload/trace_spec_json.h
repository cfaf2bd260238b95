#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/io/json_input.h"
#include "engine/workload/scenario.h"
#include "engine/workload/scenario_json.h"

namespace headroom::engine {

// The JSON encoding of a scenario's trace: {"path", "format": azure | burstgpt | headroom, "class_mix":
// {class name: share >= 0} (formats without a class column)}. A relative path resolves against the
// folder of the input's file; the path is written as stored (absolute once loaded).
nlohmann::json traceSpecToJson(const TraceSpec& trace);

// A trace read from a scenario, and with TraceFileCheck::Required the seconds from the first to just
// past the last arrival of the trace file (for a scenario that gives no duration_s).
struct ScenarioTrace {
  TraceSpec spec;
  std::optional<double> traceDurationS;
};

ScenarioTrace traceSpecFromJson(const JsonInput& input, const nlohmann::json& object, const JsonPointer& at,
                                const std::vector<std::string>& classNames, TraceFileCheck traceCheck);

}  // namespace headroom::engine
