#include "solver/planning_scenario.h"

#include <algorithm>
#include <fstream>

#include <nlohmann/json.hpp>
#include <spdlog/fmt/fmt.h>

#include "engine/core/resource_paths.h"
#include "engine/io/json_input.h"
#include "engine/sim/simulation.h"
#include "engine/metrics/latency_of.h"
#include "solver/service_floor.h"
#include "solver/src/sweep_tally.h"

namespace headroom::solver {

using json = nlohmann::json;

namespace {

std::string shown(const json& value) { return engine::JsonInput::shown(value); }

std::string available(std::string_view kind) {
  std::vector<std::string> names;
  std::error_code error;
  for (const auto& entry : std::filesystem::directory_iterator(engine::resourceDir() / kind, error)) {
    if (entry.path().extension() == ".json") names.push_back(entry.path().stem().string());
  }
  std::sort(names.begin(), names.end());
  std::string text;
  for (const std::string& name : names) text += (text.empty() ? "" : ", ") + name;
  return text.empty() ? "none found" : text;
}

std::string defaultModeName(const engine::ExecutorSpec& executor) {
  if (executor.kind == engine::ExecutorKind::Constant) {
    return fmt::format("constant-{:g}s", std::chrono::duration<double>(executor.iteration).count());
  }
  return executor.model + "@" + executor.hardware;
}

std::vector<ScenarioMode> parseModes(const json& modes, const engine::Scenario& scenario,
                                     const std::filesystem::path& file) {
  const engine::JsonInput input(file);
  const engine::JsonPointer modesAt = engine::JsonPointer() / "modes";
  if (!modes.is_array() || modes.empty()) input.failValue(modesAt, "must be a non-empty array of instance modes", modes);
  std::vector<ScenarioMode> result;
  for (std::size_t i = 0; i < modes.size(); ++i) {
    const engine::JsonPointer at = modesAt / i;
    const json& object = modes[i];
    input.requireObject(object, at, "with name, hardware, ...");
    input.checkFields(object, at, {"name", "model", "hardware", "tensor_parallel", "iteration_s", "cost", "max_instances"});
    ScenarioMode mode;
    mode.executor = scenario.executor;
    mode.name = input.nonEmptyString(input.required(object, at, "name", "a non-empty string"), at / "name");
    for (const ScenarioMode& other : result) {
      if (other.name == mode.name) input.fail(at / "name", "mode names must be unique; \"" + mode.name + "\" appears twice");
    }
    const bool constant = scenario.executor.kind == engine::ExecutorKind::Constant;
    for (const char* key : {"model", "hardware"}) {
      const json* value = engine::JsonInput::field(object, key);
      if (!value) continue;
      if (constant && std::string(key) == "hardware") input.fail(at / "hardware", "not allowed with a constant executor");
      const std::string name = input.nonEmptyString(*value, at / key);
      const std::string kind = std::string(key) == "model" ? "models" : "hardware";
      if (!std::filesystem::is_regular_file(engine::resourceFile(kind, name))) {
        input.fail(at / key, "no " + std::string(key) + " named " + shown(*value) + "; available: " + available(kind));
      }
      (std::string(key) == "model" ? mode.executor.model : mode.executor.hardware) = name;
    }
    if (const json* value = engine::JsonInput::field(object, "tensor_parallel")) {
      mode.executor.tensorParallel = static_cast<std::int32_t>(input.integer(*value, at / "tensor_parallel", 1, 64));
    }
    if (const json* value = engine::JsonInput::field(object, "iteration_s")) {
      if (!constant) input.fail(at / "iteration_s", "only allowed with a constant executor");
      mode.executor.iteration = engine::durationFromSeconds(input.number(
          *value, at / "iteration_s",
          engine::NumberRange::interval(0.0, engine::NumberRange::End::Open, 3600.0, engine::NumberRange::End::Closed,
                                        "seconds")));
    }
    if (const json* value = engine::JsonInput::field(object, "cost")) {
      mode.cost = input.number(*value, at / "cost", engine::NumberRange::above(0.0));
    }
    if (const json* value = engine::JsonInput::field(object, "max_instances")) {
      mode.maxInstances = static_cast<std::int32_t>(input.integer(*value, at / "max_instances", 0, 100000));
    }
    result.push_back(std::move(mode));
  }
  return result;
}

}  // namespace

PlanningScenario loadPlanningScenario(const std::filesystem::path& file) {
  json root;
  {
    std::ifstream in(file, std::ios::binary);
    root = json::parse(in, nullptr, false);
  }
  PlanningScenario planning;
  if (root.is_object() && root.contains("trace")) {
    throw engine::InputError(file, engine::JsonPointer("/trace"),
                             "a plan needs each class's own arrival rate; replace the trace by per-class \"arrival\" "
                             "processes to plan this scenario");
  }
  planning.scenario = engine::loadScenario(file);
  if (root.is_object() && root.contains("modes")) {
    planning.modes = parseModes(root.at("modes"), planning.scenario, file);
  } else {
    planning.modes.push_back({defaultModeName(planning.scenario.executor), planning.scenario.executor, 1.0, 64});
  }
  return planning;
}

std::vector<PlanningClass> planningClasses(const PlanningScenario& planning) {
  const engine::Scenario& scenario = planning.scenario;
  if (scenario.trace) {
    throw engine::InputError(scenario.file, engine::JsonPointer("/trace"),
                             "a plan needs each class's own arrival rate, not a trace");
  }
  std::vector<PlanningClass> classes;
  for (std::size_t i = 0; i < scenario.classes.size(); ++i) {
    const engine::ClassSpec& spec = scenario.classes[i];
    PlanningClass cls;
    cls.name = spec.qos.name;
    cls.rank = spec.qos.rank;
    cls.percentile = spec.qos.slo.percentile;
    cls.ratePerS = spec.arrival.ratePerS;
    for (const engine::RatePhase& phase : spec.arrival.phases) cls.ratePerS = std::max(cls.ratePerS, phase.ratePerS);
    if (spec.qos.slo.ttft) {
      cls.metric = LatencyMetric::Ttft;
      cls.boundS = engine::toSeconds(*spec.qos.slo.ttft);
    } else if (spec.qos.slo.ttlt) {
      cls.metric = LatencyMetric::Ttlt;
      cls.boundS = engine::toSeconds(*spec.qos.slo.ttlt);
    } else {
      throw engine::InputError(scenario.file, engine::JsonPointer() / "classes" / i / "slo",
                               "the planner needs a ttft_s or ttlt_s bound for class \"" + cls.name + "\"");
    }
    classes.push_back(cls);
  }
  return classes;
}

PlanningInput planningInputFromScenario(const PlanningScenario& planning, const CurveSweepOptions& options,
                                        const SweepControl& control, std::int32_t* replays) {
  PlanningInput input;
  input.classes = planningClasses(planning);
  detail::SweepTally tally(control);
  tally.expect(detail::expectedPoints(input.classes, options) * static_cast<std::int32_t>(planning.modes.size()));
  for (const ScenarioMode& scenarioMode : planning.modes) {
    MeasuredCurves measured = detail::measureClassCurves(planning.scenario, scenarioMode, input.classes, options, tally);
    if (replays != nullptr) *replays += measured.replays;
    InstanceMode mode;
    mode.name = scenarioMode.name;
    mode.cost = scenarioMode.cost;
    mode.maxInstances = scenarioMode.maxInstances;
    mode.classCurves = std::move(measured.classCurves);
    mode.classFloorsS.assign(input.classes.size(), 0.0);
    for (std::size_t cls = 0; cls < input.classes.size(); ++cls) {
      if (input.classes[cls].ratePerS <= 0.0) continue;
      mode.classFloorsS[cls] = serviceFloorS(planning.scenario, scenarioMode.executor, cls, input.classes[cls].metric,
                                             input.classes[cls].percentile);
    }
    input.modes.push_back(std::move(mode));
  }
  return input;
}

PlanningInput planningInputFromScenario(const PlanningScenario& planning, const CurveSweepOptions& options,
                                        const CurveProgress& progress, std::int32_t* replays) {
  SweepControl control;
  if (progress) control.progress = [&progress](const SweepProgress& step) { progress(step.message); };
  return planningInputFromScenario(planning, options, control, replays);
}

Verification verifyPlan(const PlanningScenario& planning, const PlanningInput& input, const Plan& plan,
                        const CurveProgress& progress) {
  SweepControl control;
  if (progress) control.progress = [&progress](const SweepProgress& step) { progress(step.message); };
  return verifyPlan(planning, input, plan, control);
}

Verification verifyPlan(const PlanningScenario& planning, const PlanningInput& input, const Plan& plan,
                        const SweepControl& control) {
  if (!plan.solutionFound) throw std::invalid_argument("there is no plan to verify");
  const engine::Scenario& base = planning.scenario;
  const std::size_t classes = base.classes.size();
  Verification verification;
  std::vector<std::optional<double>> replayed(classes);
  detail::SweepTally tally(control);
  for (std::size_t mode = 0; mode < planning.modes.size(); ++mode) {
    const bool used = std::any_of(plan.instances.begin(), plan.instances.end(),
                                  [mode](const PlannedInstance& instance) { return instance.modeIndex == mode; });
    if (used) tally.expect(1);
  }
  for (std::size_t mode = 0; mode < planning.modes.size(); ++mode) {
    std::vector<const PlannedInstance*> instances;
    for (const PlannedInstance& instance : plan.instances) {
      if (instance.modeIndex == mode) instances.push_back(&instance);
    }
    if (instances.empty()) continue;
    engine::Scenario scenario = base;
    scenario.executor = planning.modes[mode].executor;
    scenario.scheduler.policy = engine::OrderingPolicy::Priority;
    scenario.pool.instances = static_cast<std::int32_t>(instances.size());
    scenario.pool.router = engine::RouterKind::Weighted;
    scenario.pool.weights.assign(classes, std::vector<double>(instances.size(), 0.0));
    for (std::size_t cls = 0; cls < classes; ++cls) {
      double modeRate = 0.0;
      for (std::size_t k = 0; k < instances.size(); ++k) {
        scenario.pool.weights[cls][k] = instances[k]->ratePerS[cls];
        modeRate += instances[k]->ratePerS[cls];
      }
      if (modeRate <= 0.0) std::fill(scenario.pool.weights[cls].begin(), scenario.pool.weights[cls].end(), 1.0);
      const double share = input.classes[cls].ratePerS > 0.0 ? std::min(1.0, modeRate / input.classes[cls].ratePerS) : 0.0;
      engine::ArrivalSpec& arrival = scenario.classes[cls].arrival;
      arrival.ratePerS *= share;
      for (engine::RatePhase& phase : arrival.phases) phase.ratePerS *= share;
    }
    tally.throwIfCancelled();
    const engine::ReplayOutcome outcome =
        engine::replay(scenario, engine::ReplayOptions{}, [&tally](double) { tally.throwIfCancelled(); });
    ++verification.replays;
    tally.measured(fmt::format("verifying: {} x {}", instances.size(), planning.modes[mode].name));
    for (std::size_t cls = 0; cls < classes; ++cls) {
      const engine::LatencyStats& stats = engine::latencyOf(outcome.snapshot->classes[cls], input.classes[cls].metric);
      if (stats.empty()) continue;
      if (!replayed[cls] || stats.watchedS > *replayed[cls]) replayed[cls] = stats.watchedS;
    }
  }
  for (std::size_t cls = 0; cls < classes; ++cls) {
    ClassVerification item;
    item.name = input.classes[cls].name;
    item.metric = input.classes[cls].metric;
    item.percentile = input.classes[cls].percentile;
    item.boundS = input.classes[cls].boundS;
    item.predictedS = plan.predictedLatencyS[cls];
    item.replayedS = replayed[cls];
    item.held = !replayed[cls] || *replayed[cls] <= item.boundS;
    item.missedByS = item.held ? 0.0 : *replayed[cls] - item.boundS;
    verification.allHeld = verification.allHeld && item.held;
    verification.classes.push_back(item);
  }
  return verification;
}

}  // namespace headroom::solver
