#pragma once

#include <cstdint>
#include <functional>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/core/time.h"
#include "engine/pool/arrival_rate_estimate.h"

namespace headroom::serve {

// A plan as the re-planner sees it: instances per mode and, per mode, the rate of each class it carries
// (req/s); `instanceRatePerS` lists the planned instances in order (mode, then the rates of each class on
// it), as `route --plan` turns a plan's instances into members' shares. `feasible` false: no plan, and
// `reason` says why (the solver's explanation).
struct ReplanPlan {
  struct Instance {
    std::size_t mode = 0;
    std::vector<double> ratePerS;  // per class
  };
  std::vector<std::string> modeNames;
  std::vector<std::int32_t> instancesPerMode;
  std::vector<std::vector<double>> ratePerSByMode;  // [mode][class]
  std::vector<Instance> instances;
  bool feasible = false;
  std::string reason;

  std::int32_t instancesTotal() const;
  // GPUs the plan takes, with `gpusPerInstance` per mode (missing entries count 1).
  double gpus(const std::vector<double>& gpusPerInstance) const;
  // Per-class shares over `members` members: member i gets planned instance i's rates; members past the
  // plan's instances get none; a class with no rate on any member gets an empty row (routed
  // least-loaded). [class][member].
  std::vector<std::vector<double>> memberShares(std::size_t classes, std::size_t members) const;
};

// Solves the plan for per-class predicted rates (req/s, in class order) under a GPU budget (infinite when
// none). Injected: app/cli builds it from the solver and the planning file the plan came from.
using ReplanSolve = std::function<ReplanPlan(const std::vector<double>& ratePerS, double budgetGpus)>;

// The re-planner's settings. Arrival rates are moving averages over `shortWindowS` and `longWindowS`; the
// predicted rate of a class is max(short, long): it rises with the short window as soon as the load
// rises, and falls only as slowly as the long one, so a short lull never shrinks the plan.
//  Up: at once when even the short window's lower noise bound needs more instances (each class's short
//  rate scaled by 1 - noiseZ * sqrt(S / (2 * shortWindowS)) / S, S the classes' total: a Poisson stream's
//  spread in that average), else after `upSolves` consecutive solves asking for more.
//  Down: only as far as the predicted rates' upper noise bound allows (scaled by 1 + noiseZ * sqrt(P / (2
//  * longWindowS)) / P, P their total), after the cooldown and `downSolves` consecutive solves.
// So the noise of a steady rate changes nothing. A class with no arrival for a long window is idle and
// planned at no rate: at no load the plan scales down to what no load needs (zero instances
// when the planner says so), and from zero instances the first solve that sees requests scales up. Both averages start at zero with the re-planner; their
// start-up shortfall (1 - exp(-elapsed / window)) is divided out.
struct ReplannerOptions {
  engine::Duration interval = std::chrono::seconds(60);   // a solve every interval
  double shortWindowS = 60.0;
  double longWindowS = 600.0;
  double budgetGpus = std::numeric_limits<double>::infinity();
  std::vector<double> gpusPerInstance;                    // per mode; missing entries count 1
  engine::Duration settle = std::chrono::seconds(120);    // after a change, no other change
  engine::Duration cooldown = std::chrono::seconds(600);  // after a change, no scale-down
  std::int32_t downSolves = 3;                            // consecutive solves asking for fewer
  std::int32_t upSolves = 3;                              // ... for more, when the noise bound does not
  double noiseZ = 2.0;
  std::int32_t downThresholdInstances = 1;                // the least drop in instances applied
  engine::Duration warmUp = std::chrono::seconds(60);     // no change until the short window has filled

