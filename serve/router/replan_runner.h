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
#include "serve/router/replanner.h"

namespace headroom::serve {

// advisory: the recommendation is published (gauges, the admin endpoint, the audit log); auto: its
// per-class shares are also applied to the router.
enum class ReplanMode : std::uint8_t { Advisory, Auto };
std::optional<ReplanMode> replanModeFromString(std::string_view text);
std::string_view toString(ReplanMode mode);

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

  // headroom_router_desired_instances{mode} and headroom_router_current_instances{mode}, and the count
  // of changes applied.
  void writeMetrics(PrometheusWriter& out) const;
  // GET /v1/headroom/replan: the mode, the current plan and the last decision (rates, recommended plan,
  // reason).
  nlohmann::json statusJson() const;
  // The same as a dry-run diff, replicas per mode now -> recommended.
  std::string diffText() const;

 private:
  engine::TimePoint now() const;
  void run();

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
