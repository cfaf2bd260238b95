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
  applied.pool.instances = static_cast<std::int32_t>(instances);
  applied.pool.router = engine::RouterKind::Weighted;
  applied.pool.weights.assign(scenario.classes.size(), std::vector<double>(instances, 0.0));
  for (std::size_t cls = 0; cls < scenario.classes.size(); ++cls) {
    auto& row = applied.pool.weights[cls];
    for (std::size_t k = 0; k < instances; ++k) {
      const auto& rates = plan.instances[k].ratePerS;
      row[k] = cls < rates.size() ? std::max(0.0, rates[cls]) : 0.0;
    }
    double sum = 0.0;
    for (const double share : row) sum += share;
    if (sum <= 0.0) std::fill(row.begin(), row.end(), 1.0);
  }
  applied.scheduler.policy = engine::OrderingPolicy::Priority;
  return applied;
}

}  // namespace headroom::ui
