#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "serve/fleet/observed_service.h"

namespace headroom::serve {

// One Prometheus rule: a recording rule (`record` set) or an alert (`alert` set). Labels and annotations
// keep their order.
struct PrometheusRule {
  std::string record;
  std::string alert;
  std::string expr;
  std::vector<std::pair<std::string, std::string>> labels;
  std::vector<std::pair<std::string, std::string>> annotations;
};

struct PrometheusRuleGroup {
  std::string name;
  std::vector<PrometheusRule> rules;
};

// A rule file: the groups Prometheus loads with `rule_files`.
struct PrometheusRuleFile {
  std::vector<PrometheusRuleGroup> groups;
};

// A multi-window burn-rate alert (Google SRE Workbook, "Alerting on SLOs"): it fires while the share of
// a class's requests that missed their SLO, over both windows, is above `burnRate` times the class's
// error budget.
struct BurnRateAlert {
  std::string_view alert;     // alert name
  std::string_view severity;  // its severity label
  std::chrono::minutes longWindow;
  std::chrono::minutes shortWindow;
  double burnRate;
};

// fast: 2% of a 30-day budget in 1 h (14.4x over 1 h and 5 m), pages; slow: 5% in 6 h (6x over 6 h and
// 30 m), a ticket.
inline constexpr BurnRateAlert kFastBurn{"HeadroomSloFastBurn", "page", std::chrono::hours(1), std::chrono::minutes(5), 14.4};
inline constexpr BurnRateAlert kSlowBurn{"HeadroomSloSlowBurn", "ticket", std::chrono::hours(6), std::chrono::minutes(30), 6.0};

// The counters the burn rate is computed from: every finished request of a class is judged against its
// class's SLO (engine MetricsCollector); `met` counts those that met every bound. Summed over every
// process that exports them (all serve members of a route).
inline constexpr std::string_view kJudgedCounter = "headroom_requests_completed_total";
inline constexpr std::string_view kMetCounter = "headroom_requests_slo_met_total";

// The share of a class's requests allowed to miss its SLO: 1 - percentile / 100 (p99: 0.01).
double errorBudget(const ServedClass& served);

// The recording rule's name for the error ratio over `window`: class:headroom_slo_errors:ratio_rate5m.
std::string errorRatioRecord(std::chrono::minutes window);

// Recording rules for the per-class error ratio over every window the alerts use, then per class a fast
// and a slow burn-rate alert. A threshold above 1 (a budget over 1/burn rate) could never fire: it is
// held at 1, i.e. every request missed over both windows.
PrometheusRuleFile buildAlertRules(const ObservedService& service);

// The rule file as YAML (Prometheus `rule_files` format), with a header comment naming `source`.
// Stable: the same rules give the same bytes.
std::string alertRulesYaml(const PrometheusRuleFile& rules, std::string_view source);

}  // namespace headroom::serve
