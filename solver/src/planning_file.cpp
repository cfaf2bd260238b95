#include "solver/planning_file.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <set>

#include <spdlog/fmt/fmt.h>

#include "engine/io/input_problems.h"
#include "engine/io/json_input.h"

namespace headroom::solver {

using json = nlohmann::json;

namespace {

std::vector<std::string> classNamesOf(const std::vector<PlanningClass>& classes) {
  std::vector<std::string> names;
  for (const PlanningClass& cls : classes) names.push_back(cls.name);
  return names;
}

constexpr std::int32_t kDefaultMaxInstances = 64;

using engine::JsonInput;
using engine::JsonPointer;
using engine::NumberRange;

const JsonPointer kRoot;

class PlanningParser {
 public:
  explicit PlanningParser(std::filesystem::path file) : input_(std::move(file)) {}

  PlanningInput parse(const json& root) {
    if (!root.is_object()) input_.failValue(kRoot, "the top level must be an object with \"classes\" and \"modes\"", root);
    input_.checkFields(root, kRoot, {"classes", "modes"});
    PlanningInput input;
    const json& classes = input_.required(root, kRoot, "classes", "a non-empty array of class objects");
    if (!classes.is_array() || classes.empty()) input_.failValue(kRoot / "classes", "must be a non-empty array of classes", classes);
    std::vector<bool> ranked;
    for (std::size_t i = 0; i < classes.size(); ++i) {
      const JsonPointer at = kRoot / "classes" / i;
      bool hasRank = false;
      const std::vector<std::string> earlierNames = classNamesOf(input.classes);
      input.classes.push_back(parseClass(classes[i], at, hasRank));
      if (const auto problem = engine::checkClassName(input.classes.back().name, earlierNames)) {
        input_.failValue(at / "name", engine::englishText(*problem), classes[i].at("name"));
      }
      ranked.push_back(hasRank);
    }
    const bool anyRanked = std::find(ranked.begin(), ranked.end(), true) != ranked.end();
    if (anyRanked) {
      for (std::size_t i = 0; i < ranked.size(); ++i) {
        if (!ranked[i]) input_.fail(kRoot / "classes" / i / "rank", "required because another class gives a rank");
      }
    } else {
      std::vector<std::size_t> order(input.classes.size());
      std::iota(order.begin(), order.end(), 0);
      std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return input.classes[a].boundS < input.classes[b].boundS;
      });
      for (std::size_t r = 0; r < order.size(); ++r) input.classes[order[r]].rank = static_cast<int>(r);
    }

    const json& modes = input_.required(root, kRoot, "modes", "a non-empty array of instance modes");
    if (!modes.is_array() || modes.empty()) input_.failValue(kRoot / "modes", "must be a non-empty array of instance modes", modes);
    std::set<std::string> modeNames;
    for (std::size_t i = 0; i < modes.size(); ++i) {
      const JsonPointer at = kRoot / "modes" / i;
      input.modes.push_back(parseMode(modes[i], at));
      if (!modeNames.insert(input.modes.back().name).second) {
        input_.fail(at / "name", "mode names must be unique; \"" + input.modes.back().name + "\" appears twice");
      }
    }
    return input;
  }

 private:
  std::string name(const json& object, const JsonPointer& at) const {
    return input_.nonEmptyString(input_.required(object, at, "name", "a non-empty string"), at / "name");
  }

