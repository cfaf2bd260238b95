#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <queue>
#include <utility>
#include <vector>

#include "engine/core/clock.h"
#include "engine/metrics/metrics_collector.h"
#include "engine/metrics/snapshot.h"
#include "engine/pool/pool.h"
#include "engine/pool/tier_router.h"
#include "engine/workload/scenario.h"
#include "engine/workload/workload.h"

namespace headroom::engine {

// Overrides applied on top of a scenario for one replay.
struct ReplayOptions {
  double rateScale = 1.0;
  std::optional<std::uint64_t> seed;
  bool drain = true;  // run requests still in flight at the end to completion
  Duration metricsWindow = std::chrono::seconds(1);
  // Replaces the scenario's tier router (pools of several groups only); a relative learned policy path
  // here is used as given (the caller's working directory), unlike the scenario's.
  std::optional<TierRouterSpec> tierRouter;
};

// What a tier router for the scenario's pool is built for (groups, models, tasks, classes).
TierPool tierPool(const Scenario& scenario);

// A discrete-event replay of a scenario on a virtual clock: arrivals from the scenario's workload,
// routed by the pool, each instance advancing by its executor's iteration time. Deterministic: the same
// scenario, options and seed give identical metrics. Single-threaded; drive it from one thread.
class Simulation {
 public:
  // Throws std::runtime_error for a model or hardware it cannot find, InputError for a bad resource field.
  Simulation(const Scenario& scenario, const ReplayOptions& options);
  // The same with a tier router the caller made (a trainer's learning agent) in place of the scenario's;
  // it hears every finished request's reward through onOutcome.
  Simulation(const Scenario& scenario, const ReplayOptions& options, std::unique_ptr<TierRouter> tierRouter);

  // Model tiers: the metrics count completions per group and their reward when the pool has two or
  // more groups (then every group's model must have quality figures for the scenario's tasks); a pool
  // of one group reports as it always did.

  // Processes events up to and including virtual time `until`; returns false once the replay is over.
  bool runUntil(TimePoint until);
  // Runs to the end; `progress` (optional) hears the fraction of the arrival window done.
  void run(const std::function<void(double)>& progress = {});

  bool finished() const { return finished_; }
  TimePoint now() const { return clock_.now(); }
  // Length of the arrival window in seconds (the scenario's duration over the rate scale for traces).
  double durationS() const { return durationS_; }
  double progress() const;
  std::int64_t iterations() const { return iterations_; }
  std::shared_ptr<const Snapshot> snapshot() const;
  Pool& pool() { return *pool_; }
  const Pool& pool() const { return *pool_; }
  // Applies edited classes (same classes, same order) to every instance's scheduler and to the
  // metrics, from the current virtual time on: how an operator tunes SLOs while a replay runs.
  void setClasses(const std::vector<QosClass>& classes);
  const Scenario& scenario() const { return scenario_; }

  // Adds one instance of group `group` (with the current classes) at the current virtual time; returns
  // its id.
  std::int32_t addInstance(GroupId group = 0);
  // Drains instance `id` at the current virtual time (see Pool::drain): its queued requests move to the
  // others now, its running ones finish, then it leaves the pool. Throws std::invalid_argument for an
  // unknown or draining id and for the last active instance.
  void drainInstance(std::int32_t id);

 private:
  using Completion = std::pair<std::int64_t, std::int32_t>;  // (end time in us, instance id)

  void startIfIdle(std::int32_t index, TimePoint now);
  bool step(TimePoint until);
  void buildPool(std::unique_ptr<TierRouter> tierRouter);

  Scenario scenario_;
  ReplayOptions options_;
  VirtualClock clock_;
  std::unique_ptr<MetricsCollector> metrics_;
  std::unique_ptr<Workload> workload_;
  std::unique_ptr<Pool> pool_;
  std::vector<PoolGroup> groups_;
  std::vector<std::int64_t> groupKvBlocks_;
  std::priority_queue<Completion, std::vector<Completion>, std::greater<>> completions_;
  std::optional<Request> nextArrival_;
  double durationS_ = 0.0;
  TimePoint arrivalEnd_{};
  std::int64_t iterations_ = 0;
  bool finished_ = false;
};

// Everything a finished replay reports.
struct ReplayOutcome {
  std::shared_ptr<const Snapshot> snapshot;
  double durationS = 0.0;   // arrival window
  double simulatedS = 0.0;  // virtual time when the last request finished
  std::int64_t iterations = 0;
};

ReplayOutcome replay(const Scenario& scenario, const ReplayOptions& options,
                     const std::function<void(double)>& progress = {});

std::vector<QosClass> qosClasses(const Scenario& scenario);

// KV blocks each instance of the scenario gets: the scheduler's override, else what the executor's
// model and hardware leave (kvBlocksFor), else unbounded. The first form is for the first group.
std::int64_t instanceKvBlocks(const Scenario& scenario);
std::int64_t instanceKvBlocks(const Scenario& scenario, const PoolGroup& group);

// The tier router a replay of `scenario` uses: `override` when set, else the scenario's "tier_router";
// a relative learned policy path in the scenario resolves against the scenario file's folder. Throws
// InputError for a form none of kTierRouterForms, a static group the pool lacks, or a policy file that
// cannot be used (see makeTierRouter). Null for a pool of one group.
std::unique_ptr<TierRouter> scenarioTierRouter(const Scenario& scenario, const std::optional<TierRouterSpec>& override,
                                               std::uint64_t seed);

}  // namespace headroom::engine
