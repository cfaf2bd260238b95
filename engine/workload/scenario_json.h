#pragma once

#include <cstdint>
#include <filesystem>

#include <nlohmann/json.hpp>

#include "engine/workload/scenario.h"

namespace headroom::engine {

// A scenario as the JSON document of resources/scenarios/*.json. Every field of Scenario is written
// (defaults included) except `file`, so scenarioFromJson(scenarioToJson(s), s.file) gives back s. Times
// are seconds; the trace path is written as stored (absolute once loaded).
nlohmann::json scenarioToJson(const Scenario& scenario);

// Validates a scenario document and builds the Scenario. `origin` names where the document came from:
// it becomes Scenario::file, error messages name it, and relative trace paths resolve against its
// folder. Throws InputError (origin, JSON pointer, what is allowed, what was found) on any problem, including a
// trace file that cannot be read.
Scenario scenarioFromJson(const nlohmann::json& document, const std::filesystem::path& origin);

// Whether scenarioFromJson reads a scenario's trace file. Skipped: for stored scenarios (a workspace's
// setup, a past run's settings) that must stay readable when the trace file has moved; the path is
// kept as written and duration_s is then required.
enum class TraceFileCheck : std::uint8_t { Required, Skipped };

Scenario scenarioFromJson(const nlohmann::json& document, const std::filesystem::path& origin,
                          TraceFileCheck traceCheck);

}  // namespace headroom::engine
