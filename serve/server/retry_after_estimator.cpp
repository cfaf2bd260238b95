#include "serve/server/retry_after_estimator.h"

#include <algorithm>
#include <cmath>

namespace headroom::serve {

void RetryAfterEstimator::onFinished(engine::TimePoint end) {
  const std::lock_guard lock(mutex_);
  finished_.push_back(end);
  while (!finished_.empty() && finished_.front() < end - kWindow) finished_.pop_front();
}

double RetryAfterEstimator::requestsPerS(engine::TimePoint now) const {
  const std::lock_guard lock(mutex_);
  const auto recent = std::count_if(finished_.begin(), finished_.end(),
                                    [&](engine::TimePoint end) { return end > now - kWindow && end <= now; });
  if (recent == 0) return 0.0;
  // Over the whole window, or over the host's life when it is younger than that.
  const engine::Duration span = std::clamp<engine::Duration>(now - start_, kMinRetry, kWindow);
  return static_cast<double>(recent) / engine::toSeconds(span);
}

engine::Duration RetryAfterEstimator::estimate(engine::TimePoint now, std::int64_t requestsAhead) const {
  const double rate = requestsPerS(now);
  // Nothing finished in the window (or ever): the queue needs at least that long.
  const double seconds = rate > 0.0 ? std::ceil(static_cast<double>(std::max<std::int64_t>(1, requestsAhead)) / rate)
                                    : engine::toSeconds(kWindow);
  const double clamped = std::clamp(seconds, engine::toSeconds(kMinRetry), engine::toSeconds(kMaxRetry));
  return std::chrono::duration_cast<engine::Duration>(std::chrono::seconds(static_cast<std::int64_t>(clamped)));
}

}  // namespace headroom::serve
