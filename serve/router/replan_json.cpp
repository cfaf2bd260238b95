#include "serve/router/replan_json.h"

#include <cmath>
#include <limits>

#include "engine/io/json_input.h"

namespace headroom::serve {

namespace {

using json = nlohmann::json;
using engine::JsonInput;
using engine::JsonPointer;
using engine::NumberRange;

// Reads the status with one reader; every getter names the source and the pointer.
class Reader {
 public:
  explicit Reader(std::string_view source) : input_(std::string(source)) {}

  ReplanStatus status(const json& root) const {
    const JsonPointer top;
    input_.requireObject(root, top, "(a router's re-planning status)");
    ReplanStatus status;
    status.mode = input_.oneOf(input_.required(root, top, "mode", "advisory or auto"), top / "mode", "advisory, auto",
                               [](const std::string& name) { return replanModeFromString(name); });
    status.intervalS = input_.number(input_.required(root, top, "interval_s", "seconds between solves"), top / "interval_s",
                                     NumberRange::above(0.0, "s"));
    status.shortWindowS = input_.number(input_.required(root, top, "short_window_s", "seconds of the short rate average"),
                                        top / "short_window_s", NumberRange::above(0.0, "s"));
    status.longWindowS = input_.number(input_.required(root, top, "long_window_s", "seconds of the long rate average"),
                                       top / "long_window_s", NumberRange::above(0.0, "s"));
    if (const json* budget = JsonInput::field(root, "budget_gpus"); budget && !budget->is_null()) {
      status.budgetGpus = input_.number(*budget, top / "budget_gpus", NumberRange::above(0.0, "GPUs"));
    }
    const json& classes = input_.required(root, top, "classes", "the classes' names in order");
    if (!classes.is_array()) input_.failValue(top / "classes", "must be an array of class names", classes);
    for (std::size_t c = 0; c < classes.size(); ++c) status.classNames.push_back(input_.nonEmptyString(classes[c], top / "classes" / c));
    status.timeS = input_.number(input_.required(root, top, "time_s", "the router's seconds since the start"), top / "time_s",
                                 NumberRange::atLeast(0.0, "s"));
    status.current = plan(input_.required(root, top, "current", "the plan held current"), top / "current", status.classNames);
    status.changes = static_cast<std::int32_t>(
        input_.integer(input_.required(root, top, "changes", "an integer >= 0"), top / "changes", 0));
    const json& last = input_.required(root, top, "last_decision", "the last decision, or null before the first solve");
    if (!last.is_null()) status.lastDecision = decision(last, top / "last_decision", status.classNames);
    return status;
  }

 private:
  ReplanPlan plan(const json& object, const JsonPointer& at, const std::vector<std::string>& classNames) const {
    input_.requireObject(object, at, "(a plan)");
    ReplanPlan plan;
    plan.feasible = input_.boolean(input_.required(object, at, "feasible", "true or false"), at / "feasible");
    if (const json* reason = JsonInput::field(object, "reason")) plan.reason = input_.string(*reason, at / "reason");
    const json& modes = input_.required(object, at, "modes", "an array of modes");
    if (!modes.is_array()) input_.failValue(at / "modes", "must be an array of modes", modes);
    for (std::size_t m = 0; m < modes.size(); ++m) {
      const JsonPointer here = at / "modes" / m;
      input_.requireObject(modes[m], here, "(a mode of the plan)");
      plan.modeNames.push_back(input_.nonEmptyString(input_.required(modes[m], here, "mode", "the mode's name"), here / "mode"));
      plan.instancesPerMode.push_back(static_cast<std::int32_t>(
          input_.integer(input_.required(modes[m], here, "instances", "an integer >= 0"), here / "instances", 0)));
      const json& rates = input_.required(modes[m], here, "rates_per_s", "the rate of each class on the mode");
      input_.requireObject(rates, here / "rates_per_s", "(the rate of each class)");
      std::vector<double> byClass;
      for (const std::string& name : classNames) {
        byClass.push_back(input_.number(input_.required(rates, here / "rates_per_s", name, "requests per second of the class"),
                                        here / "rates_per_s" / name, NumberRange::atLeast(0.0, "req/s")));
      }
      plan.ratePerSByMode.push_back(std::move(byClass));
    }
    return plan;
  }

