#pragma once

#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "engine/instance/instance.h"
#include "engine/metrics/snapshot.h"
#include "engine/sim/simulation.h"

namespace headroom::engine {

enum class RunnerState : std::uint8_t { Paused, Playing, Finished, Stopped, Failed };

std::string_view toString(RunnerState state);

// Everything a front end shows about a running replay, as of one moment. Immutable once published.
struct RunnerView {
  RunnerState state = RunnerState::Paused;
  double simulatedS = 0.0;  // virtual time reached
  double durationS = 0.0;   // the scenario's arrival window
  double progress = 0.0;    // share of the arrival window replayed, 0..1
  double speed = 1.0;       // virtual seconds per wall second; 0 = as fast as possible
  std::int64_t iterations = 0;
  std::shared_ptr<const Snapshot> metrics;
  std::vector<InstanceStatus> instances;
  std::string error;        // why the replay failed (state Failed)
};

// Runs a Simulation on its own thread at a chosen speed, for live front ends: play, pause, step, stop,
// change the speed and tune class SLOs while it runs. The latest state is published as an immutable
// RunnerView; latest() only swaps a pointer under a mutex, so a UI timer can poll it at any rate.
//
// Thread-safety: every public member may be called from any thread. The simulation is touched only by
// the runner's thread. Destruction stops and joins the thread.
class ReplayRunner {
 public:
  // Builds the simulation (throws what Simulation throws) and starts paused.
  ReplayRunner(const Scenario& scenario, const ReplayOptions& options);
  ~ReplayRunner();
  ReplayRunner(const ReplayRunner&) = delete;
  ReplayRunner& operator=(const ReplayRunner&) = delete;

  void play();
  void pause();
  // Advances by `virtualTime` as fast as possible, then pauses.
  void step(Duration virtualTime);
  // Ends the replay for good; the last view stays readable.
  void stop();
  // Virtual seconds per wall second (1 = real time); 0 = as fast as possible.
  void setSpeed(double speed);
  // Applies edited classes from the current virtual time on (see Simulation::setClasses).
  void setClasses(std::vector<QosClass> classes);
  // Grows the pool by one instance at the current virtual time (see Simulation::addInstance), always
  // of the first group: a console's "add instance" on a pool of model tiers adds to its first group.
  void addInstance();
  // Drains instance `id` at the current virtual time (see Simulation::drainInstance); a request the
  // pool refuses (unknown id, the last active instance) is logged and ignored.
  void removeInstance(std::int32_t id);

  std::shared_ptr<const RunnerView> latest() const;

 private:
  static constexpr std::int32_t kAddInstance = -1;

  void run();
  void publish(RunnerState state);
  void applyPoolChanges(const std::vector<std::int32_t>& changes);

  std::unique_ptr<Simulation> simulation_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  RunnerState requested_ = RunnerState::Paused;
  double speed_ = 1.0;
  std::optional<Duration> pendingStep_;
  std::optional<std::vector<QosClass>> pendingClasses_;
  std::vector<std::int32_t> pendingPoolChanges_;  // kAddInstance, or the id of an instance to drain
  bool quit_ = false;
  std::shared_ptr<const RunnerView> latest_;
  std::thread thread_;
};

}  // namespace headroom::engine
