#include "solver/planning_file.h"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <numeric>
#include <set>

#include <spdlog/fmt/fmt.h>

namespace headroom::solver {

using json = nlohmann::json;

namespace {

constexpr std::int32_t kDefaultMaxInstances = 64;

std::string shown(const json& value) {
  if (value.is_object()) return "an object";
  if (value.is_array()) return "an array";
  if (value.is_null()) return "null";
  std::string text = value.dump();
  return text.size() > 60 ? text.substr(0, 60) + "..." : text;
}

class PlanningParser {
 public:
  explicit PlanningParser(std::filesystem::path file) : file_(std::move(file)) {}

  PlanningInput parse(const json& root) {
    if (!root.is_object()) fail("", "the top level must be an object with \"classes\" and \"modes\", got " + shown(root));
    checkFields(root, "", {"classes", "modes"});
    PlanningInput input;
    const json& classes = required(root, "", "classes", "a non-empty array of class objects");
    if (!classes.is_array() || classes.empty()) fail("/classes", "must be a non-empty array of classes, got " + shown(classes));
    std::vector<bool> ranked;
    std::set<std::string> classNames;
    for (std::size_t i = 0; i < classes.size(); ++i) {
      const std::string path = "/classes/" + std::to_string(i);
      bool hasRank = false;
      input.classes.push_back(parseClass(classes[i], path, hasRank));
      if (!classNames.insert(input.classes.back().name).second) {
        fail(path + "/name", "class names must be unique; \"" + input.classes.back().name + "\" appears twice");
      }
      ranked.push_back(hasRank);
    }
    const bool anyRanked = std::find(ranked.begin(), ranked.end(), true) != ranked.end();
    if (anyRanked) {
      for (std::size_t i = 0; i < ranked.size(); ++i) {
        if (!ranked[i]) fail("/classes/" + std::to_string(i) + "/rank", "required because another class gives a rank");
      }
    } else {
      std::vector<std::size_t> order(input.classes.size());
      std::iota(order.begin(), order.end(), 0);
      std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return input.classes[a].boundS < input.classes[b].boundS;
      });
      for (std::size_t r = 0; r < order.size(); ++r) input.classes[order[r]].rank = static_cast<int>(r);
    }

    const json& modes = required(root, "", "modes", "a non-empty array of instance modes");
    if (!modes.is_array() || modes.empty()) fail("/modes", "must be a non-empty array of instance modes, got " + shown(modes));
    std::set<std::string> modeNames;
    for (std::size_t i = 0; i < modes.size(); ++i) {
      const std::string path = "/modes/" + std::to_string(i);
      input.modes.push_back(parseMode(modes[i], path));
      if (!modeNames.insert(input.modes.back().name).second) {
        fail(path + "/name", "mode names must be unique; \"" + input.modes.back().name + "\" appears twice");
      }
    }
    return input;
  }

 private:
  [[noreturn]] void fail(const std::string& path, const std::string& problem) const {
    throw PlanningFileError(file_, path, problem);
  }

  void checkFields(const json& object, const std::string& path, std::initializer_list<std::string_view> allowed) {
    for (const auto& [key, value] : object.items()) {
      if (std::find(allowed.begin(), allowed.end(), key) != allowed.end()) continue;
      std::string names;
      for (std::string_view name : allowed) names += (names.empty() ? "" : ", ") + std::string(name);
      fail(path + "/" + key, "unknown field; allowed here: " + names);
    }
  }

  const json& required(const json& object, const std::string& path, const char* key, std::string_view what) {
    if (!object.contains(key)) fail(path + "/" + key, "required field is missing (" + std::string(what) + ")");
    return object.at(key);
  }

  double number(const json& value, const std::string& path, double minimum, bool inclusive, std::string_view what) {
    if (!value.is_number()) fail(path, "must be " + std::string(what) + ", got " + shown(value));
    const double result = value.get<double>();
    if (!std::isfinite(result) || result < minimum || (!inclusive && result == minimum)) {
      fail(path, "must be " + std::string(what) + ", got " + shown(value));
    }
    return result;
  }

  std::string name(const json& object, const std::string& path) {
    const json& value = required(object, path, "name", "a non-empty string");
    if (!value.is_string() || value.get_ref<const std::string&>().empty()) {
      fail(path + "/name", "must be a non-empty string, got " + shown(value));
    }
    return value.get<std::string>();
  }

