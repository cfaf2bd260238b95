#include "serve/router/route_tier_state.h"

#include <algorithm>
#include <limits>

#include "engine/pool/finish_prediction.h"
#include "engine/workload/scenario.h"

namespace headroom::serve {

std::vector<std::string> routeTaskNames(const std::vector<ServedClass>& classes) {
  engine::Scenario scenario;
  for (const ServedClass& served : classes) {
    engine::ClassSpec spec;
    spec.qos = served.qos;
    scenario.classes.push_back(std::move(spec));
  }
  return engine::taskNames(scenario);
}

namespace {

std::vector<std::vector<double>> taskSharesOf(const std::vector<ServedClass>& classes, const std::vector<std::string>& tasks) {
  std::vector<std::vector<double>> shares;
  for (const ServedClass& served : classes) {
    std::vector<double> row(tasks.size(), 0.0);
    const auto index = [&tasks](std::string_view task) {
      return static_cast<std::size_t>(std::find(tasks.begin(), tasks.end(), task) - tasks.begin());
    };
    if (served.qos.tasks.empty()) row[index(engine::kDefaultTask)] = 1.0;
    for (const engine::TaskShare& share : served.qos.tasks) row[index(share.task)] += share.share;
    shares.push_back(std::move(row));
  }
  return shares;
}

engine::TierPool tierPool(const RouteTiers& tiers, const std::vector<ServedClass>& classes, const std::vector<std::string>& tasks) {
  engine::TierPool pool;
  pool.groupNames = tiers.models;
  pool.groupModels = tiers.models;
  pool.taskNames = tasks;
  for (const ServedClass& served : classes) pool.classNames.push_back(served.qos.name);
  return pool;
}

}  // namespace

RouteTierState::RouteTierState(const RouteTiers& tiers, const std::vector<ServedClass>& classes, std::size_t members,
                               std::uint64_t seed)
    : tiers_(tiers), start_(std::chrono::steady_clock::now()), load_(members), random_(seed) {
  for (const ServedClass& served : classes) classes_.push_back(served.qos);
  const std::vector<std::string> tasks = routeTaskNames(classes);
  taskShares_ = taskSharesOf(classes, tasks);
  quality_ = engine::qualityTable(tiers_.models, tiers_.models, tasks);
  router_ = engine::makeTierRouter(tiers_.router, tierPool(tiers_, classes, tasks), seed);
}

engine::TimePoint RouteTierState::toEngineTime(std::chrono::steady_clock::time_point at) const {
  return engine::TimePoint{std::chrono::duration_cast<engine::Duration>(at - start_)};
}

void RouteTierState::arrived(std::chrono::steady_clock::time_point at) {
  const std::lock_guard lock(mutex_);
  rates_.arrive(toEngineTime(at));
}

engine::Request RouteTierState::describe(engine::ClassId classId, std::chrono::steady_clock::time_point arrival,
                                         std::int32_t promptTokens, std::int32_t outputTokens) {
  engine::Request request;
  request.classId = classId;
  request.arrival = toEngineTime(arrival);
  request.promptTokens = std::max(1, promptTokens);
  request.outputTokens = std::max(1, outputTokens);
  const std::vector<double>& shares = taskShares_[classId];
  const std::lock_guard lock(mutex_);
  request.id = nextId_++;
  double total = 0.0;
  for (double share : shares) total += share;
  double draw = std::uniform_real_distribution<double>(0.0, total)(random_);
  for (std::size_t t = 0; t < shares.size(); ++t) {
    if (shares[t] <= 0.0) continue;
    request.task = static_cast<engine::TaskId>(t);
    if (draw < shares[t]) break;
    draw -= shares[t];
  }
  return request;
}

std::vector<engine::GroupView> RouteTierState::viewsLocked(const engine::Request& request, const std::vector<bool>& available) const {
  const engine::QosClass& qos = classes_[request.classId];
  std::vector<engine::GroupView> views(tiers_.models.size());
  for (std::size_t g = 0; g < views.size(); ++g) {
    engine::GroupView& view = views[g];
    view.accuracy = quality_.at(g, request.task);
    view.kvFill = 0.0;  // the router cannot see its members' KV caches
    const engine::IterationTimeModel* model = tiers_.timeModels[g].get();
    bool predicted = false;
    for (std::size_t m = 0; m < load_.size(); ++m) {
      if (tiers_.groupOf[m] != g || !available[m]) continue;
      const MemberLoad& load = load_[m];
      ++view.instances;
      view.queuedRequests += load.queued;
      view.queuedPrefillTokens += load.queuedPrefillTokens;
      view.runningRequests += load.running;
      if (!model) continue;
      engine::InstanceStatus status;
      status.id = static_cast<std::int32_t>(m);
      status.group = static_cast<engine::GroupId>(g);
      status.busy = load.queued + load.running > 0;
      status.load.waiting = load.queued;
      status.load.decoding = load.running;
      status.load.outstandingTokens = load.queuedPrefillTokens + load.remainingDecodeTokens;
      status.queuedPrefillTokens = load.queuedPrefillTokens;
      // The member's token budget is unknown here: tokenBudget 0 (its prompts are taken whole).
      const engine::PredictedFinish finish = engine::predictFinish(status, *model, request);
      // The member that would give the request its first token soonest.
      if (!predicted || finish.firstToken < view.predicted.firstToken) view.predicted = finish;
      predicted = true;
    }
    if (view.instances == 0) {
      view.slack = -std::numeric_limits<double>::infinity();  // no member of the group can take it now
    } else if (predicted) {
      view.slack = engine::deadlineSlack(qos.slo, view.predicted);
    }
  }
  return views;
}

std::vector<engine::GroupView> RouteTierState::groupViews(const engine::Request& request, const std::vector<bool>& available) const {
  const std::lock_guard lock(mutex_);
  return viewsLocked(request, available);
}

engine::GroupId RouteTierState::choose(engine::Request& request, const std::vector<bool>& available) {
  const std::lock_guard lock(mutex_);
  const std::vector<engine::GroupView> views = viewsLocked(request, available);
  engine::TierContext context;
  context.request = &request;
  context.qos = &classes_[request.classId];
  context.now = request.arrival;
  context.groups = views;
  context.rates = rates_.rates(request.arrival);
  engine::GroupId group = router_->choose(context);
  if (group >= views.size()) group = 0;
  request.group = group;
  return group;
}

void RouteTierState::sent(int member, const engine::Request& request) {
  const std::lock_guard lock(mutex_);
  MemberLoad& load = load_[static_cast<std::size_t>(member)];
  ++load.queued;
  load.queuedPrefillTokens += request.promptTokens;
  load.remainingDecodeTokens += request.outputTokens;
}

void RouteTierState::firstToken(int member, const engine::Request& request) {
  const std::lock_guard lock(mutex_);
  MemberLoad& load = load_[static_cast<std::size_t>(member)];
  --load.queued;
  load.queuedPrefillTokens -= request.promptTokens;
  ++load.running;
}

void RouteTierState::tokensSeen(int member, std::int32_t tokens) {
  const std::lock_guard lock(mutex_);
  load_[static_cast<std::size_t>(member)].remainingDecodeTokens -= tokens;
}

void RouteTierState::ended(int member, const engine::Request& request, bool started, std::int32_t tokensSeen) {
  const std::lock_guard lock(mutex_);
  MemberLoad& load = load_[static_cast<std::size_t>(member)];
  if (started) {
    --load.running;
  } else {
    --load.queued;
    load.queuedPrefillTokens -= request.promptTokens;
  }
  load.remainingDecodeTokens -= std::max(0, request.outputTokens - tokensSeen);
}

void RouteTierState::outcome(engine::RequestId id, double reward, std::chrono::steady_clock::time_point at) {
  const std::lock_guard lock(mutex_);
  router_->onOutcome(id, reward, toEngineTime(at));
}

std::string RouteTierState::describeRouter() const {
  const std::lock_guard lock(mutex_);
  return router_->describe();
}

}  // namespace headroom::serve
