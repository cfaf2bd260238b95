#include "engine/sim/simulation.h"

#include <algorithm>
#include <limits>

#include "engine/exec/executor_factory.h"
#include "engine/exec/modeled/kv_capacity.h"
#include "engine/io/json_input.h"
#include "engine/pool/model_quality.h"

namespace headroom::engine {

namespace {

constexpr std::int64_t kNever = std::numeric_limits<std::int64_t>::max();

}  // namespace

std::int64_t instanceKvBlocks(const Scenario& scenario) {
  return instanceKvBlocks(scenario, PoolGroup{"", scenario.executor, scenario.pool});
}

std::int64_t instanceKvBlocks(const Scenario& scenario, const PoolGroup& group) {
  if (scenario.scheduler.kvBlocksOverride) return *scenario.scheduler.kvBlocksOverride;
  // A constant executor models no memory: its KV cache is unbounded unless the scenario fixes it.
  if (group.executor.kind == ExecutorKind::Constant) return BlockManager::kUnbounded;
  return kvBlocksFor(group.executor, scenario.scheduler.kvBlockTokens).value_or(BlockManager::kUnbounded);
}

TierPool tierPool(const Scenario& scenario) {
  TierPool pool;
  for (const PoolGroup& group : poolGroups(scenario)) {
    pool.groupNames.push_back(group.name);
    pool.groupModels.push_back(group.executor.model);
  }
  pool.taskNames = taskNames(scenario);
  for (const ClassSpec& spec : scenario.classes) pool.classNames.push_back(spec.qos.name);
  return pool;
}

std::unique_ptr<TierRouter> scenarioTierRouter(const Scenario& scenario, const std::optional<TierRouterSpec>& override,
                                               std::uint64_t seed) {
  if (poolGroups(scenario).size() < 2) return nullptr;
  std::optional<TierRouterSpec> spec = override;
  if (!spec) {
    spec = parseTierRouterSpec(scenario.tierRouter);
    if (!spec) {
      throw InputError(scenario.file, JsonPointer("/pool/tier_router"),
                       "must be one of: " + std::string(kTierRouterForms), scenario.tierRouter);
    }
    if (spec->kind == TierRouterKind::Learned && spec->policy.is_relative() && !scenario.file.empty()) {
      spec->policy = scenario.file.parent_path() / spec->policy;
    }
  }
  return makeTierRouter(*spec, tierPool(scenario), seed);
}

std::vector<QosClass> qosClasses(const Scenario& scenario) {
  std::vector<QosClass> classes;
  classes.reserve(scenario.classes.size());
  for (const ClassSpec& spec : scenario.classes) classes.push_back(spec.qos);
  return classes;
}

namespace {

// The random tier router's seed: the replay's, so the same seed gives the same choices.
std::uint64_t tierSeed(const Scenario& scenario, const ReplayOptions& options) {
  return options.seed.value_or(scenario.seed);
}

}  // namespace

Simulation::Simulation(const Scenario& scenario, const ReplayOptions& options)
    : Simulation(scenario, options, scenarioTierRouter(scenario, options.tierRouter, tierSeed(scenario, options))) {}

Simulation::Simulation(const Scenario& scenario, const ReplayOptions& options, std::unique_ptr<TierRouter> tierRouter)
    : scenario_(scenario), options_(options) {
  const std::vector<QosClass> classes = qosClasses(scenario_);
  metrics_ = std::make_unique<MetricsCollector>(classes, options_.metricsWindow);
  workload_ = std::make_unique<Workload>(scenario_, WorkloadOptions{options_.rateScale, options_.seed});
  // A trace's arrival times are divided by the rate scale, so its window shrinks with it.
  durationS_ = scenario_.trace ? scenario_.durationS / options_.rateScale : scenario_.durationS;
  arrivalEnd_ = timeFromSeconds(durationS_);
  buildPool(std::move(tierRouter));
  nextArrival_ = workload_->next();
}

void Simulation::buildPool(std::unique_ptr<TierRouter> tierRouter) {
  groups_ = poolGroups(scenario_);
  for (const PoolGroup& group : groups_) groupKvBlocks_.push_back(instanceKvBlocks(scenario_, group));
  std::vector<Pool::Group> poolGroups;
  for (const PoolGroup& group : groups_) poolGroups.push_back({group.name, group.executor.model, group.pool});
  QualityTable quality;
  if (groups_.size() > 1) {
    const TierPool names = tierPool(scenario_);
    quality = qualityTable(names.groupNames, names.groupModels, names.taskNames);
    metrics_->setModelTiers(quality.groups, quality.accuracy);
  }
  pool_ = std::make_unique<Pool>(
      std::move(poolGroups), qosClasses(scenario_),
      [this](std::int32_t id, GroupId group) {
        return std::make_unique<Instance>(id, qosClasses(scenario_), scenario_.scheduler,
                                          makeExecutor(groups_[group].executor), groupKvBlocks_[group], *metrics_);
      },
      groups_.size() > 1 ? std::move(tierRouter) : nullptr, std::move(quality));
  if (TierRouter* router = pool_->tierRouter()) {
    metrics_->setOutcomeListener(
        [router](const Request& request, double reward, TimePoint now) { router->onOutcome(request.id, reward, now); });
  }
}

double Simulation::progress() const {
  if (finished_) return 1.0;
  if (durationS_ <= 0.0) return 0.0;
  return std::clamp(toSeconds(clock_.now()) / durationS_, 0.0, 1.0);
}

void Simulation::startIfIdle(std::int32_t index, TimePoint now) {
  Instance& instance = pool_->instance(index);
  if (const auto duration = instance.startIteration(now)) {
    completions_.emplace((now + *duration).time_since_epoch().count(), instance.id());
    ++iterations_;
  }
}

bool Simulation::step(TimePoint until) {
  const std::int64_t completionUs = completions_.empty() ? kNever : completions_.top().first;
  const std::int64_t arrivalUs = nextArrival_ ? nextArrival_->arrival.time_since_epoch().count() : kNever;
  const std::int64_t nextUs = std::min(completionUs, arrivalUs);
  if (nextUs == kNever || (!options_.drain && nextUs > arrivalEnd_.time_since_epoch().count())) {
    finished_ = true;
    metrics_->advanceTo(clock_.now());
    return false;
  }
  if (nextUs > until.time_since_epoch().count()) return false;
  const TimePoint now{Duration{nextUs}};
  clock_.advanceTo(now);
  if (completionUs <= arrivalUs) {
    const std::int32_t index = pool_->indexOf(completions_.top().second);
    completions_.pop();
    pool_->instance(index).finishIteration(now);
    startIfIdle(index, now);
    pool_->retireIfDrained(index);
  } else {
    const std::int32_t index = pool_->submit(*nextArrival_, now);
    nextArrival_ = workload_->next();
    startIfIdle(index, now);
  }
  return true;
}

bool Simulation::runUntil(TimePoint until) {
  while (!finished_ && step(until)) {
  }
  if (!finished_) {
    clock_.advanceTo(until);
    metrics_->advanceTo(until);
  }
  return !finished_;
}

void Simulation::run(const std::function<void(double)>& progress) {
  constexpr std::int64_t kEventsPerReport = 1 << 16;
  const TimePoint forever{Duration{kNever}};
  std::int64_t events = 0;
  while (!finished_ && step(forever)) {
    if (progress && ++events % kEventsPerReport == 0) progress(this->progress());
  }
  if (progress) progress(1.0);
}

void Simulation::setClasses(const std::vector<QosClass>& classes) {
  metrics_->setClasses(classes);
  for (std::int32_t i = 0; i < pool_->size(); ++i) pool_->instance(i).scheduler().setClasses(classes);
  for (std::size_t c = 0; c < classes.size() && c < scenario_.classes.size(); ++c) scenario_.classes[c].qos = classes[c];
}

std::int32_t Simulation::addInstance(GroupId group) { return pool_->addInstance(group); }

void Simulation::drainInstance(std::int32_t id) {
  const TimePoint now = clock_.now();
  for (const std::int32_t index : pool_->drain(id, now)) startIfIdle(index, now);
  pool_->retireIfDrained(pool_->indexOf(id));
}

std::shared_ptr<const Snapshot> Simulation::snapshot() const {
  return std::make_shared<const Snapshot>(metrics_->snapshot(clock_.now()));
}

ReplayOutcome replay(const Scenario& scenario, const ReplayOptions& options,
                     const std::function<void(double)>& progress) {
  Simulation simulation(scenario, options);
  simulation.run(progress);
  ReplayOutcome outcome;
  outcome.snapshot = simulation.snapshot();
  outcome.durationS = simulation.durationS();
  outcome.simulatedS = toSeconds(simulation.now());
  outcome.iterations = simulation.iterations();
  return outcome;
}

}  // namespace headroom::engine
