#include "serve/router/replan_runner.h"

#include <cmath>
#include <stdexcept>

#include <spdlog/spdlog.h>

namespace headroom::serve {

std::optional<ReplanMode> replanModeFromString(std::string_view text) {
  if (text == "advisory") return ReplanMode::Advisory;
  if (text == "auto") return ReplanMode::Auto;
  return std::nullopt;
}

std::string_view toString(ReplanMode mode) { return mode == ReplanMode::Auto ? "auto" : "advisory"; }

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
    if (auditLog_.is_open()) {
      nlohmann::json line = toJson(decision);
      line["unix_time_s"] = std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
      auditLog_ << line.dump() << '\n' << std::flush;
    }
  }
  spdlog::info("route: re-plan {} ({}): {}", toString(decision.action), decision.applied ? "applied" : "not applied",
               decision.reason);
  return decision;
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
  const ReplanPlan& current = replanner_.current();
  const ReplanPlan& desired =
      replanner_.lastDecision() && replanner_.lastDecision()->recommended.feasible ? replanner_.lastDecision()->recommended : current;
  auto byMode = [&](std::string_view name, const ReplanPlan& plan) {
    for (std::size_t mode = 0; mode < plan.modeNames.size() && mode < plan.instancesPerMode.size(); ++mode) {
      out.sample(name, {{"mode", plan.modeNames[mode]}}, static_cast<double>(plan.instancesPerMode[mode]));
    }
  };
  out.family("headroom_router_desired_instances", "gauge",
             "Instances per mode the re-planner recommends for the measured rates (its last solve)");
  byMode("headroom_router_desired_instances", desired);
  out.family("headroom_router_current_instances", "gauge", "Instances per mode of the plan the re-planner holds current");
  byMode("headroom_router_current_instances", current);
  out.family("headroom_router_replan_changes_total", "counter", "Plan changes the re-planner applied (up or down)");
  out.sample("headroom_router_replan_changes_total", {}, static_cast<std::uint64_t>(replanner_.changes()));
}

nlohmann::json ReplanRunner::statusJson() const {
  std::lock_guard lock(mutex_);
  const ReplannerOptions& options = replanner_.options();
  nlohmann::json out = {{"mode", std::string(toString(mode_))},
                        {"interval_s", engine::toSeconds(options.interval)},
                        {"current", toJson(replanner_.current(), replanner_.classNames())},
                        {"changes", replanner_.changes()}};
  if (std::isfinite(options.budgetGpus)) out["budget_gpus"] = options.budgetGpus;
  out["last_decision"] = replanner_.lastDecision() ? toJson(*replanner_.lastDecision()) : nlohmann::json(nullptr);
  return out;
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
