#pragma once

#include <chrono>
#include <cstdint>
#include <deque>
#include <mutex>

#include "engine/core/time.h"

namespace headroom::serve {

// When a client refused for a full queue may come back (the Retry-After of a 429): the requests ahead of
// it (queued and running, every class) over the rate the host has recently finished requests at (those
// that ended in the last kWindow), rounded up to whole seconds (RFC 9110 delay-seconds) and clamped to
// [kMinRetry, kMaxRetry]. When no request finished in the window, at least that long is needed: the
// window.
//
// Thread-safe: onFinished() comes from the host's loop thread, estimate() from any thread.
class RetryAfterEstimator {
 public:
  static constexpr engine::Duration kWindow = std::chrono::seconds(10);
  static constexpr engine::Duration kMinRetry = std::chrono::seconds(1);
  static constexpr engine::Duration kMaxRetry = std::chrono::seconds(120);

  explicit RetryAfterEstimator(engine::TimePoint start) : start_(start) {}

  // A request left the instance (finished or failed) at `end`.
  void onFinished(engine::TimePoint end);
  // Requests finished per second over the window up to `now`; 0 when none did.
  double requestsPerS(engine::TimePoint now) const;
  // The whole seconds to wait, at `now`, behind `requestsAhead`.
  engine::Duration estimate(engine::TimePoint now, std::int64_t requestsAhead) const;

 private:
  const engine::TimePoint start_;
  mutable std::mutex mutex_;
  std::deque<engine::TimePoint> finished_;  // guarded by mutex_; within kWindow of the newest
};

}  // namespace headroom::serve
