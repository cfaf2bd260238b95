#include "engine/workload/scenario_json.h"

#include <algorithm>
#include <cmath>
#include <initializer_list>
#include <limits>
#include <sstream>

#include "engine/workload/trace_reader.h"

namespace headroom::engine {

namespace {

using nlohmann::json;

constexpr double kMaxSeconds = 1e9;
constexpr std::int64_t kMaxInt32 = std::numeric_limits<std::int32_t>::max();

std::string pointerToken(std::string_view key) {
  std::string token;
  for (char c : key) {
    if (c == '~') {
      token += "~0";
    } else if (c == '/') {
      token += "~1";
    } else {
      token.push_back(c);
    }
  }
  return token;
}

std::string child(const std::string& path, std::string_view key) { return path + "/" + pointerToken(key); }
std::string child(const std::string& path, std::size_t index) { return path + "/" + std::to_string(index); }

// How a bad value is shown after "got".
std::string shown(const json& value) {
  switch (value.type()) {
    case json::value_t::object: return "an object";
    case json::value_t::array: return "an array";
    case json::value_t::null: return "null";
    default: break;
  }
  std::string text = value.dump();
  constexpr std::size_t kMaxShown = 60;
  if (text.size() > kMaxShown) text = text.substr(0, kMaxShown) + "...";
  return text;
}

std::string joined(std::initializer_list<std::string_view> names) {
  std::string text;
  for (std::string_view name : names) text += (text.empty() ? "" : ", ") + std::string(name);
  return text;
}

std::string joined(const std::vector<std::string>& names) {
  std::string text;
  for (const std::string& name : names) text += (text.empty() ? "" : ", ") + name;
  return text;
}

std::string quotedText(std::string_view text) { return "\"" + std::string(text) + "\""; }

std::string formatNumber(double value) {
  std::ostringstream out;
  out.precision(12);
  out << value;
  return out.str();
}

std::optional<ArrivalKind> parseArrivalKind(std::string_view text) {
  if (text == "poisson") return ArrivalKind::Poisson;
  if (text == "gamma") return ArrivalKind::Gamma;
  if (text == "constant") return ArrivalKind::Constant;
  return std::nullopt;
}

std::optional<PhaseShape> parsePhaseShape(std::string_view text) {
  if (text == "step") return PhaseShape::Step;
  if (text == "ramp") return PhaseShape::Ramp;
  return std::nullopt;
}

std::optional<LengthKind> parseLengthKind(std::string_view text) {
  if (text == "fixed") return LengthKind::Fixed;
  if (text == "uniform") return LengthKind::Uniform;
  if (text == "lognormal") return LengthKind::Lognormal;
  if (text == "empirical") return LengthKind::Empirical;
  return std::nullopt;
}

std::optional<ExecutorKind> parseExecutorKind(std::string_view text) {
  if (text == "modeled") return ExecutorKind::Modeled;
  if (text == "constant") return ExecutorKind::Constant;
  if (text == "cpu") return ExecutorKind::Cpu;
  if (text == "cuda") return ExecutorKind::Cuda;
  return std::nullopt;
}

// Validates one parsed document and builds the Scenario. Every failure throws ScenarioError naming the
// file, the JSON pointer of the offending value and what would be accepted there.
class ScenarioParser {
 public:
  ScenarioParser(std::filesystem::path file, TraceFileCheck traceCheck)
      : file_(std::move(file)), traceCheck_(traceCheck) {}

  Scenario parse(const json& root) {
    if (!root.is_object()) fail("", "the top level must be a JSON object, got " + shown(root));
    // "modes" lists the instance modes the capacity planner may choose from; the planner reads and
    // validates it, a replay has no use for it.
    checkFields(root, "",
                {"name", "seed", "duration_s", "model", "tensor_parallel", "hardware", "executor", "pool",
                 "scheduler", "classes", "trace", "modes"});
    Scenario scenario;
    scenario.file = file_;
    scenario.name = nonEmptyString(required(root, "", "name", "a non-empty string"), "/name");
    if (const json* seed = field(root, "seed")) scenario.seed = unsignedInteger(*seed, "/seed");
    const bool hasTrace = root.contains("trace");
    const json* duration = field(root, "duration_s");
    if (duration) {
      scenario.durationS = positiveSeconds(*duration, "/duration_s");
    } else if (!hasTrace) {
      fail("/duration_s", "required field is missing (a number > 0, seconds; optional only with a trace)");
    }
    parseClasses(required(root, "", "classes", "a non-empty array of class objects"), hasTrace, scenario);
    parseExecutor(root, scenario.executor);
    parsePool(root, scenario);
    if (const json* scheduler = field(root, "scheduler")) parseScheduler(*scheduler, scenario.scheduler);
    if (hasTrace) parseTrace(root.at("trace"), duration == nullptr, scenario);
    return scenario;
  }