  PlanningClass parseClass(const json& object, const JsonPointer& at, bool& hasRank) const {
    input_.requireObject(object, at, "(a class: name, rate_per_s or rate_per_min, bound_s, metric, percentile, rank)");
    input_.checkFields(object, at, {"name", "rate_per_s", "rate_per_min", "bound_s", "metric", "percentile", "rank"});
    PlanningClass cls;
    cls.name = name(object, at);
    const bool perS = object.contains("rate_per_s");
    const bool perMin = object.contains("rate_per_min");
    if (perS == perMin) {
      input_.fail(at / (perS ? "rate_per_min" : "rate_per_s"),
                  perS ? "give the rate once: rate_per_s or rate_per_min, not both"
                       : "required field is missing (rate_per_s or rate_per_min, a number >= 0)");
    }
    if (perS) {
      cls.ratePerS = input_.number(object.at("rate_per_s"), at / "rate_per_s", NumberRange::atLeast(0.0, "requests per second"));
    } else {
      cls.ratePerS =
          input_.number(object.at("rate_per_min"), at / "rate_per_min", NumberRange::atLeast(0.0, "requests per minute")) / 60.0;
    }
    cls.boundS = input_.number(input_.required(object, at, "bound_s", "a number > 0, seconds"), at / "bound_s",
                               NumberRange::above(0.0, "seconds"));
    if (const json* metric = JsonInput::field(object, "metric")) {
      cls.metric = input_.oneOf(*metric, at / "metric", kLatencyMetricNames,
                                [](const std::string& text) { return plannableMetricFromString(text); });
    }
    if (const json* percentile = JsonInput::field(object, "percentile")) {
      // The SLO percentile rule is the engine's (checkSlo): the same answer as a scenario or serve config.
      const std::string allowed = engine::englishText(engine::SloProblem::PercentileOutOfRange);
      if (!percentile->is_number()) input_.failValue(at / "percentile", allowed, *percentile);
      engine::Slo slo;
      slo.ttlt = engine::Duration{1};  // any valid bound: only the percentile is in question here
      slo.percentile = percentile->get<double>();
      if (engine::checkSlo(slo) == engine::SloProblem::PercentileOutOfRange) input_.failValue(at / "percentile", allowed, *percentile);
      cls.percentile = slo.percentile;
    }
    hasRank = object.contains("rank");
    if (hasRank) {
      const std::int64_t rank = input_.integer(object.at("rank"), at / "rank", 0);
      if (const auto problem = engine::checkClassRank(rank)) input_.failValue(at / "rank", engine::englishText(*problem), object.at("rank"));
      cls.rank = static_cast<int>(rank);
    }
    return cls;
  }

  InstanceMode parseMode(const json& object, const JsonPointer& at) const {
    input_.requireObject(object, at, "(an instance mode: name, cost, max_instances, curve or curve_per_min)");
    input_.checkFields(object, at, {"name", "cost", "max_instances", "curve", "curve_per_min"});
    InstanceMode mode;
    mode.name = name(object, at);
    mode.maxInstances = kDefaultMaxInstances;
    if (const json* cost = JsonInput::field(object, "cost")) mode.cost = input_.number(*cost, at / "cost", NumberRange::above(0.0));
    if (const json* value = JsonInput::field(object, "max_instances")) {
      mode.maxInstances = static_cast<std::int32_t>(input_.integer(*value, at / "max_instances", 0, 100000));
    }
    const bool perS = object.contains("curve");
    const bool perMin = object.contains("curve_per_min");
    if (perS == perMin) {
      input_.fail(at / (perS ? "curve_per_min" : "curve"),
                  perS ? "give the curve once: curve or curve_per_min, not both"
                       : "required field is missing (curve: [[rate_per_s, latency_s], ...] or curve_per_min)");
    }
    const std::string key = perS ? "curve" : "curve_per_min";
    mode.curve = parseCurve(object.at(key), at / key, perS ? 1.0 : 1.0 / 60.0);
    return mode;
  }

  LatencyCurve parseCurve(const json& value, const JsonPointer& at, double rateFactor) const {
    const std::string shape = "a non-empty list of [rate, latency_s] points";
    if (!value.is_array() || value.empty()) input_.failValue(at, "must be " + shape, value);
    std::vector<CurvePoint> points;
    std::set<double> rates;
    for (std::size_t i = 0; i < value.size(); ++i) {
      const JsonPointer pointAt = at / i;
      const json& point = value[i];
      if (!point.is_array() || point.size() != 2) input_.failValue(pointAt, "must be a [rate, latency_s] pair", point);
      const double rate = input_.number(point[0], pointAt / 0, NumberRange::atLeast(0.0, "a rate"));
      const double latency = input_.number(point[1], pointAt / 1, NumberRange::atLeast(0.0, "a latency, seconds"));
      if (!rates.insert(rate).second) input_.failValue(pointAt / 0, "must differ from the other points' rates", point[0]);
      points.push_back({rate * rateFactor, latency});
    }
    return LatencyCurve(std::move(points));
  }

  JsonInput input_;
};

}  // namespace

PlanningInput parsePlanningJson(const json& root, const std::filesystem::path& file) {
  return PlanningParser(file).parse(root);
}

PlanningInput loadPlanningFile(const std::filesystem::path& file) {
  return parsePlanningJson(JsonInput::loadFile(file, "planning file"), file);
}

bool looksLikeScenario(const json& root) {
  if (!root.is_object()) return false;
  for (const char* key : {"model", "hardware", "executor", "pool", "scheduler", "duration_s", "trace", "seed"}) {
    if (root.contains(key)) return true;
  }
  if (root.contains("classes") && root.at("classes").is_array()) {
    for (const json& cls : root.at("classes")) {
      if (cls.is_object() && (cls.contains("slo") || cls.contains("arrival"))) return true;
    }
  }
  return false;
}

}  // namespace headroom::solver
