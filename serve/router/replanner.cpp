#include "serve/router/replanner.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>

#include <spdlog/fmt/fmt.h>

namespace headroom::serve {

std::int32_t ReplanPlan::instancesTotal() const {
  return std::accumulate(instancesPerMode.begin(), instancesPerMode.end(), std::int32_t{0});
}

double ReplanPlan::gpus(const std::vector<double>& gpusPerInstance) const {
  double total = 0.0;
  for (std::size_t mode = 0; mode < instancesPerMode.size(); ++mode) {
    total += instancesPerMode[mode] * (mode < gpusPerInstance.size() ? gpusPerInstance[mode] : 1.0);
  }
  return total;
}

std::vector<std::vector<double>> ReplanPlan::memberShares(std::size_t classes, std::size_t members) const {
  std::vector<std::vector<double>> shares(classes, std::vector<double>(members, 0.0));
  for (std::size_t member = 0; member < members && member < instances.size(); ++member) {
    for (std::size_t cls = 0; cls < classes && cls < instances[member].ratePerS.size(); ++cls) {
      shares[cls][member] = instances[member].ratePerS[cls];
    }
  }
  // A class the plan gives no rate keeps no shares: it is routed least-loaded.
  for (std::vector<double>& row : shares) {
    if (std::all_of(row.begin(), row.end(), [](double share) { return share <= 0.0; })) row.clear();
  }
  return shares;
}

ReplannerOptions ReplannerOptions::forInterval(double intervalS) {
  ReplannerOptions options;
  options.interval = engine::durationFromSeconds(intervalS);
  options.shortWindowS = intervalS;
  options.longWindowS = 10.0 * intervalS;
  options.warmUp = options.interval;
  options.settle = 2 * options.interval;
  options.cooldown = 10 * options.interval;
  options.downSolves = 3;
  return options;
}

std::string_view toString(ReplanAction action) {
  switch (action) {
    case ReplanAction::Kept: return "kept";
    case ReplanAction::ScaledUp: return "scaled-up";
    case ReplanAction::ScaledDown: return "scaled-down";
    case ReplanAction::Rebalanced: return "rebalanced";
    case ReplanAction::Refused: return "refused";
    case ReplanAction::Accepted: return "accepted";
  }
  return "kept";
}

std::optional<ReplanAction> replanActionFromString(std::string_view text) {
  for (const ReplanAction action : {ReplanAction::Kept, ReplanAction::ScaledUp, ReplanAction::ScaledDown,
                                    ReplanAction::Rebalanced, ReplanAction::Refused, ReplanAction::Accepted}) {
    if (toString(action) == text) return action;
  }
  return std::nullopt;
}

Replanner::Replanner(std::vector<std::string> classNames, ReplanPlan initial, ReplannerOptions options,
                     ReplanSolve solve, engine::TimePoint start)
    : classNames_(std::move(classNames)),
      current_(std::move(initial)),
      options_(std::move(options)),
      solve_(std::move(solve)),
      start_(start),
      lastChange_(start),
      nextSolve_(start + options_.interval) {
  rates_.assign(classNames_.size(), engine::ArrivalRateEstimate(options_.shortWindowS, options_.longWindowS));
  lastArrival_.assign(classNames_.size(), std::nullopt);
}

void Replanner::arrive(std::size_t classIndex, engine::TimePoint now) {
  if (classIndex >= rates_.size()) return;
  rates_[classIndex].arrive(now);
  lastArrival_[classIndex] = now;
}

namespace {

std::string countsText(const ReplanPlan& plan) {
  std::string text;
  for (std::size_t mode = 0; mode < plan.instancesPerMode.size(); ++mode) {
    text += fmt::format("{}{} {}", text.empty() ? "" : ", ", mode < plan.modeNames.size() ? plan.modeNames[mode] : "?",
                        plan.instancesPerMode[mode]);
  }
  return text.empty() ? std::string("none") : text;
}

bool anyModeGrows(const ReplanPlan& from, const ReplanPlan& to) {
  for (std::size_t mode = 0; mode < to.instancesPerMode.size(); ++mode) {
    const std::int32_t before = mode < from.instancesPerMode.size() ? from.instancesPerMode[mode] : 0;
    if (to.instancesPerMode[mode] > before) return true;
  }
  return false;
}

// A class's fraction of its rate on each planned instance (all zero when it has none).
std::vector<double> classSplit(const ReplanPlan& plan, std::size_t cls) {
  std::vector<double> split;
  double total = 0.0;
  for (const ReplanPlan::Instance& instance : plan.instances) {
    split.push_back(cls < instance.ratePerS.size() ? instance.ratePerS[cls] : 0.0);
    total += split.back();
  }
  if (total > 0.0) {
    for (double& each : split) each /= total;
  }
  return split;
}

}  // namespace

ReplanDecision Replanner::replan(engine::TimePoint now) {
  nextSolve_ = now + options_.interval;
  ReplanDecision decision;
  decision.sequence = ++decisions_;
  decision.at = now;
  decision.classNames = classNames_;
  std::vector<double> predicted;
  for (const engine::ArrivalRateEstimate& estimate : rates_) {
    // The averages start at zero: early on they read low by 1 - exp(-elapsed / window), which is divided
    // out (a router just started does not scale down for want of history).
    engine::ArrivalRates seen = estimate.rates(now);
    const double elapsedS = std::max(0.0, engine::toSeconds(now - start_));
    const double shortFill = 1.0 - std::exp(-elapsedS / options_.shortWindowS);
    const double longFill = 1.0 - std::exp(-elapsedS / options_.longWindowS);
    if (shortFill > 0.0) seen.shortPerS /= shortFill;
    if (longFill > 0.0) seen.longPerS /= longFill;
    // A class with no arrival for a long window is idle: planned at no rate, so a fleet with no load
    // scales to what no load needs (the averages only decay towards zero, and a positive rate, however
    // small, needs an instance).
    const std::size_t cls = decision.rates.size();
    const bool idle = !lastArrival_[cls] || engine::toSeconds(now - *lastArrival_[cls]) >= options_.longWindowS;
    decision.rates.push_back({seen.shortPerS, seen.longPerS, idle ? 0.0 : std::max(seen.shortPerS, seen.longPerS), 0.0});
    predicted.push_back(decision.rates.back().predictedPerS);
  }
  // The lower noise bound, from the spread of the whole stream (the classes share the instances): each
  // class's short rate scaled down by z standard deviations of the total.
  double totalShort = 0.0;
  for (const ClassRatesSeen& seen : decision.rates) totalShort += seen.shortPerS;
  const double lowerFactor =
      totalShort > 0.0
          ? std::max(0.0, 1.0 - options_.noiseZ * std::sqrt(totalShort / (2.0 * options_.shortWindowS)) / totalShort)
          : 0.0;
  for (ClassRatesSeen& seen : decision.rates) seen.lowerPerS = seen.shortPerS * lowerFactor;
  decision.current = current_;
  decision.recommended = solve_(predicted, options_.budgetGpus);
  const ReplanPlan& next = decision.recommended;
  const double nowS = engine::toSeconds(now - start_);
  const double changedS = engine::toSeconds(lastChange_ - start_);

  auto apply = [&](ReplanAction action, std::string reason) {
    decision.applied = true;
    decision.action = action;
    decision.reason = std::move(reason);
    current_ = next;
    lastChange_ = now;
    downStreak_ = 0;
    upStreak_ = 0;
    ++changes_;
  };
  auto keep = [&](ReplanAction action, std::string reason) {
    decision.action = action;
    decision.reason = std::move(reason);
  };

  const bool fewer = next.feasible && !anyModeGrows(current_, next) && next.instancesTotal() < current_.instancesTotal();
  const bool more = next.feasible && (anyModeGrows(current_, next) || next.instancesTotal() > current_.instancesTotal());
  if (!next.feasible || !fewer) downStreak_ = 0;
  if (!next.feasible || !more) upStreak_ = 0;
  if (!next.feasible) {
    keep(ReplanAction::Kept, "no plan for the predicted rates: " + next.reason + "; kept the current plan");
  } else if (next.gpus(options_.gpusPerInstance) > options_.budgetGpus) {
    keep(ReplanAction::Refused,
         fmt::format("refused: the plan for the predicted rates needs {:g} GPUs ({}), above the budget of {:g}; kept "
                     "the current plan ({})",
                     next.gpus(options_.gpusPerInstance), countsText(next), options_.budgetGpus, countsText(current_)));
  } else if (now - start_ < options_.warmUp) {
    keep(ReplanAction::Kept, fmt::format("warming up: the rates are measured for {:g} s before a change (at {:.0f} s)",
                                         engine::toSeconds(options_.warmUp), nowS));
  } else if (next.instancesPerMode == current_.instancesPerMode) {
    // Same instances: the new per-class rates only move shares, which the settle time does not hold back
    // (no instance starts or stops). Only a class whose split over the instances moves by more than 5
    // points counts: the same split at another total rate routes the same.
    bool moved = false;
    for (std::size_t cls = 0; cls < classNames_.size(); ++cls) {
      const std::vector<double> a = classSplit(next, cls);
      const std::vector<double> b = classSplit(current_, cls);
      for (std::size_t i = 0; i < a.size() && i < b.size(); ++i) {
        if (std::abs(a[i] - b[i]) > 0.05) moved = true;
      }
    }
    if (moved && now - lastChange_ >= options_.settle) {
      decision.applied = true;
      decision.action = ReplanAction::Rebalanced;
      decision.reason = fmt::format("the same instances ({}) carry the predicted rates with other per-class shares",
                                    countsText(next));
      current_ = next;
    } else {
      keep(ReplanAction::Kept, fmt::format("the predicted rates need the current plan ({})", countsText(current_)));
    }
  } else if (current_.instancesTotal() == 0 && next.instancesTotal() > 0) {
    // No instance serves the requests that came: neither settling nor more solves hold it back.
    apply(ReplanAction::ScaledUp, fmt::format("scale up from zero: requests arrived; the predicted rates need {}",
                                              countsText(next)));
  } else if (now - lastChange_ < options_.settle) {
    keep(ReplanAction::Kept, fmt::format("settling: the change at {:.0f} s settles until {:.0f} s; kept {} (recommended {})",
                                         changedS, changedS + engine::toSeconds(options_.settle), countsText(current_),
                                         countsText(next)));
  } else if (more || next.instancesTotal() >= current_.instancesTotal()) {
    ++upStreak_;
    std::vector<double> lower;
    for (const ClassRatesSeen& seen : decision.rates) lower.push_back(seen.lowerPerS);
    const ReplanPlan atLower = solve_(lower, options_.budgetGpus);
    const bool clear = atLower.feasible && (anyModeGrows(current_, atLower) || atLower.instancesTotal() > current_.instancesTotal());
    if (clear) {
      apply(ReplanAction::ScaledUp, fmt::format("scale up: the predicted rates need {} (was {}), beyond the noise of "
                                                "the short window",
                                                countsText(next), countsText(current_)));
    } else if (upStreak_ >= options_.upSolves) {
      apply(ReplanAction::ScaledUp, fmt::format("scale up: {} consecutive solves asked for {} (was {})", options_.upSolves,
                                                countsText(next), countsText(current_)));
    } else {
      keep(ReplanAction::Kept, fmt::format("{} of {} consecutive solves ask for more ({}) within the noise of the short "
                                           "window; kept {}",
                                           upStreak_, options_.upSolves, countsText(next), countsText(current_)));
    }
  } else {
    // A drop is taken only as far as the upper noise bound of the predicted rates allows (each class's
    // rate scaled by 1 + noiseZ * sqrt(P / (2 * longWindowS)) / P, P their total): a steady rate's noise
    // does not scale down. The recommendation becomes that plan.
    double totalPredicted = 0.0;
    for (const double rate : predicted) totalPredicted += rate;
    const double upperFactor =
        totalPredicted > 0.0 ? 1.0 + options_.noiseZ * std::sqrt(totalPredicted / (2.0 * options_.longWindowS)) / totalPredicted
                             : 1.0;
    std::vector<double> upper;
    for (const double rate : predicted) upper.push_back(rate * upperFactor);
    decision.recommended = solve_(upper, options_.budgetGpus);
    const bool fewerBeyondNoise = next.feasible && !anyModeGrows(current_, next) &&
                                  next.instancesTotal() < current_.instancesTotal();
    if (fewerBeyondNoise) ++downStreak_;
    else downStreak_ = 0;
    const std::int32_t drop = current_.instancesTotal() - next.instancesTotal();
    if (!fewerBeyondNoise) {
      keep(ReplanAction::Kept, fmt::format("the predicted rates would do with fewer, but not beyond their noise; kept {}",
                                           countsText(current_)));
    } else if (now - lastChange_ < options_.cooldown) {
      keep(ReplanAction::Kept, fmt::format("cooldown: {} would do, but no scale-down before {:.0f} s (the change at {:.0f} s "
                                           "plus the cooldown of {:g} s)",
                                           countsText(next), changedS + engine::toSeconds(options_.cooldown), changedS,
                                           engine::toSeconds(options_.cooldown)));
    } else if (drop < options_.downThresholdInstances) {
      keep(ReplanAction::Kept, fmt::format("a drop of {} instance(s) is below the threshold of {}", drop,
                                           options_.downThresholdInstances));
    } else if (downStreak_ < options_.downSolves) {
      keep(ReplanAction::Kept, fmt::format("{} of {} consecutive solves ask for fewer ({}); kept {}", downStreak_,
                                           options_.downSolves, countsText(next), countsText(current_)));
    } else {
      apply(ReplanAction::ScaledDown,
            fmt::format("scale down: {} consecutive solves asked for {} (was {})", options_.downSolves,
                        countsText(next), countsText(current_)));
    }
  }
  last_ = decision;
  return decision;
}

std::optional<std::string> Replanner::acceptRefusal(std::int64_t sequence) const {
  if (!last_) return std::string("no solve yet: the first comes one interval after the start");
  if (sequence != last_->sequence) {
    return fmt::format("decision {} is no longer the last one: decision {} is ({})", sequence, last_->sequence,
                       last_->reason);
  }
  if (last_->action == ReplanAction::Accepted) {
    return fmt::format("decision {} was already applied by an operator ({})", sequence, countsText(current_));
  }
  if (!last_->recommended.feasible) {
    return fmt::format("decision {} has no plan to apply: {}", sequence, last_->recommended.reason);
  }
  const double gpus = last_->recommended.gpus(options_.gpusPerInstance);
  if (gpus > options_.budgetGpus) {
    return fmt::format("decision {}'s plan needs {:g} GPUs ({}), above the budget of {:g}", sequence, gpus,
                       countsText(last_->recommended), options_.budgetGpus);
  }
  return std::nullopt;
}

ReplanDecision Replanner::accept(std::int64_t sequence, engine::TimePoint now) {
  if (const auto refusal = acceptRefusal(sequence)) throw std::logic_error("Replanner::accept: " + *refusal);
  ReplanDecision decision = *last_;
  decision.sequence = ++decisions_;
  decision.at = now;
  decision.current = current_;
  decision.applied = true;
  decision.action = ReplanAction::Accepted;
  if (last_->applied) {
    // The re-planner already holds it current (advisory mode does not route by it): nothing changes here.
    decision.reason = fmt::format("accepted by an operator: the router routes by decision {}'s plan ({}), which the "
                                  "re-planner already held current",
                                  sequence, countsText(decision.recommended));
  } else {
    decision.reason = fmt::format("accepted by an operator: {} (was {}); decision {} had kept it back: {}",
                                  countsText(decision.recommended), countsText(current_), sequence, last_->reason);
    lastChange_ = now;
    downStreak_ = 0;
    upStreak_ = 0;
    ++changes_;
  }
  current_ = decision.recommended;
  last_ = decision;
  return decision;
}

std::string replanDiffText(const ReplanDecision& decision) {
  std::string text;
  const std::vector<std::string>& names =
      decision.recommended.modeNames.empty() ? decision.current.modeNames : decision.recommended.modeNames;
  for (std::size_t mode = 0; mode < names.size(); ++mode) {
    const std::int32_t now = mode < decision.current.instancesPerMode.size() ? decision.current.instancesPerMode[mode] : 0;
    const std::int32_t next =
        mode < decision.recommended.instancesPerMode.size() ? decision.recommended.instancesPerMode[mode] : now;
    text += fmt::format("{}: replicas {} -> {}{}\n", names[mode], now, next, now == next ? " (unchanged)" : "");
  }
  text += fmt::format("reason: {}\n", decision.reason);
  return text;
}

}  // namespace headroom::serve
