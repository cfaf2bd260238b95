#pragma once

#include <nlohmann/json.hpp>

#include "engine/metrics/snapshot.h"

namespace headroom::engine {

// The full Snapshot as JSON, lossless: what a server's telemetry stream sends and a remote console
// decodes back into the same Snapshot. Times and latencies in seconds (microsecond exact on the way
// back); optional values are null. Layout:
// {"time_s", "window_s", "arrived", "completed", "slo_met", "tokens_out",
//  "classes": [{"name", "rank", "slo": {"ttft_s", "tbt_s", "ttlt_s", "percentile"}, "arrived", "completed",
//               "relegated", "preempted", "slo_met", "attainment", "tokens_out",
//               "queue"|"ttft"|"tbt"|"ttlt": {"count", "mean", "p50", "p90", "p95", "p99", "watched", "max"}}],
//  "series": [{"start_s", "end_s", "classes": [{"arrivals", "completions", "slo_met", "tokens_out",
//              "relegations", "queue"|"ttft"|"tbt"|"ttlt": {"p50", "watched"}}]}]}
nlohmann::json toSnapshotJson(const Snapshot& snapshot);

// The inverse of toSnapshotJson(). Throws std::invalid_argument naming the JSON path of the first field
// that is missing or of the wrong type.
Snapshot snapshotFromJson(const nlohmann::json& json);

}  // namespace headroom::engine
