#include "app/cli/stop_signals.h"

#include <algorithm>
#include <ctime>

#include <pthread.h>
#include <spdlog/spdlog.h>

namespace headroom::cli {

sigset_t blockStopSignals() {
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  return signals;
}

int waitForSignal(const sigset_t& signals) {
  int received = 0;
  sigwait(&signals, &received);
  return received;
}

bool waitForDrain(const sigset_t& signals, std::chrono::milliseconds drainTime,
                  const std::function<bool(std::chrono::milliseconds slice)>& drained) {
  constexpr std::chrono::milliseconds kSlice{100};
  const auto deadline = std::chrono::steady_clock::now() + drainTime;
  while (true) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (drained(std::clamp(left, std::chrono::milliseconds{0}, kSlice))) return true;
    if (left <= std::chrono::milliseconds{0}) return false;
    const timespec now{0, 0};
    const int received = sigtimedwait(&signals, nullptr, &now);
    if (received > 0) {
      spdlog::warn("signal {} received while draining: stopping now", received);
      return false;
    }
  }
}

}  // namespace headroom::cli
