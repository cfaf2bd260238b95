#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "solver/latency_curve.h"

namespace headroom::solver::detail {

// 16 hex digits: FNV-1a 64 of `description`.
std::string cacheKey(const std::string& description);

// The curves stored under `key`, or empty when absent, unreadable or of another shape (a damaged cache
// entry is ignored, never trusted).
std::optional<std::vector<LatencyCurve>> readCachedCurves(const std::filesystem::path& dir, const std::string& key,
                                                          std::size_t classes);

// Stores the curves under `key`: written beside the target and renamed into place. Failing to write
// the cache is not an error (the plan does not depend on it); it is logged.
void writeCachedCurves(const std::filesystem::path& dir, const std::string& key, const std::vector<LatencyCurve>& curves);

}  // namespace headroom::solver::detail
