#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "serve/router/replanner.h"

namespace headroom::serve {

// The re-planner's JSON, one encoding for the router that writes it (audit log, GET /v1/headroom/replan)
// and the console that reads it.

// GET: the status below (?format=diff: replanDiffText). POST {"sequence": N}: an operator applies decision
// N's recommendation (409 with the reason when it may not be).
inline constexpr std::string_view kReplanPath = "/v1/headroom/replan";
inline constexpr std::string_view kReplanApplyPath = "/v1/headroom/replan/apply";

// advisory: the recommendation is published (gauges, the admin endpoint, the audit log); auto: its
// per-class shares are also applied to the router.
enum class ReplanMode : std::uint8_t { Advisory, Auto };
std::optional<ReplanMode> replanModeFromString(std::string_view text);
std::string_view toString(ReplanMode mode);

// What GET /v1/headroom/replan answers: the mode, the solve interval, the short and long windows the
// arrival rates are averaged over, the budget (none: unlimited), the classes in order, the router's time (seconds since the re-planner started; decisions' `at` count from
// the same start), the plan held current, the changes applied and the last decision. A plain value.
struct ReplanStatus {
  ReplanMode mode = ReplanMode::Advisory;
  double intervalS = 0.0;
  double shortWindowS = 0.0;
  double longWindowS = 0.0;
  std::optional<double> budgetGpus;
  std::vector<std::string> classNames;
  double timeS = 0.0;
  ReplanPlan current;
  std::int32_t changes = 0;
  std::optional<ReplanDecision> lastDecision;
};

// {"feasible", "instances", "modes": [{"mode", "instances", "rates_per_s": {CLASS: rate}}], "reason"?}.
// The per-instance rates (ReplanPlan::instances) are not written.
nlohmann::json toJson(const ReplanPlan& plan, const std::vector<std::string>& classNames);
// One audit-log line's object: sequence, time (s), rates per class, current and recommended plan,
// applied, action, reason.
nlohmann::json toJson(const ReplanDecision& decision);
nlohmann::json toJson(const ReplanStatus& status);

// Reads what toJson(ReplanStatus) wrote. Throws engine::InputError naming `source`, the field and what
// it must be (e.g. a plan's rates that lack a class of "classes"). Plans read back have no `instances`.
ReplanStatus replanStatusFromJson(const nlohmann::json& root, std::string_view source);

}  // namespace headroom::serve
