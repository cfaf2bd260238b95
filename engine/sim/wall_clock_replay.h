#pragma once

#include <functional>

#include "engine/sim/simulation.h"
#include "engine/workload/scenario.h"

namespace headroom::engine {

// Replays a scenario in real time against its executors: arrivals enter at their wall-clock times,
// routed by the scenario's router, and each instance iterates on its own thread (an InstanceDriver),
// running every batch on its executor (the CPU or CUDA model computes it; a modeled or constant one
// waits out its predicted time). Requests reach an instance's scheduler between its iterations, as in a serving engine. The
// metrics are those of the discrete-event Simulation, on the wall clock, so the two can be compared.
//
// Not deterministic (real time). `progress` (optional) hears the share of the arrival window done, on
// the calling thread. Blocks until the replay ends; owns and joins its threads. Throws what building
// the executors throws, or the first error an instance thread hit.
ReplayOutcome replayOnWallClock(const Scenario& scenario, const ReplayOptions& options,
                                const std::function<void(double)>& progress = {});

}  // namespace headroom::engine
