#include "ui/planner/plan_setup.h"

#include <algorithm>
#include <sstream>
#include <stdexcept>

namespace headroom::ui {

namespace {

std::string modeName(const engine::ExecutorSpec& executor) {
  if (executor.kind == engine::ExecutorKind::Constant) {
    std::ostringstream name;
    name << "constant-" << engine::toSeconds(executor.iteration) << "s";
    return name.str();
  }
  return executor.model + "@" + executor.hardware;
}

}  // namespace

solver::PlanningScenario planningScenarioFor(const engine::Scenario& scenario, std::int32_t maxInstances) {
  solver::PlanningScenario planning;
  planning.scenario = scenario;
  solver::ScenarioMode mode;
  mode.name = modeName(scenario.executor);
  mode.executor = scenario.executor;
  mode.cost = 1.0;
  mode.maxInstances = maxInstances;
  planning.modes.push_back(mode);
  return planning;
}

engine::Scenario applyPlan(const engine::Scenario& scenario, const solver::Plan& plan) {
  if (!plan.solutionFound || plan.instances.empty()) throw std::invalid_argument("the plan has no solution to apply");
  engine::Scenario applied = scenario;
  const std::size_t instances = plan.instances.size();
  // The plan is for the first group's mode (planningScenarioFor): it replaces that group's pool, through
  // setPoolGroups so that a pool of several groups replays it too.
  std::vector<engine::PoolGroup> groups = engine::poolGroups(scenario);
  engine::PoolConfig& pool = groups.front().pool;
  pool.instances = static_cast<std::int32_t>(instances);
  pool.router = engine::RouterKind::Weighted;
  pool.weights.assign(scenario.classes.size(), std::vector<double>(instances, 0.0));
  for (std::size_t cls = 0; cls < scenario.classes.size(); ++cls) {
    auto& row = pool.weights[cls];
    for (std::size_t k = 0; k < instances; ++k) {
      const auto& rates = plan.instances[k].ratePerS;
      row[k] = cls < rates.size() ? std::max(0.0, rates[cls]) : 0.0;
    }
    double sum = 0.0;
    for (const double share : row) sum += share;
    if (sum <= 0.0) std::fill(row.begin(), row.end(), 1.0);
  }
  engine::setPoolGroups(applied, std::move(groups));
  applied.scheduler.policy = engine::OrderingPolicy::Priority;
  return applied;
}

}  // namespace headroom::ui
