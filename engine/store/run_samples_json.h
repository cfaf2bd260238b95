#pragma once

#include <nlohmann/json.hpp>

#include "engine/metrics/snapshot.h"

namespace headroom::engine {

// How a stored run's samples are kept: the totals of a Snapshot (everything but its series) as one JSON
// object, and the per-class part of one SeriesWindow as a compact JSON array. Numbers round-trip
// exactly (integers as integers, doubles with enough digits); an empty optional is null.
// The decoders throw std::runtime_error on a document of the wrong shape.
nlohmann::json totalsToJson(const Snapshot& totals);
Snapshot totalsFromJson(const nlohmann::json& document);

nlohmann::json windowClassesToJson(const std::vector<WindowClassStats>& classes);
std::vector<WindowClassStats> windowClassesFromJson(const nlohmann::json& document);

}  // namespace headroom::engine
