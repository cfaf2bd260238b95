#pragma once

#include <iosfwd>

#include "engine/metrics/snapshot.h"

namespace headroom::cli {

// Prints the per-class table of a replay (arrived, completed, relegated, attainment, queue/TTFT/judged
// TBT/TTLT p50/p95/p99, and the gap between tokens p50/p99) for a terminal.
void printClassTable(std::ostream& out, const engine::Snapshot& snapshot);

// "850us", "12.3ms", "4.56s", "1.2e+03s"; "-" for a metric without samples.
std::string formatSeconds(double seconds);

}  // namespace headroom::cli
