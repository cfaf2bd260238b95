#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "engine/metrics/snapshot.h"
#include "engine/store/run_record.h"
#include "engine/workload/scenario.h"

namespace headroom::engine {

// Records one replay as a run of a workspace, linked to the stored plan applied to its pool, if any. It owns its own Workspace connection and a thread: the
// thread opens the workspace, begins the run, and about once per save interval (wall clock) appends
// the series windows closed since its last save together with the latest totals, in one transaction.
// A process killed mid-run therefore loses at most about one interval; the next open marks the run
// Interrupted. finish() saves what is new and sets the final status.
//
// Windows are saved once: a window that downsampling merged with one already saved is skipped, so the
// stored series may then have a gap; the totals are always complete.
//
// Thread-safety: record(), finish() and the getters may be called from any thread; record() only swaps
// a pointer under a mutex, so a UI may call it every frame. Failures never throw out of the thread:
// error() says what went wrong (a failed save is retried with the next one).
class RunRecorder {
 public:
  static constexpr std::chrono::milliseconds kDefaultSaveInterval{1000};

  RunRecorder(std::filesystem::path workspaceFile, std::string runName, Scenario scenario,
              std::optional<PlanId> plan, std::chrono::milliseconds saveInterval = kDefaultSaveInterval);
  // Finishes as Stopped unless finish() ran.
  ~RunRecorder();
  RunRecorder(const RunRecorder&) = delete;
  RunRecorder& operator=(const RunRecorder&) = delete;

  // Keeps `snapshot` as the newest state of the run (older unsaved ones are dropped; their windows are
  // still in the newer one's series).
  void record(std::shared_ptr<const Snapshot> snapshot);
  // Saves what was not saved yet, sets the run's status and stops the thread; waits for it. Only the
  // first call counts.
  void finish(RunStatus status);

  // The run's id once the thread has begun it.
  std::optional<RunId> run() const;
  // Blocks until the run was begun (or beginning it failed); returns run().
  std::optional<RunId> waitUntilStarted() const;
  // The last failure, empty when every write so far succeeded.
  std::string error() const;
  // Successful saves and windows saved so far.
  std::int64_t saves() const;
  std::int64_t savedWindows() const;

 private:
  void loop(std::filesystem::path file, std::string name, Scenario scenario, std::optional<PlanId> plan);

  std::chrono::milliseconds saveInterval_;
  mutable std::mutex mutex_;
  mutable std::condition_variable wake_;
  std::shared_ptr<const Snapshot> latest_;
  std::optional<RunStatus> finishStatus_;
  bool started_ = false;
  std::optional<RunId> run_;
  std::string error_;
  std::int64_t saves_ = 0;
  std::int64_t savedWindows_ = 0;
  std::thread thread_;
};

}  // namespace headroom::engine
