#pragma once

#include <string_view>

#include <nlohmann/json.hpp>

#include "engine/metrics/snapshot.h"

namespace headroom::engine {

// The result of a replay as JSON, the shape headroom-cli prints and reports read:
// {"scenario", "requests", "duration_s", "goodput_per_s", "classes": [{"name", "arrived", "completed",
//  "relegated", "preempted", "slo_attainment", "queue_s", "ttft_s", "tbt_s", "ttlt_s"}]}
// where each latency is {"mean", "p50", "p90", "p95", "p99", "max"} in seconds, or null without
// samples, and slo_attainment is null while nothing completed. A pool of model tiers adds "groups" (the
// group names) and per class "completed_by_group" ({group: completions}) and "mean_reward" (null while
// nothing completed); without tiers neither appears. Same input, same output.
nlohmann::json toReplayJson(const Snapshot& snapshot, std::string_view scenarioName, double durationS);

}  // namespace headroom::engine
