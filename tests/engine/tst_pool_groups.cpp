// A pool of several groups (model tiers): the tier router picks the group, the group's own router the
// instance; what the tier router sees; draining and growing within a group; the arrival-rate averages.
#include <QtTest>

#include <chrono>
#include <cmath>
#include <memory>
#include <stdexcept>
#include <vector>

#include "engine/exec/executor_factory.h"
#include "engine/pool/pool.h"

using namespace headroom::engine;
using namespace std::chrono_literals;

namespace {

std::vector<QosClass> oneClass() {
  QosClass chat;
  chat.name = "chat";
  chat.slo.ttft = 2s;
  return {chat};
}

// Chooses `group` every time and keeps what it was shown.
class FixedTierRouter final : public TierRouter {
 public:
  explicit FixedTierRouter(GroupId group) : group_(group) {}
  GroupId choose(const TierContext& context) override {
    seen.assign(context.groups.begin(), context.groups.end());
    rates = context.rates;
    qosName = context.qos->name;
    return group_;
  }
  std::string describe() const override { return "fixed"; }

  GroupId group_;
  std::vector<GroupView> seen;
  ArrivalRates rates;
  std::string qosName;
};

// Keeps the group of every arrival.
class GroupObserver final : public RequestObserver {
 public:
  void onArrival(const Request& request, TimePoint) override { groups.push_back(request.group); }
  void onFirstScheduled(const RequestState&, TimePoint) override {}
  void onToken(const RequestState&, TimePoint, Duration) override {}
  void onRelegated(const RequestState&, TimePoint) override {}
  void onPreempted(const RequestState&, TimePoint) override {}
  void onFinished(const RequestState&, TimePoint) override {}
  std::vector<GroupId> groups;
};

// Group "fast": 2 instances of 10 ms iterations, "slow": 1 instance of 500 ms; tasks mmlu and gsm8k.
struct TwoGroups {
  GroupObserver observer;
  FixedTierRouter* router = nullptr;
  std::unique_ptr<Pool> pool;

  explicit TwoGroups(GroupId chosen, std::int32_t fastInstances = 2) {
    auto tierRouter = std::make_unique<FixedTierRouter>(chosen);
    router = tierRouter.get();
    QualityTable quality{{"fast", "slow"}, {"mmlu", "gsm8k"}, {{0.49, 0.44}, {0.84, 0.95}}};
    std::vector<Pool::Group> groups{{"fast", "model-a", PoolConfig{fastInstances, RouterKind::RoundRobin, {}}},
                                    {"slow", "model-b", PoolConfig{1, RouterKind::RoundRobin, {}}}};
    pool = std::make_unique<Pool>(
        std::move(groups), oneClass(),
        [this](std::int32_t id, GroupId group) {
          ExecutorSpec spec;
          spec.kind = ExecutorKind::Constant;
          spec.iteration = group == 0 ? Duration{10ms} : Duration{500ms};
          SchedulerConfig config;
          config.chunking.mode = ChunkingMode::Fixed;
          config.chunking.fixedTokens = 256;
          return std::make_unique<Instance>(id, oneClass(), config, makeExecutor(spec), BlockManager::kUnbounded,
                                            observer);
        },
        std::move(tierRouter), std::move(quality));
  }
};

Request requestOf(RequestId id, TaskId task = 0) {
  Request request{id, 0, kTimeZero, 512, 8};
  request.task = task;
  return request;
}

}  // namespace

class TestPoolGroups : public QObject {
  Q_OBJECT

 private slots:
  void groupsAreBuiltInOrder() {
    TwoGroups two(0);
    QCOMPARE(two.pool->groupCount(), 2);
    QCOMPARE(two.pool->size(), 3);
    QCOMPARE(int{two.pool->groupOf(0)}, 0);
    QCOMPARE(int{two.pool->groupOf(1)}, 0);
    QCOMPARE(int{two.pool->groupOf(2)}, 1);
    QCOMPARE(two.pool->group(1).name, std::string("slow"));
    const std::vector<InstanceStatus> status = two.pool->status();
    QCOMPARE(int{status[2].group}, 1);
  }

  void submitGoesToTheChosenGroupAndMarksTheRequest() {
    TwoGroups two(1);
    for (RequestId id = 0; id < 3; ++id) QCOMPARE(two.pool->submit(requestOf(id), kTimeZero), 2);
    QCOMPARE(two.observer.groups, (std::vector<GroupId>{1, 1, 1}));
    QCOMPARE(two.router->qosName, std::string("chat"));
    TwoGroups fast(0);
    std::vector<std::int32_t> picks;
    for (RequestId id = 0; id < 4; ++id) picks.push_back(fast.pool->submit(requestOf(id), kTimeZero));
    QCOMPARE(picks, (std::vector<std::int32_t>{0, 1, 0, 1}));  // the group's round-robin
    QCOMPARE(fast.observer.groups, (std::vector<GroupId>{0, 0, 0, 0}));
  }