 private:
  [[noreturn]] void fail(const std::string& path, const std::string& problem) const {
    throw ScenarioError(file_, path, problem);
  }

  void checkFields(const json& object, const std::string& path,
                   std::initializer_list<std::string_view> allowed) {
    for (const auto& [key, value] : object.items()) {
      if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
        fail(child(path, key), "unknown field; allowed fields here: " + joined(allowed));
      }
    }
  }

  static const json* field(const json& object, std::string_view key) {
    const auto found = object.find(key);
    return found == object.end() ? nullptr : &*found;
  }

  const json& required(const json& object, const std::string& path, std::string_view key,
                       std::string_view what) {
    const json* value = field(object, key);
    if (!value) fail(child(path, key), "required field is missing (" + std::string(what) + ")");
    return *value;
  }

  void requireObject(const json& value, const std::string& path, std::string_view what) {
    if (!value.is_object()) fail(path, "must be an object " + std::string(what) + ", got " + shown(value));
  }

  std::string nonEmptyString(const json& value, const std::string& path) {
    if (!value.is_string() || value.get_ref<const std::string&>().empty()) {
      fail(path, "must be a non-empty string, got " + shown(value));
    }
    return value.get<std::string>();
  }

  template <typename Parser>
  auto choice(const json& value, const std::string& path, std::string_view names, Parser parser) {
    const std::string allowed = "must be one of: " + std::string(names);
    if (!value.is_string()) fail(path, allowed + "; got " + shown(value));
    const auto parsed = parser(value.get_ref<const std::string&>());
    if (!parsed) fail(path, allowed + "; got " + shown(value));
    return *parsed;
  }

  double number(const json& value, const std::string& path, double minimum, bool inclusive,
                std::string_view unit, double maximum = std::numeric_limits<double>::max()) {
    const std::string rule = "must be a number " + std::string(inclusive ? ">= " : "> ") +
                             formatNumber(minimum) + (unit.empty() ? "" : " (" + std::string(unit) + ")");
    if (!value.is_number()) fail(path, rule + ", got " + shown(value));
    const double result = value.get<double>();
    if (inclusive ? result < minimum : result <= minimum) fail(path, rule + ", got " + shown(value));
    if (result > maximum) {
      fail(path, "must be a number <= " + formatNumber(maximum) +
                     (unit.empty() ? "" : " (" + std::string(unit) + ")") + ", got " + shown(value));
    }
    return result;
  }

  double positiveSeconds(const json& value, const std::string& path) {
    const double seconds = number(value, path, 0.0, false, "seconds", kMaxSeconds);
    if (durationFromSeconds(seconds).count() <= 0) {
      fail(path,
           "must be a number >= 0.000001 (seconds, the engine counts microseconds), got " + shown(value));
    }
    return seconds;
  }

  double nonNegativeSeconds(const json& value, const std::string& path) {
    return number(value, path, 0.0, true, "seconds", kMaxSeconds);
  }

  std::int64_t integer(const json& value, const std::string& path, std::int64_t minimum,
                       std::int64_t maximum = kMaxInt32, std::string_view minimumText = {}) {
    const std::string rule =
        "must be an integer >= " + (minimumText.empty() ? std::to_string(minimum) : std::string(minimumText));
    if (!value.is_number_integer()) fail(path, rule + ", got " + shown(value));
    if (value.is_number_unsigned() && value.get<std::uint64_t>() > static_cast<std::uint64_t>(maximum)) {
      fail(path, "must be an integer <= " + std::to_string(maximum) + ", got " + shown(value));
    }
    const auto result = value.get<std::int64_t>();
    if (result < minimum) fail(path, rule + ", got " + shown(value));
    if (result > maximum)
      fail(path, "must be an integer <= " + std::to_string(maximum) + ", got " + shown(value));
    return result;
  }

  std::uint64_t unsignedInteger(const json& value, const std::string& path) {
    if (value.is_number_unsigned()) return value.get<std::uint64_t>();
    fail(path, "must be an unsigned integer (0 to 18446744073709551615), got " + shown(value));
  }

  bool boolean(const json& value, const std::string& path) {
    if (!value.is_boolean()) fail(path, "must be true or false, got " + shown(value));
    return value.get<bool>();
  }