  ReplanDecision decision(const json& object, const JsonPointer& at, const std::vector<std::string>& classNames) const {
    input_.requireObject(object, at, "(a decision)");
    ReplanDecision decision;
    decision.classNames = classNames;
    decision.sequence = input_.integer(input_.required(object, at, "sequence", "an integer >= 1"), at / "sequence", 1,
                                       std::numeric_limits<std::int64_t>::max());
    decision.at = engine::TimePoint{engine::durationFromSeconds(
        input_.number(input_.required(object, at, "time_s", "seconds since the start"), at / "time_s", NumberRange::atLeast(0.0, "s")))};
    const json& rates = input_.required(object, at, "rates", "the measured rates of each class");
    input_.requireObject(rates, at / "rates", "(the measured rates of each class)");
    for (const std::string& name : classNames) {
      const JsonPointer here = at / "rates" / name;
      const json& seen = input_.required(rates, at / "rates", name, "the class's measured rates");
      input_.requireObject(seen, here, "(a class's measured rates)");
      const auto rate = [&](std::string_view key) {
        return input_.number(input_.required(seen, here, key, "requests per second"), here / std::string(key),
                             NumberRange::atLeast(0.0, "req/s"));
      };
      decision.rates.push_back({rate("short_per_s"), rate("long_per_s"), rate("predicted_per_s"), rate("short_lower_per_s")});
    }
    decision.current = plan(input_.required(object, at, "current", "the plan before the decision"), at / "current", classNames);
    decision.recommended =
        plan(input_.required(object, at, "recommended", "the solve's plan"), at / "recommended", classNames);
    decision.applied = input_.boolean(input_.required(object, at, "applied", "true or false"), at / "applied");
    decision.action = input_.oneOf(input_.required(object, at, "action", "what the re-planner did"), at / "action",
                                   "kept, scaled-up, scaled-down, rebalanced, refused, accepted",
                                   [](const std::string& name) { return replanActionFromString(name); });
    decision.reason = input_.string(input_.required(object, at, "reason", "why"), at / "reason");
    return decision;
  }

  JsonInput input_;
};

}  // namespace

std::optional<ReplanMode> replanModeFromString(std::string_view text) {
  if (text == "advisory") return ReplanMode::Advisory;
  if (text == "auto") return ReplanMode::Auto;
  return std::nullopt;
}

std::string_view toString(ReplanMode mode) { return mode == ReplanMode::Auto ? "auto" : "advisory"; }

json toJson(const ReplanPlan& plan, const std::vector<std::string>& classNames) {
  json modes = json::array();
  for (std::size_t mode = 0; mode < plan.instancesPerMode.size(); ++mode) {
    json rates = json::object();
    for (std::size_t cls = 0; cls < classNames.size(); ++cls) {
      const double rate = mode < plan.ratePerSByMode.size() && cls < plan.ratePerSByMode[mode].size()
                              ? plan.ratePerSByMode[mode][cls]
                              : 0.0;
      rates[classNames[cls]] = rate;
    }
    modes.push_back({{"mode", mode < plan.modeNames.size() ? plan.modeNames[mode] : std::string()},
                     {"instances", plan.instancesPerMode[mode]},
                     {"rates_per_s", rates}});
  }
  json out = {{"feasible", plan.feasible}, {"instances", plan.instancesTotal()}, {"modes", modes}};
  if (!plan.reason.empty()) out["reason"] = plan.reason;
  return out;
}

json toJson(const ReplanDecision& decision) {
  json rates = json::object();
  for (std::size_t cls = 0; cls < decision.classNames.size() && cls < decision.rates.size(); ++cls) {
    const ClassRatesSeen& seen = decision.rates[cls];
    rates[decision.classNames[cls]] = {
        {"short_per_s", seen.shortPerS}, {"long_per_s", seen.longPerS}, {"predicted_per_s", seen.predictedPerS},
        {"short_lower_per_s", seen.lowerPerS}};
  }
  return {{"sequence", decision.sequence},
          {"time_s", engine::toSeconds(decision.at)},
          {"rates", rates},
          {"current", toJson(decision.current, decision.classNames)},
          {"recommended", toJson(decision.recommended, decision.classNames)},
          {"applied", decision.applied},
          {"action", std::string(toString(decision.action))},
          {"reason", decision.reason}};
}

json toJson(const ReplanStatus& status) {
  json out = {{"mode", std::string(toString(status.mode))},
              {"interval_s", status.intervalS},
              {"short_window_s", status.shortWindowS},
              {"long_window_s", status.longWindowS},
              {"classes", status.classNames},
              {"time_s", status.timeS},
              {"current", toJson(status.current, status.classNames)},
              {"changes", status.changes}};
  if (status.budgetGpus && std::isfinite(*status.budgetGpus)) out["budget_gpus"] = *status.budgetGpus;
  out["last_decision"] = status.lastDecision ? toJson(*status.lastDecision) : json(nullptr);
  return out;
}

ReplanStatus replanStatusFromJson(const json& root, std::string_view source) { return Reader(source).status(root); }

}  // namespace headroom::serve