  // Per group: instance and queue counts summed, the best instance's prediction, the accuracy on the
  // request's task, and the slack against its class's TTFT bound.
  void groupViewsDescribeEachGroup() {
    TwoGroups two(0);
    two.pool->submit(requestOf(1), kTimeZero);  // to fast instance 0
    const std::vector<GroupView> views = two.pool->groupViews(requestOf(9, 1), kTimeZero);
    QCOMPARE(views.size(), std::size_t{2});
    QCOMPARE(views[0].instances, 2);
    QCOMPARE(views[0].queuedRequests, 1);
    QCOMPARE(views[0].queuedPrefillTokens, std::int64_t{512});
    QCOMPARE(views[1].instances, 1);
    QCOMPARE(views[1].queuedRequests, 0);
    QCOMPARE(views[0].accuracy, 0.44);
    QCOMPARE(views[1].accuracy, 0.95);
    // Fast: the idle instance 1 runs the 512 tokens in two 10 ms chunks; slow: two 500 ms chunks.
    QCOMPARE(views[0].predicted.firstToken.count(), Duration{20ms}.count());
    QCOMPARE(views[1].predicted.firstToken.count(), Duration{1000ms}.count());
    QCOMPARE(views[0].slack, 0.99);
    QCOMPARE(views[1].slack, 0.5);
    QVERIFY(views[0].feasible() && views[1].feasible());
    // The tier router sees the same at submit.
    two.pool->submit(requestOf(9, 1), kTimeZero);
    QCOMPARE(two.router->seen.size(), std::size_t{2});
    QCOMPARE(two.router->seen[1].predicted.firstToken.count(), Duration{1000ms}.count());
  }

  void drainKeepsWorkInItsGroup() {
    TwoGroups two(0);
    for (RequestId id = 0; id < 6; ++id) two.pool->submit(requestOf(id), kTimeZero);
    const std::vector<std::int32_t> received = two.pool->drain(0, kTimeZero);
    QCOMPARE(received, (std::vector<std::int32_t>{1}));
    QCOMPARE(two.pool->status()[1].load.waiting, 6);
    QCOMPARE(two.pool->status()[2].load.waiting, 0);
    // The slow group's only instance cannot go, though the pool has other active ones.
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, two.pool->drain(2, kTimeZero));
  }

  void addInstanceJoinsItsGroup() {
    TwoGroups two(1);
    const std::int32_t id = two.pool->addInstance(1);
    QCOMPARE(id, 3);
    QCOMPARE(int{two.pool->groupOf(two.pool->indexOf(id))}, 1);
    std::vector<std::int32_t> picks;
    for (RequestId r = 0; r < 4; ++r) picks.push_back(two.pool->submit(requestOf(r), kTimeZero));
    QCOMPARE(picks, (std::vector<std::int32_t>{2, 3, 2, 3}));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, two.pool->addInstance(2));
  }

  void badGroupSetsAreRefused() {
    const auto make = [](std::size_t groups, bool withRouter) {
      std::vector<Pool::Group> list(groups, Pool::Group{"g", "m", PoolConfig{}});
      std::unique_ptr<TierRouter> router;
      if (withRouter) router = std::make_unique<FixedTierRouter>(0);
      return Pool(std::move(list), oneClass(), [](std::int32_t, GroupId) { return std::unique_ptr<Instance>(); },
                  std::move(router), QualityTable{});
    };
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, make(0, true));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, make(2, false));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, make(kMaxPoolGroups + 1, true));
  }

  // Both averages settle on a steady rate; after a drop the short one follows within seconds while the
  // long one still remembers the old rate.
  void arrivalRatesFollowTwoTimeScales() {
    TwoGroups two(0, 1);
    RequestId id = 0;
    TimePoint now = kTimeZero;
    for (int i = 0; i < 3000; ++i, now += 100ms) two.pool->submit(requestOf(id++), now);  // 10/s for 300 s
    ArrivalRates rates = two.pool->arrivalRates();
    QVERIFY2(std::abs(rates.shortPerS - 10.0) < 0.5, qPrintable(QString::number(rates.shortPerS)));
    QVERIFY2(std::abs(rates.longPerS - 10.0) < 0.5, qPrintable(QString::number(rates.longPerS)));
    QCOMPARE(two.router->rates.shortPerS, rates.shortPerS);  // the tier router sees them, this arrival counted
    for (int i = 0; i < 40; ++i, now += 500ms) two.pool->submit(requestOf(id++), now);  // 2/s for 20 s
    rates = two.pool->arrivalRates();
    QVERIFY2(std::abs(rates.shortPerS - 2.0) < 0.5, qPrintable(QString::number(rates.shortPerS)));
    QVERIFY2(rates.longPerS > 6.0, qPrintable(QString::number(rates.longPerS)));
  }
};

QTEST_APPLESS_MAIN(TestPoolGroups)
#include "tst_pool_groups.moc"