  void parseClasses(const json& classes, bool hasTrace, Scenario& scenario) {
    if (!classes.is_array() || classes.empty()) {
      fail("/classes", "must be a non-empty array of class objects, got " +
                           (classes.is_array() ? std::string("an empty array") : shown(classes)));
    }
    for (std::size_t i = 0; i < classes.size(); ++i) {
      if (i > std::numeric_limits<ClassId>::max())
        fail(child("/classes", i), "too many classes (at most 65536)");
      scenario.classes.push_back(parseClass(classes[i], child("/classes", i), i, hasTrace));
      const std::string& name = scenario.classes.back().qos.name;
      for (std::size_t j = 0; j < i; ++j) {
        if (scenario.classes[j].qos.name == name) {
          fail(child(child("/classes", i), "name"), "class names must be unique; " + quotedText(name) +
                                                        " is also the name of " + child("/classes", j));
        }
      }
    }
  }

  ClassSpec parseClass(const json& object, const std::string& path, std::size_t index, bool hasTrace) {
    requireObject(object, path,
                  "(a class: name, rank, importance, slo, arrival, prompt_tokens, output_tokens)");
    checkFields(object, path,
                {"name", "rank", "importance", "slo", "arrival", "prompt_tokens", "output_tokens"});
    ClassSpec spec;
    spec.qos.name = nonEmptyString(required(object, path, "name", "a non-empty string"), child(path, "name"));
    spec.qos.rank = static_cast<int>(index);
    if (const json* rank = field(object, "rank"))
      spec.qos.rank = static_cast<int>(integer(*rank, child(path, "rank"), 0));
    if (const json* importance = field(object, "importance")) {
      spec.qos.importance =
          choice(*importance, child(path, "importance"), "high, normal, low", importanceFromString);
    }
    spec.qos.slo = parseSlo(required(object, path, "slo", "an object with ttft_s, tbt_s and/or ttlt_s"),
                            child(path, "slo"));
    for (std::string_view key : {"arrival", "prompt_tokens", "output_tokens"}) {
      const bool present = object.contains(key);
      if (hasTrace && present) {
        fail(child(path, key), "not allowed with a trace: the trace gives arrivals and token counts");
      }
      if (!hasTrace && !present) {
        fail(child(path, key), std::string("required field is missing without a trace (") +
                                   (key == "arrival" ? "an object with process and rate_per_s"
                                                     : "a positive integer or a {\"dist\": ...} object") +
                                   ")");
      }
    }
    if (!hasTrace) {
      spec.arrival = parseArrival(object.at("arrival"), child(path, "arrival"));
      spec.promptTokens = parseLength(object.at("prompt_tokens"), child(path, "prompt_tokens"));
      spec.outputTokens = parseLength(object.at("output_tokens"), child(path, "output_tokens"));
    }
    return spec;
  }

  Slo parseSlo(const json& object, const std::string& path) {
    requireObject(object, path, "(ttft_s, tbt_s, ttlt_s in seconds, percentile)");
    checkFields(object, path, {"ttft_s", "tbt_s", "ttlt_s", "percentile"});
    Slo slo;
    if (const json* v = field(object, "ttft_s"))
      slo.ttft = durationFromSeconds(positiveSeconds(*v, child(path, "ttft_s")));
    if (const json* v = field(object, "tbt_s"))
      slo.tbt = durationFromSeconds(positiveSeconds(*v, child(path, "tbt_s")));
    if (const json* v = field(object, "ttlt_s"))
      slo.ttlt = durationFromSeconds(positiveSeconds(*v, child(path, "ttlt_s")));
    if (const json* v = field(object, "percentile")) {
      const std::string rule = "must be a number in (0, 100), e.g. 99 for p99";
      if (!v->is_number() || v->get<double>() <= 0.0 || v->get<double>() >= 100.0) {
        fail(child(path, "percentile"), rule + ", got " + shown(*v));
      }
      slo.percentile = v->get<double>();
    }
    if (!slo.hasBound()) {
      fail(path, "needs at least one bound: ttft_s, tbt_s or ttlt_s (numbers > 0, seconds)");
    }
    return slo;
  }

  ArrivalSpec parseArrival(const json& object, const std::string& path) {
    requireObject(object, path, "(process, rate_per_s, cv, phases)");
    checkFields(object, path, {"process", "rate_per_s", "cv", "phases"});
    ArrivalSpec spec;
    spec.kind = choice(required(object, path, "process", "one of: poisson, gamma, constant"),
                       child(path, "process"), "poisson, gamma, constant", parseArrivalKind);
    spec.ratePerS = number(required(object, path, "rate_per_s", "a number >= 0, requests per second"),
                           child(path, "rate_per_s"), 0.0, true, "requests per second");
    const json* cv = field(object, "cv");
    if (spec.kind == ArrivalKind::Gamma) {
      if (!cv) fail(child(path, "cv"), "required for process \"gamma\" (a number > 0; 1 is Poisson-like)");
      spec.cv = number(*cv, child(path, "cv"), 0.0, false, "coefficient of variation of the gaps", 100.0);
    } else if (cv) {
      fail(child(path, "cv"), "only allowed for process \"gamma\"");
    }
    if (const json* phases = field(object, "phases")) {
      const std::string phasesPath = child(path, "phases");
      if (!phases->is_array()) fail(phasesPath, "must be an array of phase objects, got " + shown(*phases));
      for (std::size_t k = 0; k < phases->size(); ++k) {
        spec.phases.push_back(parsePhase((*phases)[k], child(phasesPath, k), spec.phases));
      }
    }
    return spec;
  }

