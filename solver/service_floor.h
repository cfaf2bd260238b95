#pragma once

#include <cstddef>

#include "engine/exec/executor_spec.h"
#include "engine/workload/scenario.h"
#include "solver/planning_input.h"

namespace headroom::solver {

// A class's service floor on one mode: the watched percentile of its latency metric when each of its
// requests runs alone on an idle instance (no queue, nothing else in the batch). No load gives less,
// so a bound below it cannot be met on that mode by any number of instances. Computed by the engine's
// scheduler (the scenario's chunking and batch caps) on the mode's iteration-time model, over a fixed
// sample of the class's prompt and output lengths. Seconds; 0 for the queue metric. Reentrant. Throws
// std::runtime_error when the mode's model cannot be built.
double serviceFloorS(const engine::Scenario& scenario, const engine::ExecutorSpec& executor, std::size_t classIndex,
                     LatencyMetric metric, double percentile);

}  // namespace headroom::solver
