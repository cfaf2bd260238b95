#include "serve/fleet/alert_rules.h"

#include <algorithm>
#include <set>
#include "serve/fleet/promql.h"
#include "serve/fleet/yaml_document.h"

namespace headroom::serve {

namespace {

using ordered_json = nlohmann::ordered_json;

constexpr BurnRateAlert kBurnRateAlerts[] = {kFastBurn, kSlowBurn};

std::string errorRatioExpr(std::chrono::minutes window) {
  // sum by (class) (rate(COUNTER[WINDOW]))
  auto summed = [&](std::string_view counter) {
    std::string text = "sum by (class) (rate(";
    text.append(counter).append("[").append(promDuration(window)).append("]))");
    return text;
  };
  const std::string judged = summed(kJudgedCounter);
  std::string expr = "(";
  expr.append(judged).append(" - ").append(summed(kMetCounter)).append(") / ").append(judged);
  return expr;
}

// Prometheus expands alert labels and annotations as Go templates: `text` as template text that expands
// to itself (only "{{" opens an action).
std::string templateLiteral(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text.compare(i, 2, "{{") == 0) {
      out += R"({{ "{{" }})";
      ++i;
    } else {
      out += text[i];
    }
  }
  return out;
}

PrometheusRule burnRateRule(const ServedClass& served, const BurnRateAlert& burn) {
  const double budget = errorBudget(served);
  const double threshold = std::min(burn.burnRate * budget, 1.0);
  const std::string comparison = threshold < 1.0 ? " > " + promNumber(threshold) : " >= 1";
  const std::string matcher = classMatcher(served.qos.name);
  PrometheusRule rule;
  rule.alert = std::string(burn.alert);
  rule.expr = errorRatioRecord(burn.longWindow) + matcher + comparison + " and " + errorRatioRecord(burn.shortWindow) +
              matcher + comparison;
  // The class label keeps each class's rule distinct; its value is the one the ratios carry.
  rule.labels = {{"severity", std::string(burn.severity)}, {"class", templateLiteral(served.qos.name)}};
  // Annotations are Go templates: the class comes in as a label, so no class name is parsed as one.
  rule.annotations = {
      {"summary", "Class {{ $labels.class }} is spending its SLO error budget " + promNumber(burn.burnRate) +
                      " times as fast as allowed"},
      {"description", (threshold < 1.0 ? "More than " + promNumber(threshold * 100.0) + "%" : std::string("All")) +
                          " of class {{ $labels.class }}'s finished requests missed its SLO over the last " +
                          promDuration(burn.longWindow) + " and " + promDuration(burn.shortWindow) + " (SLO " +
                          percentileName(served.qos.slo.percentile) + ", error budget " + promNumber(budget * 100.0) + "%)."},
  };
  return rule;
}

ordered_json pairsObject(const std::vector<std::pair<std::string, std::string>>& pairs) {
  ordered_json object = ordered_json::object();
  for (const auto& [name, value] : pairs) object[name] = value;
  return object;
}

}  // namespace

double errorBudget(const ServedClass& served) { return std::max(0.0, 1.0 - served.qos.slo.percentile / 100.0); }

std::string errorRatioRecord(std::chrono::minutes window) {
  return "class:headroom_slo_errors:ratio_rate" + promDuration(window);
}

PrometheusRuleFile buildAlertRules(const ObservedService& service) {
  std::set<std::chrono::minutes> windows;
  for (const BurnRateAlert& burn : kBurnRateAlerts) windows.insert({burn.longWindow, burn.shortWindow});
  PrometheusRuleGroup recording{"headroom-slo-error-ratios", {}};
  for (const std::chrono::minutes window : windows) {
    PrometheusRule rule;
    rule.record = errorRatioRecord(window);
    rule.expr = errorRatioExpr(window);
    recording.rules.push_back(std::move(rule));
  }
  PrometheusRuleGroup alerts{"headroom-slo-burn-rate", {}};
  for (const ServedClass& served : service.classes) {
    for (const BurnRateAlert& burn : kBurnRateAlerts) alerts.rules.push_back(burnRateRule(served, burn));
  }
  return {{std::move(recording), std::move(alerts)}};
}

ordered_json alertRulesDocument(const PrometheusRuleFile& rules) {
  ordered_json groups = ordered_json::array();
  for (const PrometheusRuleGroup& group : rules.groups) {
    ordered_json items = ordered_json::array();
    for (const PrometheusRule& rule : group.rules) {
      ordered_json item = ordered_json::object();
      if (!rule.record.empty()) item["record"] = rule.record;
      if (!rule.alert.empty()) item["alert"] = rule.alert;
      item["expr"] = rule.expr;
      if (!rule.labels.empty()) item["labels"] = pairsObject(rule.labels);
      if (!rule.annotations.empty()) item["annotations"] = pairsObject(rule.annotations);
      items.push_back(std::move(item));
    }
    groups.push_back(ordered_json{{"name", group.name}, {"rules", std::move(items)}});
  }
  return ordered_json{{"groups", std::move(groups)}};
}

std::string alertRulesYaml(const PrometheusRuleFile& rules, std::string_view source) {
  return yamlDocument(alertRulesDocument(rules), {std::string(kAlertRulesMark) + " from " + std::string(source) +
                                                  ": SLO burn-rate alerts per class. Regenerate instead of editing."});
}

}  // namespace headroom::serve