  RatePhase parsePhase(const json& object, const std::string& path, const std::vector<RatePhase>& previous) {
    requireObject(object, path, "(start_s, rate_per_s, shape, end_s)");
    checkFields(object, path, {"start_s", "rate_per_s", "shape", "end_s"});
    RatePhase phase;
    phase.startS = nonNegativeSeconds(required(object, path, "start_s", "a number >= 0, seconds"),
                                      child(path, "start_s"));
    phase.ratePerS = number(required(object, path, "rate_per_s", "a number >= 0, requests per second"),
                            child(path, "rate_per_s"), 0.0, true, "requests per second");
    if (const json* shape = field(object, "shape")) {
      phase.shape = choice(*shape, child(path, "shape"), "step, ramp", parsePhaseShape);
    }
    const json* end = field(object, "end_s");
    if (phase.shape == PhaseShape::Ramp) {
      if (!end) fail(child(path, "end_s"), "required for shape \"ramp\" (a number > start_s, seconds)");
      phase.endS =
          number(*end, child(path, "end_s"), phase.startS, false, "seconds, after start_s", kMaxSeconds);
    } else if (end) {
      fail(child(path, "end_s"), "only allowed for shape \"ramp\"");
    }
    if (!previous.empty()) {
      const RatePhase& last = previous.back();
      if (phase.startS < last.startS) {
        fail(child(path, "start_s"),
             "phases must be sorted by start_s: must be >= " + formatNumber(last.startS) +
                 " (the previous phase's start_s), got " + formatNumber(phase.startS));
      }
      if (last.shape == PhaseShape::Ramp && phase.startS < last.endS) {
        fail(child(path, "start_s"), "must be >= " + formatNumber(last.endS) +
                                         " (the previous ramp's end_s; phases may not overlap), got " +
                                         formatNumber(phase.startS));
      }
    }
    return phase;
  }

  LengthSpec parseLength(const json& value, const std::string& path) {
    const std::string allowed =
        "must be a positive integer (a fixed length) or an object {\"dist\": fixed, uniform, lognormal or "
        "empirical, ...}";
    LengthSpec spec;
    if (value.is_number_integer()) {
      spec.kind = LengthKind::Fixed;
      spec.value = static_cast<std::int32_t>(integer(value, path, 1));
      return spec;
    }
    if (!value.is_object()) fail(path, allowed + ", got " + shown(value));
    spec.kind = choice(required(value, path, "dist", "one of: fixed, uniform, lognormal, empirical"),
                       child(path, "dist"), "fixed, uniform, lognormal, empirical", parseLengthKind);
    switch (spec.kind) {
      case LengthKind::Fixed:
        checkFields(value, path, {"dist", "value"});
        spec.value = static_cast<std::int32_t>(
            integer(required(value, path, "value", "an integer >= 1"), child(path, "value"), 1));
        break;
      case LengthKind::Uniform:
        checkFields(value, path, {"dist", "min", "max"});
        spec.min = static_cast<std::int32_t>(
            integer(required(value, path, "min", "an integer >= 1"), child(path, "min"), 1));
        spec.max = static_cast<std::int32_t>(integer(required(value, path, "max", "an integer >= min"),
                                                     child(path, "max"), spec.min, kMaxInt32,
                                                     "min (" + std::to_string(spec.min) + ")"));
        break;
      case LengthKind::Lognormal: {
        checkFields(value, path, {"dist", "median", "p90", "max"});
        spec.median = number(required(value, path, "median", "a number > 0, tokens"), child(path, "median"),
                             0.0, false, "tokens", static_cast<double>(kMaxInt32));
        spec.p90 = number(required(value, path, "p90", "a number > median, tokens"), child(path, "p90"),
                          spec.median, false, "tokens, above the median", 1e12);
        const auto minimumMax = static_cast<std::int64_t>(std::ceil(spec.median));
        spec.max =
            static_cast<std::int32_t>(integer(required(value, path, "max", "an integer >= median"),
                                              child(path, "max"), std::max<std::int64_t>(1, minimumMax),
                                              kMaxInt32, "the median (" + formatNumber(spec.median) + ")"));
        break;
      }
      case LengthKind::Empirical: {
        checkFields(value, path, {"dist", "values"});
        const json& values = required(value, path, "values", "a non-empty array of integers >= 1");
        const std::string valuesPath = child(path, "values");
        if (!values.is_array() || values.empty()) {
          fail(valuesPath, "must be a non-empty array of integers >= 1, got " +
                               (values.is_array() ? std::string("an empty array") : shown(values)));
        }
        for (std::size_t k = 0; k < values.size(); ++k) {
          spec.values.push_back(static_cast<std::int32_t>(integer(values[k], child(valuesPath, k), 1)));
        }
        break;
      }
    }
    return spec;
  }