  PlanningClass parseClass(const json& object, const std::string& path, bool& hasRank) {
    if (!object.is_object()) fail(path, "must be a class object, got " + shown(object));
    checkFields(object, path, {"name", "rate_per_s", "rate_per_min", "bound_s", "metric", "percentile", "rank"});
    PlanningClass cls;
    cls.name = name(object, path);
    const bool perS = object.contains("rate_per_s");
    const bool perMin = object.contains("rate_per_min");
    if (perS == perMin) {
      fail(path + (perS ? "/rate_per_min" : "/rate_per_s"),
           perS ? "give the rate once: rate_per_s or rate_per_min, not both"
                : "required field is missing (rate_per_s or rate_per_min, a number >= 0)");
    }
    if (perS) {
      cls.ratePerS = number(object.at("rate_per_s"), path + "/rate_per_s", 0.0, true, "a number >= 0 (requests per second)");
    } else {
      cls.ratePerS = number(object.at("rate_per_min"), path + "/rate_per_min", 0.0, true,
                            "a number >= 0 (requests per minute)") / 60.0;
    }
    cls.boundS = number(required(object, path, "bound_s", "a number > 0, seconds"), path + "/bound_s", 0.0, false,
                        "a number > 0 (seconds)");
    if (object.contains("metric")) {
      const json& metric = object.at("metric");
      const auto parsed = metric.is_string() ? latencyMetricFromString(metric.get<std::string>()) : std::nullopt;
      if (!parsed) fail(path + "/metric", "must be one of: " + std::string(kLatencyMetricNames) + ", got " + shown(metric));
      cls.metric = *parsed;
    }
    if (object.contains("percentile")) {
      cls.percentile = number(object.at("percentile"), path + "/percentile", 0.0, false, "a number in (0, 100]");
      if (cls.percentile > 100.0) fail(path + "/percentile", "must be a number in (0, 100], got " + shown(object.at("percentile")));
    }
    hasRank = object.contains("rank");
    if (hasRank) {
      const json& rank = object.at("rank");
      if (!rank.is_number_integer() || rank.get<std::int64_t>() < 0 || rank.get<std::int64_t>() > 1000000) {
        fail(path + "/rank", "must be an integer >= 0 (0 = most urgent), got " + shown(rank));
      }
      cls.rank = static_cast<int>(rank.get<std::int64_t>());
    }
    return cls;
  }

  InstanceMode parseMode(const json& object, const std::string& path) {
    if (!object.is_object()) fail(path, "must be an instance mode object, got " + shown(object));
    checkFields(object, path, {"name", "cost", "max_instances", "curve", "curve_per_min"});
    InstanceMode mode;
    mode.name = name(object, path);
    mode.maxInstances = kDefaultMaxInstances;
    if (object.contains("cost")) mode.cost = number(object.at("cost"), path + "/cost", 0.0, false, "a number > 0");
    if (object.contains("max_instances")) {
      const json& value = object.at("max_instances");
      if (!value.is_number_integer() || value.get<std::int64_t>() < 0 || value.get<std::int64_t>() > 100000) {
        fail(path + "/max_instances", "must be an integer in [0, 100000], got " + shown(value));
      }
      mode.maxInstances = static_cast<std::int32_t>(value.get<std::int64_t>());
    }
    const bool perS = object.contains("curve");
    const bool perMin = object.contains("curve_per_min");
    if (perS == perMin) {
      fail(path + (perS ? "/curve_per_min" : "/curve"),
           perS ? "give the curve once: curve or curve_per_min, not both"
                : "required field is missing (curve: [[rate_per_s, latency_s], ...] or curve_per_min)");
    }
    const std::string key = perS ? "curve" : "curve_per_min";
    mode.curve = parseCurve(object.at(key), path + "/" + key, perS ? 1.0 : 1.0 / 60.0);
    return mode;
  }

  LatencyCurve parseCurve(const json& value, const std::string& path, double rateFactor) {
    const std::string shape = "a non-empty list of [rate, latency_s] points";
    if (!value.is_array() || value.empty()) fail(path, "must be " + shape + ", got " + shown(value));
    std::vector<CurvePoint> points;
    std::set<double> rates;
    for (std::size_t i = 0; i < value.size(); ++i) {
      const std::string pointPath = path + "/" + std::to_string(i);
      const json& point = value[i];
      if (!point.is_array() || point.size() != 2) fail(pointPath, "must be a [rate, latency_s] pair, got " + shown(point));
      const double rate = number(point[0], pointPath + "/0", 0.0, true, "a rate >= 0");
      const double latency = number(point[1], pointPath + "/1", 0.0, true, "a latency >= 0 (seconds)");
      if (!rates.insert(rate).second) fail(pointPath + "/0", "two points at the same rate " + shown(point[0]));
      points.push_back({rate * rateFactor, latency});
    }
    return LatencyCurve(std::move(points));
  }

  std::filesystem::path file_;
};

}  // namespace

PlanningFileError::PlanningFileError(std::filesystem::path file, std::string jsonPath, const std::string& problem)
    : std::runtime_error(file.string() + ": " + (jsonPath.empty() ? "" : jsonPath + ": ") + problem),
      file_(std::move(file)),
      jsonPath_(std::move(jsonPath)) {}

PlanningInput parsePlanningJson(const json& root, const std::filesystem::path& file) {
  return PlanningParser(file).parse(root);
}

PlanningInput loadPlanningFile(const std::filesystem::path& file) {
  std::error_code error;
  if (!std::filesystem::is_regular_file(file, error)) throw PlanningFileError(file, "", "no such planning file");
  std::ifstream in(file, std::ios::binary);
  json root;
  try {
    root = json::parse(in);
  } catch (const json::parse_error& e) {
    throw PlanningFileError(file, "", std::string("not valid JSON: ") + e.what());
  }
  return parsePlanningJson(root, file);
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
