#pragma once

#include <nlohmann/json.hpp>

#include "engine/metrics/snapshot.h"

namespace headroom::engine {

// How a stored run's samples are kept: the totals of a Snapshot (everything but its series) as one JSON
// object {"time_s", "window_s", "arrived", "completed", "slo_met", "tokens_out", "classes": [the one
// ClassSnapshot encoding, classSnapshotToJson]}, and the per-class part of one SeriesWindow as a compact
// JSON array. Times in seconds, microsecond exact on the way back; an empty optional is null. Totals
// that older workspaces wrote ("time_us", SLO bounds in microseconds) are still read.
// The decoders throw std::runtime_error (InputError for a class) on a document of the wrong shape.
nlohmann::json totalsToJson(const Snapshot& totals);
Snapshot totalsFromJson(const nlohmann::json& document);

nlohmann::json windowClassesToJson(const std::vector<WindowClassStats>& classes);
std::vector<WindowClassStats> windowClassesFromJson(const nlohmann::json& document);

}  // namespace headroom::engine