  void parseExecutor(const json& root, ExecutorSpec& executor) {
    executor.kind = ExecutorKind::Modeled;
    const bool real = [&] {
      const json* object = field(root, "executor");
      if (!object) return false;
      requireObject(*object, "/executor",
                    "({\"kind\": \"constant\", \"iteration_s\": ...}, {\"kind\": \"modeled\"} or "
                    "{\"kind\": \"cpu\", \"model\": ..., \"weights\": ...})");
      executor.kind = choice(required(*object, "/executor", "kind", "one of: constant, modeled, cpu, cuda"),
                             "/executor/kind", "constant, modeled, cpu, cuda", parseExecutorKind);
      switch (executor.kind) {
        case ExecutorKind::Constant:
          checkFields(*object, "/executor", {"kind", "iteration_s"});
          executor.iteration = durationFromSeconds(positiveSeconds(
              required(*object, "/executor", "iteration_s", "a number > 0, seconds"), "/executor/iteration_s"));
          return false;
        case ExecutorKind::Modeled:
          checkFields(*object, "/executor", {"kind", "profile"});
          break;
        case ExecutorKind::Cpu:
        case ExecutorKind::Cuda:
          checkFields(*object, "/executor", {"kind", "model", "weights", "weights_seed", "profile"});
          if (const json* model = field(*object, "model")) executor.model = nonEmptyString(*model, "/executor/model");
          if (const json* weights = field(*object, "weights")) {
            executor.weights = nonEmptyString(*weights, "/executor/weights");
            const std::filesystem::path path(executor.weights);
            if (executor.weights != "random" && path.is_relative() && !file_.empty()) {
              executor.weights = (file_.parent_path() / path).lexically_normal().string();
            }
          }
          if (const json* seed = field(*object, "weights_seed")) {
            executor.weightsSeed = unsignedInteger(*seed, "/executor/weights_seed");
          }
          break;
      }
      if (const json* profile = field(*object, "profile")) {
        executor.profile = nonEmptyString(*profile, "/executor/profile");
      }
      return executor.kind == ExecutorKind::Cpu || executor.kind == ExecutorKind::Cuda;
    }();
    if (const json* model = field(root, "model")) {
      const std::string name = nonEmptyString(*model, "/model");
      if (!executor.model.empty() && executor.model != name) {
        fail("/executor/model", "names \"" + executor.model + "\" but /model names \"" + name + "\"; give one");
      }
      executor.model = name;
    }
    if (const json* hardware = field(root, "hardware"))
      executor.hardware = nonEmptyString(*hardware, "/hardware");
    if (const json* degree = field(root, "tensor_parallel")) {
      executor.tensorParallel = static_cast<std::int32_t>(integer(*degree, "/tensor_parallel", 1));
    }
    if (executor.kind == ExecutorKind::Constant && !executor.hardware.empty()) {
      fail("/hardware",
           "not allowed with a constant executor (its iteration time is fixed); remove \"hardware\" "
           "or use {\"kind\": \"modeled\"}");
    }
    if (executor.kind == ExecutorKind::Modeled) {
      if (executor.model.empty()) {
        fail("/model",
             "required field is missing for the modeled executor (a model name, e.g. \"llama-3.1-8b\")");
      }
      if (executor.hardware.empty() && executor.profile.empty()) {
        fail("/hardware",
             "required field is missing for the modeled executor (a hardware name, e.g. \"a100-80g\", or "
             "a measured profile in /executor/profile)");
      }
    }
    if (real && executor.model.empty()) {
      fail("/executor/model", "required field is missing for a computing executor (a model name, e.g. "
                              "\"llama-tiny\")");
    }
  }

