#pragma once

#include <nlohmann/json.hpp>

#include "engine/io/json_input.h"
#include "engine/metrics/snapshot.h"

namespace headroom::engine {

// The full Snapshot as JSON, lossless: what a server's telemetry stream sends and a remote console
// decodes back into the same Snapshot. Times and latencies in seconds (microsecond exact on the way
// back); optional values are null. Layout:
// {"time_s", "window_s", "arrived", "completed", "slo_met", "tokens_out",
//  "classes": [{"name", "rank", "slo" (sloToJson), "arrived", "completed",
//               "relegated", "preempted", "slo_met", "attainment", "tokens_out",
//               "queue"|"ttft"|"tbt"|"token_gap"|"ttlt": {"count", "mean", "p50", "p90", "p95", "p99", "watched",
//                                                          "max"}}],
//  "series": [{"start_s", "end_s", "classes": [{"arrivals", "completions", "slo_met", "tokens_out",
//              "relegations", "queue"|"ttft"|"tbt"|"token_gap"|"ttlt": {"p50", "watched"}}]}]}
// A pool of model tiers (Snapshot::groupNames not empty) adds "group_names" at the top, per class
// "completed_by_group" (counts in group order), "reward_sum" and "mean_reward" (null while nothing
// completed), and per window class "completed_by_group" and "reward_sum"; without tiers none of them is
// written, and a document without them reads as a pool without tiers.
// "tbt" is the judged TBT (ClassSnapshot::tbt), "token_gap" every gap between tokens; a document without
// "token_gap" (written before it existed) reads as one with no gaps recorded.
nlohmann::json toSnapshotJson(const Snapshot& snapshot);

// The inverse of toSnapshotJson(). Throws InputError ("snapshot JSON", or the source `input` names) at
// the pointer of the first field that is missing or of the wrong type.
Snapshot snapshotFromJson(const nlohmann::json& json);
Snapshot snapshotFromJson(const JsonInput& input, const nlohmann::json& json, const JsonPointer& at);

// One class of a snapshot, the one encoding of ClassSnapshot (the snapshot's "classes" items; also a
// stored run's totals in the workspace).
nlohmann::json classSnapshotToJson(const ClassSnapshot& cls);
ClassSnapshot classSnapshotFromJson(const JsonInput& input, const nlohmann::json& object, const JsonPointer& at);

}  // namespace headroom::engine
