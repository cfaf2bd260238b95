#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <exception>
#include <mutex>
#include <thread>

#include "engine/core/clock.h"
#include "engine/core/time.h"
#include "engine/instance/instance.h"
#include "engine/instance/iteration_failed.h"

namespace headroom::engine {

// How InstanceDriver::stop() ends the loop: Drain keeps iterating until the owner's inbox and the
// instance hold no work; Now stops after the iteration in progress.
enum class DriverStop : std::uint8_t { Drain, Now };

// The one wall-clock driver of one Instance (serving and wall-clock replay both use it). It owns the
// loop thread: between iterations it lets its owner hand over what arrived (Hooks::beforeIteration),
// starts an iteration, sleeps until it is due (a computing executor has already taken its time; a
// modeled one's prediction is waited out), finishes it, and publishes. With nothing to run it waits
// without spinning until wake() or stop(), but no longer than the publish interval, so metric windows
// keep closing while idle; when work is held but nothing fits yet it naps kNothingFitsNap.
//
// Failure: an executor that fails on a batch costs that batch only: the instance drops its requests
// and Hooks::onIterationFailed hears which (by default that ends the loop). Any other exception from the
// instance or a hook ends the loop; the driver keeps it (failure()) and hands it to Hooks::onStopped.
// It never leaves the thread and never ends the process; the owner decides what a failure means (a
// replay rethrows it, a serving host fails its requests).
//
// Threads: start(), wake(), stop(), join() and the counters may be called from any thread; the Hooks
// are called on the loop thread only, one at a time, and may touch the Instance (the driver does not
// touch it while a hook runs). The Instance and the Hooks must outlive the driver; the destructor
// stops (Now) and joins.
class InstanceDriver {
 public:
  // The owner's side of the loop; every function is called on the loop thread.
  class Hooks {
   public:
    virtual ~Hooks() = default;
    // Before each attempt to start an iteration, and after every wake(): take the owner's inbox and
    // enqueue into the instance (cancels, live changes, held-back work too). `now` is wall time.
    virtual void beforeIteration(TimePoint now) = 0;
    // After an iteration finished at `end` (Instance::finishIteration has run).
    virtual void afterIteration(TimePoint /*end*/) {}
    // The executor failed on a batch at `now`: its requests are already out of the instance (see
    // IterationFailed) and the loop goes on. The default ends the loop with that failure (a replay
    // wants it); a serving host fails those requests and keeps serving. An exception thrown here ends
    // the loop.
    virtual void onIterationFailed(TimePoint /*now*/, const IterationFailed& failure) { throw failure; }
    // At most every publish interval while busy, at each interval while idle, and when the loop goes
    // idle after a change: the time to take a metrics snapshot.
    virtual void publish(TimePoint /*now*/) {}
    // Once, last, when the loop ends: after stop(), after a drain completes, or with the exception that
    // ended it (`failure` is null on a clean stop). An exception thrown here is kept as the failure
    // when there was none.
    virtual void onStopped(TimePoint /*now*/, std::exception_ptr /*failure*/) {}
  };

  static constexpr Duration kNothingFitsNap = std::chrono::milliseconds(1);

  // `clock` gives the time handed to the instance and hooks; sleeping is on the same steady wall time.
  InstanceDriver(Instance& instance, const WallClock& clock, Hooks& hooks,
                 Duration publishInterval = std::chrono::milliseconds(250));
  ~InstanceDriver();
  InstanceDriver(const InstanceDriver&) = delete;
  InstanceDriver& operator=(const InstanceDriver&) = delete;

  // Starts the loop thread; once.
  void start();
  // Something is waiting in the owner's inbox: the loop calls beforeIteration() soon (at once when
  // idle, else after the iteration in progress).
  void wake();
  // Ends the loop (see DriverStop); Now overrides an earlier Drain. Returns at once; join() waits.
  void stop(DriverStop how);
  // Waits for the loop thread to end (after stop(), a drain, or a failure). Idempotent.
  void join();

  // Iterations finished so far.
  std::int64_t iterations() const { return iterations_.load(std::memory_order_relaxed); }
  // True once the loop has ended, for whatever reason.
  bool stopped() const;
  // The exception that ended the loop, or null.
  std::exception_ptr failure() const;

 private:
  void run();
  void sleepUntil(TimePoint due) const;

  Instance& instance_;
  const WallClock& clock_;
  Hooks& hooks_;
  const Duration publishInterval_;

  mutable std::mutex mutex_;
  std::condition_variable wake_;
  bool woken_ = false;          // guarded by mutex_
  bool stopRequested_ = false;  // guarded by mutex_
  DriverStop stopMode_ = DriverStop::Drain;  // guarded by mutex_
  bool stopped_ = false;        // guarded by mutex_
  std::exception_ptr failure_;  // guarded by mutex_

  std::atomic<std::int64_t> iterations_{0};
  std::thread thread_;
};

}  // namespace headroom::engine