  void parsePool(const json& root, Scenario& scenario) {
    PoolConfig& pool = scenario.pool;
    const json* object = field(root, "pool");
    if (!object) return;
    requireObject(*object, "/pool", "(instances, router, weights)");
    checkFields(*object, "/pool", {"instances", "router", "weights"});
    if (const json* instances = field(*object, "instances")) {
      pool.instances = static_cast<std::int32_t>(integer(*instances, "/pool/instances", 1, 100000));
    }
    if (const json* router = field(*object, "router")) {
      pool.router = choice(*router, "/pool/router", kRouterNames, routerKindFromString);
    }
    const json* weights = field(*object, "weights");
    if (pool.router != RouterKind::Weighted) {
      if (weights) fail("/pool/weights", "only allowed with router \"weighted\"");
      return;
    }
    const std::string rowRule =
        "one share >= 0 per instance (" + std::to_string(pool.instances) + " numbers) with a positive sum";
    if (!weights) {
      fail("/pool/weights",
           "required field is missing for router \"weighted\" (an object: class name -> " + rowRule + ")");
    }
    requireObject(*weights, "/pool/weights", "(class name -> " + rowRule + ")");
    std::vector<std::string> classNames;
    for (const ClassSpec& spec : scenario.classes) classNames.push_back(spec.qos.name);
    for (const auto& [key, row] : weights->items()) {
      if (std::find(classNames.begin(), classNames.end(), key) == classNames.end()) {
        fail(child("/pool/weights", key), "not a class of this scenario; classes: " + joined(classNames));
      }
    }
    for (const std::string& name : classNames) {
      const std::string rowPath = child("/pool/weights", name);
      const json* row = field(*weights, name);
      if (!row) fail(rowPath, "required field is missing: every class needs a row of " + rowRule);
      if (!row->is_array() || row->size() != static_cast<std::size_t>(pool.instances)) {
        fail(rowPath, "must be an array of " + rowRule + ", got " +
                          (row->is_array() ? std::to_string(row->size()) + " numbers" : shown(*row)));
      }
      std::vector<double> shares;
      double sum = 0.0;
      for (std::size_t k = 0; k < row->size(); ++k) {
        shares.push_back(number((*row)[k], child(rowPath, k), 0.0, true, "a share of this class's requests"));
        sum += shares.back();
      }
      if (!(sum > 0.0)) fail(rowPath, "must have a positive sum (" + rowRule + "), got all zeros");
      pool.weights.push_back(std::move(shares));
    }
  }

  void parseScheduler(const json& object, SchedulerConfig& config) {
    requireObject(object, "/scheduler", "(policy, alpha_s_per_token, chunking, relegation, ...)");
    checkFields(object, "/scheduler",
                {"policy", "alpha_s_per_token", "chunking", "relegation", "selective_preemption",
                 "max_batch_tokens", "max_batch_size", "kv_block_tokens", "kv_blocks", "dynamic_safety_factor",
                 "dynamic_floor_tokens"});
    if (const json* v = field(object, "policy")) {
      config.policy = choice(*v, "/scheduler/policy", kOrderingPolicyNames, orderingPolicyFromString);
    }
    if (const json* v = field(object, "alpha_s_per_token")) {
      config.alphaSPerToken = number(*v, "/scheduler/alpha_s_per_token", 0.0, true, "seconds per token", 1e6);
    }
    if (const json* v = field(object, "chunking")) {
      config.chunking = choice(*v, "/scheduler/chunking", kChunkingNames, chunkingFromString);
    }
    if (const json* v = field(object, "relegation")) {
      const std::string rule = "must be \"on\", \"off\", true or false";
      if (v->is_boolean()) {
        config.relegation = v->get<bool>() ? Relegation::On : Relegation::Off;
      } else if (v->is_string() && (*v == "on" || *v == "off")) {
        config.relegation = *v == "on" ? Relegation::On : Relegation::Off;
      } else {
        fail("/scheduler/relegation", rule + ", got " + shown(*v));
      }
    }
    if (const json* v = field(object, "selective_preemption")) {
      config.selectivePreemption = boolean(*v, "/scheduler/selective_preemption");
    }
    if (const json* v = field(object, "max_batch_tokens")) {
      config.maxBatchTokens = static_cast<std::int32_t>(integer(*v, "/scheduler/max_batch_tokens", 1));
    }
    if (const json* v = field(object, "max_batch_size")) {
      config.maxBatchSize = static_cast<std::int32_t>(integer(*v, "/scheduler/max_batch_size", 1));
    }
    if (const json* v = field(object, "kv_block_tokens")) {
      config.kvBlockTokens = static_cast<std::int32_t>(integer(*v, "/scheduler/kv_block_tokens", 1));
    }
    if (const json* v = field(object, "kv_blocks")) {
      config.kvBlocksOverride =
          integer(*v, "/scheduler/kv_blocks", 1, std::numeric_limits<std::int64_t>::max());
    }
    if (const json* v = field(object, "dynamic_safety_factor")) {
      config.dynamicSafetyFactor =
          number(*v, "/scheduler/dynamic_safety_factor", 0.0, false, "predicted time multiplier", 100.0);
    }
    if (const json* v = field(object, "dynamic_floor_tokens")) {
      config.dynamicFloorTokens = static_cast<std::int32_t>(integer(*v, "/scheduler/dynamic_floor_tokens", 1));
    }
  }

