#include "solver/curve_measurement.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>
#include <spdlog/fmt/fmt.h>

#include "engine/core/resource_paths.h"
#include "engine/sim/simulation.h"
#include "solver/src/curve_cache.h"
#include "engine/metrics/latency_of.h"
#include "solver/src/sweep_tally.h"

namespace headroom::solver {

namespace {

constexpr double kMaxRatePerS = 10000.0;
constexpr double kMinRatePerS = 1e-4;
constexpr double kBacklogShare = 0.15;     // a replay whose backlog takes longer than this share of its window to drain is saturated
constexpr double kMinClassSamples = 60.0;  // arrivals of the measured class a window should hold
constexpr double kMaxArrivalsPerReplay = 200000.0;

std::string lengthText(const engine::LengthSpec& spec) {
  std::string text = fmt::format("{}:{}:{}:{}:{:.17g}:{:.17g}", static_cast<int>(spec.kind), spec.value, spec.min,
                                 spec.max, spec.median, spec.p90);
  for (std::int32_t v : spec.values) text += fmt::format(",{}", v);
  return text;
}

std::string fileText(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// Everything a measured curve depends on, as text: the hash of this is the cache key.
std::string sweepDescription(const engine::Scenario& scenario, const ScenarioMode& mode,
                             const std::vector<PlanningClass>& classes, const CurveSweepOptions& options) {
  std::string text = "headroom-curves-v2\n";
  text += fmt::format("seed {}\n", scenario.seed);
  const engine::ExecutorSpec& ex = mode.executor;
  text += fmt::format("executor {} {} {} {} {}\n", static_cast<int>(ex.kind), ex.model, ex.hardware,
                      ex.tensorParallel, ex.iteration.count());
  if (!ex.model.empty()) text += "model-file " + fileText(engine::resourceFile("models", ex.model)) + "\n";
  if (!ex.hardware.empty()) text += "hardware-file " + fileText(engine::resourceFile("hardware", ex.hardware)) + "\n";
  const engine::SchedulerConfig& s = scenario.scheduler;
  text += fmt::format("scheduler {:.17g} {} {} {} {} {} {} {:.17g} {} {} {}\n", s.alphaSPerToken,
                      static_cast<int>(s.chunking.mode), s.chunking.fixedTokens, static_cast<int>(s.relegation),
                      s.selectivePreemption, s.maxBatchTokens, s.maxBatchSize, s.dynamicSafetyFactor,
                      s.dynamicFloorTokens, s.kvBlockTokens, s.kvBlocksOverride.value_or(-1));
  for (std::size_t i = 0; i < scenario.classes.size(); ++i) {
    const engine::ClassSpec& c = scenario.classes[i];
    text += fmt::format("class {} {} {} {:.17g} {:.17g} {} {} {:.17g} {:.17g} {} {}\n", c.qos.name, c.qos.rank,
                        static_cast<int>(c.qos.importance), c.arrival.ratePerS, c.arrival.cv,
                        static_cast<int>(c.arrival.kind), static_cast<int>(classes[i].metric), classes[i].boundS,
                        classes[i].percentile, lengthText(c.promptTokens), lengthText(c.outputTokens));
    const engine::Slo& slo = c.qos.slo;
    text += fmt::format("slo {} {} {}\n", slo.ttft ? slo.ttft->count() : -1, slo.tbt ? slo.tbt->count() : -1,
                        slo.ttlt ? slo.ttlt->count() : -1);
    text += fmt::format("rate {:.17g}\n", classes[i].ratePerS);
  }
  text += fmt::format("sweep {:.17g} {} {} {:.17g} {:.17g}\n", options.startRatePerS, options.refinements,
                      options.shapePoints, options.minWindowS, options.maxWindowS);
  return text;
}

struct Probe {
  double ratePerS = 0.0;
  bool stable = false;
  std::optional<double> latencyS;  // empty when the class completed nothing
};

class ClassSweep {
 public:
  ClassSweep(const engine::Scenario& scenario, const ScenarioMode& mode, const std::vector<PlanningClass>& classes,
             std::size_t target, const CurveSweepOptions& options, detail::SweepTally& tally, std::int32_t& replays)
      : classes_(classes), target_(target), options_(options), tally_(tally), replays_(replays) {
    base_ = scenario;
    base_.executor = mode.executor;
    base_.pool = engine::PoolConfig{};
    base_.pool.instances = 1;
    base_.scheduler.policy = engine::OrderingPolicy::Priority;
    base_.trace.reset();
    base_.classes.clear();
    // The whole mix is replayed: under priority ordering lower classes do not delay admission, but
    // their running decodes still share every batch, so they ride along in the scenario's proportions.
    // The curve's rate is that of the classes ranked at or above the target, as the plan's model uses it.
    for (std::size_t i = 0; i < scenario.classes.size(); ++i) {
      if (classes[i].ratePerS <= 0.0) continue;
      engine::ClassSpec spec = scenario.classes[i];
      spec.arrival.phases.clear();
      spec.qos.slo.percentile = classes[i].percentile;
      if (i == target) targetIndex_ = base_.classes.size();
      base_.classes.push_back(spec);
      shares_.push_back(classes[i].ratePerS);
      if (classes[i].rank <= classes[target].rank) prefixRatePerS_ += classes[i].ratePerS;
    }
    for (double& share : shares_) share /= prefixRatePerS_;
    label_ = fmt::format("mode {} class {}", mode.name, classes[target].name);
  }

  LatencyCurve run() {
    const double bound = classes_[target_].boundS;
    auto meets = [&](const Probe& p) { return p.stable && p.latencyS && *p.latencyS <= bound; };
    double rate = options_.startRatePerS;
    Probe probe = measure(rate);
    double good = 0.0;
    double bad = 0.0;
    if (meets(probe)) {
      good = rate;
      while (rate * 2.0 <= kMaxRatePerS && rate * 2.0 * options_.minWindowS <= kMaxArrivalsPerReplay) {
        rate *= 2.0;
        probe = measure(rate);
        if (!meets(probe)) {
          bad = rate;
          break;
        }
        good = rate;
      }
    } else {
      // Lower rates while that still helps: a latency that no longer falls is the latency at zero load.
      bad = rate;
      while (rate / 4.0 >= kMinRatePerS) {
        const Probe previous = probe;
        rate /= 4.0;
        probe = measure(rate);
        if (meets(probe)) {
          good = rate;
          break;
        }
        bad = rate;
        const bool stillFalling = !previous.stable || !previous.latencyS || !probe.latencyS ||
                                  *probe.latencyS < 0.95 * *previous.latencyS;
        if (probe.stable && !stillFalling) break;
      }
    }
    if (good > 0.0 && bad > 0.0) {
      for (std::int32_t step = 0; step < options_.refinements; ++step) {
        const double middle = 0.5 * (good + bad);
        (meets(measure(middle)) ? good : bad) = middle;
      }
      for (std::int32_t k = 1; k <= options_.shapePoints; ++k) {
        measure(good * static_cast<double>(k) / (options_.shapePoints + 1));
      }
    }
    std::vector<CurvePoint> points;
    for (const Probe& p : probes_) {
      if (p.stable && p.latencyS) points.push_back({p.ratePerS, *p.latencyS});
    }
    std::sort(points.begin(), points.end(), [](const CurvePoint& a, const CurvePoint& b) { return a.ratePerS < b.ratePerS; });
    points.erase(std::unique(points.begin(), points.end(),
                             [](const CurvePoint& a, const CurvePoint& b) { return a.ratePerS == b.ratePerS; }),
                 points.end());
    if (points.empty()) {
      throw std::runtime_error(label_ + ": one instance saturates even at " + fmt::format("{:g}", kMinRatePerS) +
                               " requests/s; no latency curve can be measured");
    }
    return LatencyCurve(std::move(points));
  }

 private:
  Probe measure(double ratePerS) {
    for (const Probe& p : probes_) {
      if (p.ratePerS == ratePerS) return p;
    }
    engine::Scenario scenario = base_;
    const double classRate = ratePerS * shares_[targetIndex_];
    scenario.durationS = std::clamp(std::max({options_.minWindowS, 4.0 * classes_[target_].boundS,
                                              kMinClassSamples / classRate}),
                                    options_.minWindowS, options_.maxWindowS);
    for (std::size_t i = 0; i < scenario.classes.size(); ++i) {
      scenario.classes[i].arrival.ratePerS = ratePerS * shares_[i];
    }
    engine::ReplayOptions replayOptions;
    tally_.throwIfCancelled();
    const engine::ReplayOutcome outcome =
        engine::replay(scenario, replayOptions, [this](double) { tally_.throwIfCancelled(); });
    ++replays_;
    Probe probe;
    probe.ratePerS = ratePerS;
    probe.stable = outcome.simulatedS - outcome.durationS <= kBacklogShare * outcome.durationS;
    const engine::LatencyStats& stats = engine::latencyOf(outcome.snapshot->classes[targetIndex_], classes_[target_].metric);
    if (!stats.empty()) probe.latencyS = stats.watchedS;
    {
      tally_.measured(fmt::format("{}: {:.4g} req/s (classes at or above it) -> p{:g} {} {}{}", label_, ratePerS,
                            classes_[target_].percentile, toString(classes_[target_].metric),
                            probe.latencyS ? fmt::format("{:.4g} s", *probe.latencyS) : "-",
                            probe.stable ? "" : " (saturated)"));
    }
    probes_.push_back(probe);
    return probe;
  }

  engine::Scenario base_;
  const std::vector<PlanningClass>& classes_;
  std::size_t target_;
  std::size_t targetIndex_ = 0;
  std::vector<double> shares_;
  double prefixRatePerS_ = 0.0;
  const CurveSweepOptions& options_;
  detail::SweepTally& tally_;
  std::int32_t& replays_;
  std::string label_;
  std::vector<Probe> probes_;
};

}  // namespace

std::filesystem::path defaultCurveCacheDir() {
  if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg != nullptr && *xdg != '\0') {
    return std::filesystem::path(xdg) / "headroom" / "curves";
  }
  if (const char* home = std::getenv("HOME"); home != nullptr && *home != '\0') {
    return std::filesystem::path(home) / ".cache" / "headroom" / "curves";
  }
  return std::filesystem::temp_directory_path() / "headroom" / "curves";
}

namespace detail {

std::int32_t expectedPoints(const std::vector<PlanningClass>& classes, const CurveSweepOptions& options) {
  const auto measured = std::count_if(classes.begin(), classes.end(), [](const PlanningClass& c) { return c.ratePerS > 0.0; });
  return static_cast<std::int32_t>(measured) * expectedPointsPerClass(options.refinements, options.shapePoints);
}

MeasuredCurves measureClassCurves(const engine::Scenario& scenario, const ScenarioMode& mode,
                                  const std::vector<PlanningClass>& classes, const CurveSweepOptions& options,
                                  SweepTally& tally) {
  if (classes.size() != scenario.classes.size()) {
    throw std::invalid_argument("measureClassCurves: one planning class per scenario class is needed");
  }
  const std::filesystem::path cacheDir = options.cacheDir.value_or(defaultCurveCacheDir());
  const std::string key = detail::cacheKey(sweepDescription(scenario, mode, classes, options));
  const std::int32_t perClass = expectedPointsPerClass(options.refinements, options.shapePoints);
  MeasuredCurves result;
  if (options.useCache) {
    if (std::optional<std::vector<LatencyCurve>> cached = detail::readCachedCurves(cacheDir, key, classes.size())) {
      result.classCurves = std::move(*cached);
      result.fromCache = true;
      tally.settle(expectedPoints(classes, options), 0);
      tally.report(fmt::format("mode {}: curves from the cache ({})", mode.name, key));
      return result;
    }
  }
  for (std::size_t i = 0; i < classes.size(); ++i) {
    if (classes[i].ratePerS <= 0.0) {
      result.classCurves.emplace_back();
      continue;
    }
    const std::int32_t before = result.replays;
    result.classCurves.push_back(ClassSweep(scenario, mode, classes, i, options, tally, result.replays).run());
    tally.settle(perClass, result.replays - before);
  }
  if (options.useCache) detail::writeCachedCurves(cacheDir, key, result.classCurves);
  return result;
}

}  // namespace detail

MeasuredCurves measureClassCurves(const engine::Scenario& scenario, const ScenarioMode& mode,
                                  const std::vector<PlanningClass>& classes, const CurveSweepOptions& options,
                                  const SweepControl& control) {
  detail::SweepTally tally(control);
  tally.expect(detail::expectedPoints(classes, options));
  return detail::measureClassCurves(scenario, mode, classes, options, tally);
}

MeasuredCurves measureClassCurves(const engine::Scenario& scenario, const ScenarioMode& mode,
                                  const std::vector<PlanningClass>& classes, const CurveSweepOptions& options,
                                  const CurveProgress& progress) {
  SweepControl control;
  if (progress) control.progress = [&progress](const SweepProgress& step) { progress(step.message); };
  return measureClassCurves(scenario, mode, classes, options, control);
}

}  // namespace headroom::solver
