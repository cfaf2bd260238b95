#include "engine/host/instance_driver.h"

#include <optional>
#include <stdexcept>
#include <utility>

namespace headroom::engine {

InstanceDriver::InstanceDriver(Instance& instance, const WallClock& clock, Hooks& hooks, Duration publishInterval)
    : instance_(instance), clock_(clock), hooks_(hooks), publishInterval_(publishInterval) {
  if (publishInterval_ <= Duration::zero()) throw std::invalid_argument("InstanceDriver: publish interval must be positive");
}

InstanceDriver::~InstanceDriver() {
  stop(DriverStop::Now);
  join();
}

void InstanceDriver::start() {
  if (thread_.joinable()) throw std::logic_error("InstanceDriver::start: already started");
  thread_ = std::thread([this] { run(); });
}

void InstanceDriver::wake() {
  {
    const std::lock_guard lock(mutex_);
    woken_ = true;
  }
  wake_.notify_one();
}

void InstanceDriver::stop(DriverStop how) {
  {
    const std::lock_guard lock(mutex_);
    if (!stopRequested_ || how == DriverStop::Now) stopMode_ = how;
    stopRequested_ = true;
  }
  wake_.notify_one();
}

void InstanceDriver::join() {
  if (thread_.joinable()) thread_.join();
}

bool InstanceDriver::stopped() const {
  const std::lock_guard lock(mutex_);
  return stopped_;
}

std::exception_ptr InstanceDriver::failure() const {
  const std::lock_guard lock(mutex_);
  return failure_;
}

void InstanceDriver::sleepUntil(TimePoint due) const {
  for (TimePoint now = clock_.now(); now < due; now = clock_.now()) std::this_thread::sleep_for(due - now);
}

void InstanceDriver::run() {
  std::exception_ptr failure;
  try {
    TimePoint lastPublish = clock_.now();
    bool idle = false;
    bool nothingFits = false;
    bool dirty = true;
    while (true) {
      bool stopping = false;
      DriverStop mode = DriverStop::Drain;
      {
        std::unique_lock lock(mutex_);
        if (idle) {
          wake_.wait_for(lock, nothingFits ? kNothingFitsNap : publishInterval_,
                         [this] { return woken_ || stopRequested_; });
        }
        dirty = dirty || woken_;
        woken_ = false;
        stopping = stopRequested_;
        mode = stopMode_;
      }
      if (stopping && mode == DriverStop::Now) break;
      TimePoint now = clock_.now();
      hooks_.beforeIteration(now);
      if (stopping && !instance_.hasWork()) break;  // drained
      std::optional<Duration> duration;
      try {
        duration = instance_.startIteration(now);
      } catch (const IterationFailed& failed) {
        hooks_.onIterationFailed(clock_.now(), failed);
        idle = false;
        dirty = true;
        continue;
      }
      if (duration) {
        sleepUntil(now + *duration);
        now = clock_.now();
        instance_.finishIteration(now);
        iterations_.fetch_add(1, std::memory_order_relaxed);
        hooks_.afterIteration(now);
        idle = false;
        dirty = true;
      } else {
        idle = true;
        nothingFits = instance_.hasWork();
      }
      if ((idle && dirty) || now - lastPublish >= publishInterval_) {
        hooks_.publish(now);
        lastPublish = now;
        dirty = false;
      }
    }
  } catch (...) {
    failure = std::current_exception();
  }
  try {
    hooks_.onStopped(clock_.now(), failure);
  } catch (...) {
    if (!failure) failure = std::current_exception();
  }
  const std::lock_guard lock(mutex_);
  failure_ = failure;
  stopped_ = true;
}

}  // namespace headroom::engine