  void parseTrace(const json& object, bool durationFromTrace, Scenario& scenario) {
    requireObject(object, "/trace", "(path, format, class_mix)");
    checkFields(object, "/trace", {"path", "format", "class_mix"});
    TraceSpec trace;
    const std::string pathText =
        nonEmptyString(required(object, "/trace", "path", "a file path"), "/trace/path");
    trace.format = choice(required(object, "/trace", "format", "one of: " + std::string(kTraceFormatNames)),
                          "/trace/format", kTraceFormatNames, traceFormatFromString);
    std::vector<std::string> classNames;
    for (const ClassSpec& spec : scenario.classes) classNames.push_back(spec.qos.name);
    const json* mix = field(object, "class_mix");
    if (trace.format == TraceFormat::Headroom) {
      if (mix)
        fail("/trace/class_mix",
             "not allowed for format \"headroom\": its class column names each row's class");
    } else {
      const std::string rule = "an object: class name -> share >= 0, with a positive sum";
      if (!mix)
        fail("/trace/class_mix", "required field is missing for format \"" +
                                     std::string(toString(trace.format)) + "\" (" + rule + ")");
      requireObject(*mix, "/trace/class_mix", "(class name -> share >= 0)");
      double sum = 0.0;
      for (const auto& [key, share] : mix->items()) {
        const std::string sharePath = child("/trace/class_mix", key);
        if (std::find(classNames.begin(), classNames.end(), key) == classNames.end()) {
          fail(sharePath, "not a class of this scenario; classes: " + joined(classNames));
        }
        trace.classMix[key] = number(share, sharePath, 0.0, true, "a share of the trace's requests");
        sum += trace.classMix[key];
      }
      if (!(sum > 0.0)) fail("/trace/class_mix", "must have a positive sum (" + rule + ")");
    }
    std::filesystem::path path(pathText);
    if (path.is_relative()) path = file_.parent_path() / path;
    std::error_code error;
    path = std::filesystem::absolute(path, error).lexically_normal();
    if (traceCheck_ == TraceFileCheck::Skipped) {
      if (durationFromTrace) fail("/duration_s", "required field is missing (a number > 0, seconds)");
      trace.path = path;
      scenario.trace = std::move(trace);
      return;
    }
    if (!std::filesystem::is_regular_file(path, error)) {
      fail("/trace/path",
           "no such file: " + path.string() + " (a relative path starts at the scenario's folder)");
    }
    trace.path = path;
    try {
      const Trace rows = readTrace(trace.path, trace.format, classNames);
      if (durationFromTrace) scenario.durationS = rows.rows.back().arrivalS + 1e-6;
    } catch (const TraceError& e) {
      fail("/trace/path", e.what());
    }
    scenario.trace = std::move(trace);
  }