  // The settings `route --replan --interval S` uses: windows of S and 10 S, a warm-up of S, a settle time
  // of 2 S, a cooldown of 10 S, three solves before a scale-down.
  static ReplannerOptions forInterval(double intervalS);
};

// What one solve saw and decided: a plain value, written to the audit log and the admin endpoint.
struct ClassRatesSeen {
  double shortPerS = 0.0;
  double longPerS = 0.0;
  double predictedPerS = 0.0;
  double lowerPerS = 0.0;  // the short window's lower noise bound
};

// Accepted: an operator applied the last solve's recommendation (Replanner::accept), whatever the
// hysteresis had kept back.
enum class ReplanAction : std::uint8_t { Kept, ScaledUp, ScaledDown, Rebalanced, Refused, Accepted };
std::string_view toString(ReplanAction action);
std::optional<ReplanAction> replanActionFromString(std::string_view text);

struct ReplanDecision {
  std::int64_t sequence = 0;  // 1 for the first decision, then one more per decision (a solve or an accept)
  engine::TimePoint at{};
  std::vector<std::string> classNames;
  std::vector<ClassRatesSeen> rates;  // per class
  ReplanPlan current;                 // before the decision
  ReplanPlan recommended;             // the solve's answer
  bool applied = false;               // `recommended` is now the current plan
  ReplanAction action = ReplanAction::Kept;
  std::string reason;
};

// Re-plans from measured arrival rates with hysteresis (see ReplannerOptions): scale up as soon as a solve
// asks for more beyond the noise (unless a previous change is still settling), scale down only after the
// cooldown, when the drop is at least the threshold and the last `downSolves` solves all asked for fewer;
// never above the budget (refused, the current plan kept). A plan with the same instances per mode but other per-class rates is taken as a
// rebalance (shares only). Pure and deterministic: the caller passes the time; not thread-safe.
class Replanner {
 public:
  // `initial`: the plan the deployment runs now (its time of change is `start`).
  Replanner(std::vector<std::string> classNames, ReplanPlan initial, ReplannerOptions options, ReplanSolve solve,
            engine::TimePoint start);

  void arrive(std::size_t classIndex, engine::TimePoint now);
  // True when a solve is due (an interval after the last one, or after the start).
  bool due(engine::TimePoint now) const { return now >= nextSolve_; }
  engine::TimePoint nextSolve() const { return nextSolve_; }
  // Solves and decides; the next solve is due an interval later.
  ReplanDecision replan(engine::TimePoint now);
  // Why an operator may not accept decision `sequence` now (it is not the last decision, the last one was
  // an operator's accept or has no plan, or its plan is above the budget), in words; nullopt when they may.
  std::optional<std::string> acceptRefusal(std::int64_t sequence) const;
  // The operator accepts the last decision's recommendation (acceptRefusal must be empty; else
  // std::logic_error): it becomes the current plan at `now`. A plan the hysteresis had kept back counts
  // as a change (settle and cooldown start again); one already current does not. The decision returned,
  // Accepted and applied, is the new last decision.
  ReplanDecision accept(std::int64_t sequence, engine::TimePoint now);

  const ReplanPlan& current() const { return current_; }
  const std::optional<ReplanDecision>& lastDecision() const { return last_; }
  const ReplannerOptions& options() const { return options_; }
  const std::vector<std::string>& classNames() const { return classNames_; }
  std::int32_t changes() const { return changes_; }

 private:
  std::vector<std::string> classNames_;
  ReplanPlan current_;
  ReplannerOptions options_;
  ReplanSolve solve_;
  engine::TimePoint start_;
  engine::TimePoint lastChange_;
  engine::TimePoint nextSolve_;
  std::vector<engine::ArrivalRateEstimate> rates_;
  std::vector<std::optional<engine::TimePoint>> lastArrival_;  // per class
  std::int32_t downStreak_ = 0;
  std::int32_t upStreak_ = 0;
  std::int32_t changes_ = 0;
  std::int64_t decisions_ = 0;
  std::optional<ReplanDecision> last_;
};

// "mode: now -> recommended" per mode, one line each, for an operator's dry run.
std::string replanDiffText(const ReplanDecision& decision);

}  // namespace headroom::serve
