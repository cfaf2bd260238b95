#pragma once

#include <chrono>
#include <cstdint>
#include <deque>
#include <mutex>
#include <optional>

#include "engine/core/time.h"

namespace headroom::serve {

// When a client refused for a full queue may come back (the Retry-After of a 429): the time the work
// ahead of it takes at the pace the instance has recently served at: the mean service time (first
// scheduled to finished) of the requests that finished in the last kWindow, shared by the requests that
// run side by side (the more of those running now and running when those requests finished):
//   wait = (queued + running) x mean service time / max(1, running, mean running at finish),
// rounded up to whole seconds (RFC 9110 delay-seconds) and clamped to [kMinRetry, kMaxRetry]. When no
// request finished in the window, the pace is unknown and at least the window is needed: kWindow.
//
// Thread-safe: onFinished() comes from the host's loop thread, estimate() from any thread.
class RetryAfterEstimator {
 public:
  static constexpr engine::Duration kWindow = std::chrono::seconds(10);
  static constexpr engine::Duration kMinRetry = std::chrono::seconds(1);
  static constexpr engine::Duration kMaxRetry = std::chrono::seconds(120);

  // A request left the instance at `end` after `service` in it (first scheduled to finished), with
  // `running` requests (itself included) being served then.
  void onFinished(engine::TimePoint end, engine::Duration service, std::int64_t running);
  // The mean service time of the requests that finished in the window up to `now`; empty when none did.
  std::optional<engine::Duration> meanService(engine::TimePoint now) const;
  // The whole seconds to wait, at `now`, behind `queued` requests waiting and `running` being served.
  engine::Duration estimate(engine::TimePoint now, std::int64_t queued, std::int64_t running) const;

 private:
  struct Finished {
    engine::TimePoint end;
    engine::Duration service;
    std::int64_t running;
  };
  struct Pace {
    engine::Duration meanService;
    double meanRunning;
  };
  std::optional<Pace> pace(engine::TimePoint now) const;

  mutable std::mutex mutex_;
  std::deque<Finished> finished_;  // guarded by mutex_; within kWindow of the newest
};

}  // namespace headroom::serve