  std::filesystem::path file_;
  TraceFileCheck traceCheck_;
};


std::string_view arrivalKindName(ArrivalKind kind) {
  switch (kind) {
    case ArrivalKind::Poisson: return "poisson";
    case ArrivalKind::Gamma: return "gamma";
    case ArrivalKind::Constant: return "constant";
  }
  return "poisson";
}

std::string_view lengthKindName(LengthKind kind) {
  switch (kind) {
    case LengthKind::Fixed: return "fixed";
    case LengthKind::Uniform: return "uniform";
    case LengthKind::Lognormal: return "lognormal";
    case LengthKind::Empirical: return "empirical";
  }
  return "fixed";
}

json sloToJson(const Slo& slo) {
  json object = json::object();
  if (slo.ttft) object["ttft_s"] = toSeconds(*slo.ttft);
  if (slo.tbt) object["tbt_s"] = toSeconds(*slo.tbt);
  if (slo.ttlt) object["ttlt_s"] = toSeconds(*slo.ttlt);
  object["percentile"] = slo.percentile;
  return object;
}

json arrivalToJson(const ArrivalSpec& arrival) {
  json object = {{"process", arrivalKindName(arrival.kind)}, {"rate_per_s", arrival.ratePerS}};
  if (arrival.kind == ArrivalKind::Gamma) object["cv"] = arrival.cv;
  if (!arrival.phases.empty()) {
    json phases = json::array();
    for (const RatePhase& phase : arrival.phases) {
      json entry = {{"start_s", phase.startS},
                    {"rate_per_s", phase.ratePerS},
                    {"shape", phase.shape == PhaseShape::Ramp ? "ramp" : "step"}};
      if (phase.shape == PhaseShape::Ramp) entry["end_s"] = phase.endS;
      phases.push_back(std::move(entry));
    }
    object["phases"] = std::move(phases);
  }
  return object;
}

json lengthToJson(const LengthSpec& length) {
  json object = {{"dist", lengthKindName(length.kind)}};
  switch (length.kind) {
    case LengthKind::Fixed: object["value"] = length.value; break;
    case LengthKind::Uniform:
      object["min"] = length.min;
      object["max"] = length.max;
      break;
    case LengthKind::Lognormal:
      object["median"] = length.median;
      object["p90"] = length.p90;
      object["max"] = length.max;
      break;
    case LengthKind::Empirical: object["values"] = length.values; break;
  }
  return object;
}

json classToJson(const ClassSpec& spec, bool hasTrace) {
  json object = {{"name", spec.qos.name},
                 {"rank", spec.qos.rank},
                 {"importance", toString(spec.qos.importance)},
                 {"slo", sloToJson(spec.qos.slo)}};
  if (!hasTrace) {
    object["arrival"] = arrivalToJson(spec.arrival);
    object["prompt_tokens"] = lengthToJson(spec.promptTokens);
    object["output_tokens"] = lengthToJson(spec.outputTokens);
  }
  return object;
}

json schedulerToJson(const SchedulerConfig& config) {
  json object = {{"policy", toString(config.policy)},
                 {"alpha_s_per_token", config.alphaSPerToken},
                 {"chunking", toString(config.chunking)},
                 {"relegation", config.relegation == Relegation::On},
                 {"selective_preemption", config.selectivePreemption},
                 {"max_batch_tokens", config.maxBatchTokens},
                 {"max_batch_size", config.maxBatchSize},
                 {"dynamic_safety_factor", config.dynamicSafetyFactor},
                 {"dynamic_floor_tokens", config.dynamicFloorTokens},
                 {"kv_block_tokens", config.kvBlockTokens}};
  if (config.kvBlocksOverride) object["kv_blocks"] = *config.kvBlocksOverride;
  return object;
}

json poolToJson(const Scenario& scenario) {
  json object = {{"instances", scenario.pool.instances}, {"router", toString(scenario.pool.router)}};
  if (scenario.pool.router == RouterKind::Weighted) {
    json weights = json::object();
    for (std::size_t i = 0; i < scenario.pool.weights.size() && i < scenario.classes.size(); ++i) {
      weights[scenario.classes[i].qos.name] = scenario.pool.weights[i];
    }
    object["weights"] = std::move(weights);
  }
  return object;
}

json executorToJson(const ExecutorSpec& executor) {
  json object;
  switch (executor.kind) {
    case ExecutorKind::Constant:
      return {{"kind", "constant"}, {"iteration_s", toSeconds(executor.iteration)}};
    case ExecutorKind::Modeled:
      object = {{"kind", "modeled"}};
      break;
    case ExecutorKind::Cpu:
    case ExecutorKind::Cuda:
      object = {{"kind", executor.kind == ExecutorKind::Cpu ? "cpu" : "cuda"},
                {"weights", executor.weights},
                {"weights_seed", executor.weightsSeed}};
      break;
  }
  if (!executor.profile.empty()) object["profile"] = executor.profile;
  return object;
}

}  // namespace

json scenarioToJson(const Scenario& scenario) {
  json root = {{"name", scenario.name}, {"seed", scenario.seed}, {"duration_s", scenario.durationS}};
  if (!scenario.executor.model.empty()) root["model"] = scenario.executor.model;
  if (!scenario.executor.hardware.empty()) root["hardware"] = scenario.executor.hardware;
  if (scenario.executor.tensorParallel > 0) root["tensor_parallel"] = scenario.executor.tensorParallel;
  root["executor"] = executorToJson(scenario.executor);
  root["pool"] = poolToJson(scenario);
  root["scheduler"] = schedulerToJson(scenario.scheduler);
  json classes = json::array();
  for (const ClassSpec& spec : scenario.classes) classes.push_back(classToJson(spec, scenario.trace.has_value()));
  root["classes"] = std::move(classes);
  if (scenario.trace) {
    json trace = {{"path", scenario.trace->path.string()}, {"format", toString(scenario.trace->format)}};
    if (scenario.trace->format != TraceFormat::Headroom) trace["class_mix"] = scenario.trace->classMix;
    root["trace"] = std::move(trace);
  }
  return root;
}

Scenario scenarioFromJson(const json& document, const std::filesystem::path& origin) {
  return scenarioFromJson(document, origin, TraceFileCheck::Required);
}

Scenario scenarioFromJson(const json& document, const std::filesystem::path& origin, TraceFileCheck traceCheck) {
  return ScenarioParser(origin, traceCheck).parse(document);
}

}  // namespace headroom::engine
