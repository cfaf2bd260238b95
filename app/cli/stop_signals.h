#pragma once

#include <chrono>
#include <functional>

#include <csignal>

namespace headroom::cli {

// SIGINT and SIGTERM, taken synchronously by the long-running commands (serve, route).
// blockStopSignals() blocks them in the calling thread and every thread it starts afterwards; call it
// before starting any.
sigset_t blockStopSignals();
// Waits for one of them; returns its number.
int waitForSignal(const sigset_t& signals);

// The drain after a first signal: calls `drained(slice)` (wait up to `slice`, true once nothing is left
// to finish) until it says true, `drainTime` has passed, or a second signal came. True when drained.
bool waitForDrain(const sigset_t& signals, std::chrono::milliseconds drainTime,
                  const std::function<bool(std::chrono::milliseconds slice)>& drained);

}  // namespace headroom::cli
