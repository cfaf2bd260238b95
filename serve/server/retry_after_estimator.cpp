#include "serve/server/retry_after_estimator.h"

#include <algorithm>
#include <cmath>

namespace headroom::serve {

void RetryAfterEstimator::onFinished(engine::TimePoint end, engine::Duration service, std::int64_t running) {
  const std::lock_guard lock(mutex_);
  finished_.push_back({end, std::max(service, engine::Duration::zero()), std::max<std::int64_t>(1, running)});
  while (!finished_.empty() && finished_.front().end <= end - kWindow) finished_.pop_front();
}

std::optional<RetryAfterEstimator::Pace> RetryAfterEstimator::pace(engine::TimePoint now) const {
  const std::lock_guard lock(mutex_);
  std::int64_t count = 0;
  engine::Duration service{};
  std::int64_t running = 0;
  for (const Finished& done : finished_) {
    if (done.end <= now - kWindow || done.end > now) continue;
    service += done.service;
    running += done.running;
    ++count;
  }
  if (count == 0) return std::nullopt;
  return Pace{service / count, static_cast<double>(running) / static_cast<double>(count)};
}

std::optional<engine::Duration> RetryAfterEstimator::meanService(engine::TimePoint now) const {
  const std::optional<Pace> recent = pace(now);
  if (!recent) return std::nullopt;
  return recent->meanService;
}

engine::Duration RetryAfterEstimator::estimate(engine::TimePoint now, std::int64_t queued, std::int64_t running) const {
  queued = std::max<std::int64_t>(0, queued);
  running = std::max<std::int64_t>(0, running);
  // Nothing finished in the window: the pace is unknown, and the queue needs at least that long.
  double seconds = engine::toSeconds(kWindow);
  if (const std::optional<Pace> recent = pace(now)) {
    const auto ahead = static_cast<double>(std::max<std::int64_t>(1, queued + running));
    const double sideBySide = std::max({1.0, static_cast<double>(running), recent->meanRunning});
    seconds = std::ceil(ahead * engine::toSeconds(recent->meanService) / sideBySide);
  }
  const double clamped = std::clamp(seconds, engine::toSeconds(kMinRetry), engine::toSeconds(kMaxRetry));
  return std::chrono::duration_cast<engine::Duration>(std::chrono::seconds(static_cast<std::int64_t>(clamped)));
}

}  // namespace headroom::serve
