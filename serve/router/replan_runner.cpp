#include "serve/router/replan_runner.h"

#include <cmath>
#include <stdexcept>

#include <spdlog/spdlog.h>

namespace headroom::serve {

ReplanRunner::ReplanRunner(Replanner replanner, ReplanMode mode, std::filesystem::path auditLog, std::size_t members,
                           ApplyShares applyShares)
    : replanner_(std::move(replanner)), mode_(mode), members_(members), applyShares_(std::move(applyShares)) {
  if (!auditLog.empty()) {
    auditLog_.open(auditLog, std::ios::app);
    if (!auditLog_) throw std::runtime_error(auditLog.string() + ": cannot open the re-planning audit log for appending");
  }
}

ReplanRunner::~ReplanRunner() { stop(); }

engine::TimePoint ReplanRunner::now() const {
  return engine::TimePoint{std::chrono::duration_cast<engine::Duration>(std::chrono::steady_clock::now() - started_)};
}

void ReplanRunner::arrive(engine::ClassId classId) {
  const engine::TimePoint at = now();
  std::lock_guard lock(mutex_);
  replanner_.arrive(static_cast<std::size_t>(classId), at);
}

ReplanDecision ReplanRunner::replanNow() {
  ReplanDecision decision;
  {
    std::lock_guard lock(mutex_);
    decision = replanner_.replan(now());
    // Auto: the shares are in place before the audit log says the plan was applied.
    if (decision.applied && mode_ == ReplanMode::Auto && applyShares_) {
      applyShares_(decision.recommended.memberShares(decision.classNames.size(), members_));
    }
    log(decision);
  }
  spdlog::info("route: re-plan {} ({}): {}", toString(decision.action), decision.applied ? "applied" : "not applied",
               decision.reason);
  return decision;
}

ReplanRunner::Acceptance ReplanRunner::accept(std::int64_t sequence) {
  Acceptance acceptance;
  {
    std::lock_guard lock(mutex_);
    if (auto refusal = replanner_.acceptRefusal(sequence)) {
      acceptance.refusal = std::move(*refusal);
    } else {
      acceptance.decision = replanner_.accept(sequence, now());
      // The operator asked for it: the shares are applied in advisory mode too, before the log says so.
      if (applyShares_) {
        applyShares_(acceptance.decision->recommended.memberShares(acceptance.decision->classNames.size(), members_));
      }
      log(*acceptance.decision);
    }
  }
  if (acceptance.decision) {
    spdlog::info("route: re-plan accepted: {}", acceptance.decision->reason);
  } else {
    spdlog::warn("route: re-plan accept of decision {} refused: {}", sequence, acceptance.refusal);
  }
  return acceptance;
}

void ReplanRunner::log(const ReplanDecision& decision) {
  if (!auditLog_.is_open()) return;
  nlohmann::json line = toJson(decision);
  line["unix_time_s"] = std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
  auditLog_ << line.dump() << '\n' << std::flush;
}

void ReplanRunner::start() {
  std::lock_guard lock(threadMutex_);
  if (thread_.joinable()) return;
  stopping_ = false;
  thread_ = std::thread([this] { run(); });
}

void ReplanRunner::stop() {
  {
    std::lock_guard lock(threadMutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void ReplanRunner::run() {
  const auto interval = std::chrono::duration_cast<std::chrono::steady_clock::duration>(replanner_.options().interval);
  auto next = std::chrono::steady_clock::now() + interval;
  std::unique_lock lock(threadMutex_);
  while (!stopping_) {
    if (wake_.wait_until(lock, next, [&] { return stopping_; })) break;
    lock.unlock();
    try {
      replanNow();
    } catch (const std::exception& error) {
      spdlog::error("route: re-plan failed: {}", error.what());
    }
    lock.lock();
    next += interval;
  }
}

void ReplanRunner::writeMetrics(PrometheusWriter& out) const {
  std::lock_guard lock(mutex_);
  const ReplanPlan& held = replanner_.current();
  const std::optional<ReplanDecision>& last = replanner_.lastDecision();
  const ReplanPlan& recommended = last && last->recommended.feasible ? last->recommended : held;
  auto byMode = [&](std::string_view name, const ReplanPlan& plan) {
    for (std::size_t mode = 0; mode < plan.modeNames.size() && mode < plan.instancesPerMode.size(); ++mode) {
      out.sample(name, {{"mode", plan.modeNames[mode]}}, static_cast<double>(plan.instancesPerMode[mode]));
    }
  };
  out.family("headroom_router_desired_instances", "gauge",
             "Instances per mode the fleet should run: the plan the re-planner holds after its hysteresis and budget "
             "(what KEDA or an HPA follows)");
  byMode("headroom_router_desired_instances", held);
  out.family("headroom_router_recommended_instances", "gauge",
             "Instances per mode the last solve asks for at the measured rates, before the hysteresis and the budget "
             "(the held plan while no solve found one)");
  byMode("headroom_router_recommended_instances", recommended);
  out.family("headroom_router_replan_changes_total", "counter", "Plan changes the re-planner applied (up or down)");
  out.sample("headroom_router_replan_changes_total", {}, static_cast<std::uint64_t>(replanner_.changes()));
}

ReplanStatus ReplanRunner::status() const {
  std::lock_guard lock(mutex_);
  const ReplannerOptions& options = replanner_.options();
  ReplanStatus status;
  status.mode = mode_;
  status.intervalS = engine::toSeconds(options.interval);
  status.shortWindowS = options.shortWindowS;
  status.longWindowS = options.longWindowS;
  if (std::isfinite(options.budgetGpus)) status.budgetGpus = options.budgetGpus;
  status.classNames = replanner_.classNames();
  status.timeS = engine::toSeconds(now());
  status.current = replanner_.current();
  status.changes = replanner_.changes();
  status.lastDecision = replanner_.lastDecision();
  return status;
}

std::string ReplanRunner::diffText() const {
  std::lock_guard lock(mutex_);
  if (!replanner_.lastDecision()) {
    ReplanDecision none;
    none.current = replanner_.current();
    none.recommended = replanner_.current();
    none.reason = "no solve yet (the first comes one interval after the start)";
    return replanDiffText(none);
  }
  return replanDiffText(*replanner_.lastDecision());
}

}  // namespace headroom::serve
