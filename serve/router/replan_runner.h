#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/core/request.h"
#include "serve/protocol/prometheus_writer.h"
#include "serve/router/replan_json.h"
#include "serve/router/replanner.h"

namespace headroom::serve {

// A Replanner on the wall clock for `headroom-cli route --replan`: counts each routed request's class,
// re-solves on its own thread every interval, appends every decision to the audit log (one JSON line,
// toJson(ReplanDecision) plus "unix_time_s"; none when the path is empty), and in auto mode hands an
// applied plan's member shares to `applyShares` ([class][member]; called under the runner's lock, before
// the decision is logged: it must not call back into the runner). Thread-safe.
class ReplanRunner {
 public:
  using ApplyShares = std::function<void(std::vector<std::vector<double>>)>;

  ReplanRunner(Replanner replanner, ReplanMode mode, std::filesystem::path auditLog, std::size_t members,
               ApplyShares applyShares);
  ~ReplanRunner();

  void arrive(engine::ClassId classId);
  // Starts and stops the thread that solves every interval (stop also runs in the destructor).
  void start();
  void stop();
  // One solve now (the thread's step; also for tests).
  ReplanDecision replanNow();

  // An operator's accept of decision `sequence` (POST /v1/headroom/replan/apply): in either mode the
  // recommendation becomes the current plan and its shares are applied to the router, then the decision
  // is logged. `refusal` says why not (Replanner::acceptRefusal) and nothing changes.
  struct Acceptance {
    std::optional<ReplanDecision> decision;
    std::string refusal;
  };
  Acceptance accept(std::int64_t sequence);

  // headroom_router_recommended_instances{mode} and headroom_router_desired_instances{mode}, and the count
  // of changes applied.
  void writeMetrics(PrometheusWriter& out) const;
  // GET /v1/headroom/replan: the mode, the current plan and the last decision (rates, recommended plan,
  // reason).
  ReplanStatus status() const;
  // The same as a dry-run diff, replicas per mode now -> recommended.
  std::string diffText() const;

 private:
  engine::TimePoint now() const;
  void run();
  void log(const ReplanDecision& decision);

  mutable std::mutex mutex_;
  Replanner replanner_;  // guarded by mutex_
  const ReplanMode mode_;
  std::ofstream auditLog_;
  const std::size_t members_;
  ApplyShares applyShares_;
  const std::chrono::steady_clock::time_point started_ = std::chrono::steady_clock::now();

  std::mutex threadMutex_;
  std::condition_variable wake_;
  bool stopping_ = false;  // guarded by threadMutex_
  std::thread thread_;
};

}  // namespace headroom::serve
