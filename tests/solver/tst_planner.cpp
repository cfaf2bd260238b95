// The planner's MILPs against exhaustive search, the seed's worked example, infeasible inputs and limits.
#include <QtTest>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <functional>
#include <limits>
#include <random>

#include "solver/planner.h"
#include "solver/planning_file.h"

using namespace headroom::solver;

namespace {

// Max flow (Edmonds-Karp) on a small dense graph: the independent feasibility check of the brute force.
class MaxFlow {
 public:
  explicit MaxFlow(int nodes) : capacity_(nodes, std::vector<double>(nodes, 0.0)) {}
  void add(int from, int to, double capacity) { capacity_[from][to] += capacity; }
  double run(int source, int sink) {
    double total = 0.0;
    const int n = static_cast<int>(capacity_.size());
    while (true) {
      std::vector<int> parent(n, -1);
      parent[source] = source;
      std::vector<int> queue{source};
      for (std::size_t head = 0; head < queue.size() && parent[sink] < 0; ++head) {
        const int at = queue[head];
        for (int next = 0; next < n; ++next) {
          if (parent[next] < 0 && capacity_[at][next] > 1e-12) {
            parent[next] = at;
            queue.push_back(next);
          }
        }
      }
      if (parent[sink] < 0) return total;
      double push = std::numeric_limits<double>::infinity();
      for (int v = sink; v != source; v = parent[v]) push = std::min(push, capacity_[parent[v]][v]);
      for (int v = sink; v != source; v = parent[v]) {
        capacity_[parent[v]][v] -= push;
        capacity_[v][parent[v]] += push;
      }
      total += push;
    }
  }

 private:
  std::vector<std::vector<double>> capacity_;
};

// One instance in the brute force: its mode and the set of classes it may carry (bit mask).
struct Slot {
  std::size_t mode;
  unsigned classes;
};

double capacityOf(const PlanningInput& input, std::size_t mode, std::size_t cls) {
  return input.modes[mode].curveFor(cls).capacityPerS(input.classes[cls].boundS);
}

// Can these instances carry every class? Each instance is a chain of rank levels: class u enters at its
// level; the edge leaving a level carries the load of the classes at or above it and is capped by the
// tightest capacity among the present classes of that level (priority), or every present class's
// capacity caps the whole load (fcfs).
bool feasible(const PlanningInput& input, const std::vector<Slot>& instances, Discipline discipline) {
  const std::size_t classes = input.classes.size();
  const int source = 0;
  const int sink = 1;
  int next = 2;
  const int firstClass = next;
  next += static_cast<int>(classes);
  std::vector<std::tuple<int, int, double>> edges;
  double demand = 0.0;
  for (std::size_t cls = 0; cls < classes; ++cls) {
    edges.emplace_back(source, firstClass + static_cast<int>(cls), input.classes[cls].ratePerS);
    demand += input.classes[cls].ratePerS;
  }
  for (const Slot& slot : instances) {
    std::vector<int> ranks;
    for (std::size_t cls = 0; cls < classes; ++cls) {
      if (slot.classes & (1u << cls)) ranks.push_back(discipline == Discipline::Fcfs ? 0 : input.classes[cls].rank);
    }
    std::sort(ranks.begin(), ranks.end());
    ranks.erase(std::unique(ranks.begin(), ranks.end()), ranks.end());
    const int firstLevel = next;
    next += static_cast<int>(ranks.size());
    for (std::size_t level = 0; level < ranks.size(); ++level) {
      double cap = std::numeric_limits<double>::infinity();
      for (std::size_t cls = 0; cls < classes; ++cls) {
        if (!(slot.classes & (1u << cls))) continue;
        const int rank = discipline == Discipline::Fcfs ? 0 : input.classes[cls].rank;
        if (rank != ranks[level]) continue;
        cap = std::min(cap, capacityOf(input, slot.mode, cls));
        edges.emplace_back(firstClass + static_cast<int>(cls), firstLevel + static_cast<int>(level), demand);
      }
      const int to = level + 1 < ranks.size() ? firstLevel + static_cast<int>(level) + 1 : sink;
      edges.emplace_back(firstLevel + static_cast<int>(level), to, cap);
    }
  }
  MaxFlow flow(next);
  for (const auto& [from, to, cap] : edges) flow.add(from, to, cap);
  return flow.run(source, sink) >= demand - 1e-7;
}

// The least objective over every assignment of instance counts and class sets (exhaustive).
std::optional<double> bruteForce(const PlanningInput& input, Discipline discipline, Objective objective) {
  const std::size_t classes = input.classes.size();
  std::vector<unsigned> types;
  for (unsigned mask = 1; mask < (1u << classes); ++mask) {
    if (discipline == Discipline::Siloed && (mask & (mask - 1)) != 0) continue;
    types.push_back(mask);
  }
  std::optional<double> best;
  std::vector<Slot> chosen;
  std::function<void(std::size_t, std::size_t, std::int32_t, double)> search = [&](std::size_t mode, std::size_t firstType,
                                                                                   std::int32_t used, double value) {
    if (best && value >= *best - 1e-9) return;
    if (mode == input.modes.size()) {
      if (feasible(input, chosen, discipline)) best = value;
      return;
    }
    search(mode + 1, 0, 0, value);
    if (used == input.modes[mode].maxInstances) return;
    const double weight = objective == Objective::Cost ? input.modes[mode].cost : 1.0;
    for (std::size_t type = firstType; type < types.size(); ++type) {
      chosen.push_back({mode, types[type]});
      search(mode, type, used + 1, value + weight);
      chosen.pop_back();
    }
  };
  search(0, 0, 0, 0.0);
  return best;
}

PlanningInput randomInput(std::mt19937& random, bool rankByBound) {
  std::uniform_int_distribution<int> classCount(2, 3);
  std::uniform_int_distribution<int> modeCount(1, 2);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  PlanningInput input;
  const int classes = classCount(random);
  for (int c = 0; c < classes; ++c) {
    PlanningClass cls;
    cls.name = "c" + std::to_string(c);
    cls.ratePerS = 0.2 + 2.5 * unit(random);
    cls.boundS = 2.0 + 10.0 * unit(random);
    cls.rank = c;
    input.classes.push_back(cls);
  }
  if (rankByBound) {
    std::vector<std::size_t> order(input.classes.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(),
              [&](std::size_t a, std::size_t b) { return input.classes[a].boundS < input.classes[b].boundS; });
    for (std::size_t r = 0; r < order.size(); ++r) input.classes[order[r]].rank = static_cast<int>(r);
  } else {
    std::shuffle(input.classes.begin(), input.classes.end(), random);
    for (std::size_t c = 0; c < input.classes.size(); ++c) input.classes[c].rank = static_cast<int>(c);
  }
  const int modes = modeCount(random);
  for (int m = 0; m < modes; ++m) {
    InstanceMode mode;
    mode.name = "m" + std::to_string(m);
    mode.cost = 1.0 + std::floor(3.0 * unit(random));
    mode.maxInstances = 3;
    const double zeroLoad = 1.0 + 2.0 * unit(random);
    const double saturation = 1.0 + 2.0 * unit(random);
    mode.curve = LatencyCurve({{0.0, zeroLoad},
                               {0.5 * saturation, zeroLoad + 3.0 * unit(random)},
                               {0.8 * saturation, zeroLoad + 3.0 + 4.0 * unit(random)},
                               {saturation, zeroLoad + 7.0 + 6.0 * unit(random)}});
    input.modes.push_back(mode);
  }
  return input;
}

double objectiveOf(const Plan& plan, Objective objective) {
  return objective == Objective::Cost ? plan.cost : plan.instancesTotal;
}

// Every class's rate is carried, and where the curves say so, within its bound.
void checkPlanHolds(const PlanningInput& input, const Plan& plan) {
  for (std::size_t cls = 0; cls < input.classes.size(); ++cls) {
    double carried = 0.0;
    for (const PlannedInstance& instance : plan.instances) carried += instance.ratePerS[cls];
    QVERIFY2(std::abs(carried - input.classes[cls].ratePerS) < 1e-6, qPrintable(QString::fromStdString(input.classes[cls].name)));
    if (input.classes[cls].ratePerS > 0.0) {
      QVERIFY(plan.predictedLatencyS[cls].has_value());
      QVERIFY(*plan.predictedLatencyS[cls] <= input.classes[cls].boundS * (1.0 + 1e-6));
    }
  }
}

QString statusText(PlanStatus status) { return QString::fromUtf8(toString(status).data()); }

QString seedExample() { return QStringLiteral(HEADROOM_RESOURCE_DIR_FOR_TESTS) + "/plans/seed-example.json"; }

}  // namespace

class TestPlanner : public QObject {
  Q_OBJECT

 private slots:
  void seedExampleNeedsThreeWithPriorityAndFiveWithFcfs() {
    const PlanningInput input = loadPlanningFile(seedExample().toStdString());
    QCOMPARE(input.classes.size(), std::size_t{3});
    QCOMPARE(input.classes[0].ratePerS, 15.0 / 60.0);
    QCOMPARE(input.modes[0].curve.saturationRatePerS(), 15.0 / 60.0);  // an instance serves 15 per minute
    const PlanReport report = planCapacity(input, PlanOptions{});
    QCOMPARE(statusText(report.recommended.status), statusText(PlanStatus::Optimal));
    QCOMPARE(report.recommended.instancesTotal, 3);
    QCOMPARE(statusText(report.fcfs.status), statusText(PlanStatus::Optimal));
    QCOMPARE(report.fcfs.instancesTotal, 5);
    QCOMPARE(report.siloed.instancesTotal, 6);
    for (const Plan* plan : {&report.recommended, &report.fcfs, &report.siloed}) checkPlanHolds(input, *plan);
    QVERIFY(report.recommended.solveTimeS < 0.1);
  }

  void matchesBruteForceWhenRanksFollowBounds() { compareWithBruteForce(true, 40); }
  void matchesBruteForceWithRanksAgainstBounds() { compareWithBruteForce(false, 40); }

  void perInstanceModelAgreesWithAggregated() {
    std::mt19937 random(99);
    for (int trial = 0; trial < 20; ++trial) {
      const PlanningInput input = randomInput(random, true);
      PlanOptions options;
      const Plan aggregated = solvePlan(input, Discipline::Priority, options);
      QCOMPARE(aggregated.formulation, std::string("aggregated"));
      options.formulation = Formulation::PerInstance;
      const Plan perInstance = solvePlan(input, Discipline::Priority, options);
      QCOMPARE(perInstance.formulation, std::string("per-instance"));
      QCOMPARE(statusText(perInstance.status), statusText(aggregated.status));
      QCOMPARE(perInstance.instancesTotal, aggregated.instancesTotal);
    }
  }

  void boundBelowZeroLoadLatencyIsExplained() {
    PlanningInput input = loadPlanningFile(seedExample().toStdString());
    input.classes[0].boundS = 30.0;  // the curve starts at 40 s
    const Plan plan = solvePlan(input, Discipline::Priority, PlanOptions{});
    QCOMPARE(statusText(plan.status), statusText(PlanStatus::Infeasible));
    QVERIFY(!plan.solutionFound);
    QCOMPARE(plan.infeasibleClasses.size(), std::size_t{1});
    QCOMPARE(plan.infeasibleClasses[0].name, std::string("user1"));
    QVERIFY(plan.infeasibleClasses[0].reason.find("below its service floor of 40 s") != std::string::npos);
    QVERIFY(plan.infeasibleClasses[0].reason.find("no mode meets it") != std::string::npos);
  }

  // A curve measured near the floor is noisy: its lowest point came in at 0.49 s against a 0.5 s bound,
  // which alone would give the class a sliver of capacity and the MILP a pool of dozens. The mode's
  // service floor (0.52 s: each request alone on an idle instance) says no load meets the bound there.
  void boundBelowServiceFloorGetsNoInstancesOfThatMode() {
    PlanningInput input;
    input.classes.push_back({"chat", 2.0, 0.5, LatencyMetric::Ttft, 95.0, 0});
    InstanceMode a100;
    a100.name = "a100";
    a100.curve = LatencyCurve({{0.05, 0.49}, {0.4, 0.6}, {1.0, 2.0}});
    input.modes.push_back(a100);
    const Plan noisy = solvePlan(input, Discipline::Priority, PlanOptions{});
    QVERIFY(noisy.solutionFound);  // without a floor the curve alone buys the sliver
    QVERIFY(noisy.instancesTotal > 20);

    input.modes[0].classFloorsS = {0.52};
    const Plan plan = solvePlan(input, Discipline::Priority, PlanOptions{});
    QCOMPARE(statusText(plan.status), statusText(PlanStatus::Infeasible));
    QVERIFY(!plan.solutionFound);
    QCOMPARE(plan.belowServiceFloor.size(), std::size_t{1});
    const ServiceFloorMiss& miss = plan.belowServiceFloor[0];
    QCOMPARE(miss.className, std::string("chat"));
    QCOMPARE(miss.mode, std::string("a100"));
    QCOMPARE(miss.floorS, 0.52);
    QCOMPARE(miss.boundS, 0.5);
    QVERIFY(miss.meetingMode.empty());
    QCOMPARE(plan.infeasibleClasses.size(), std::size_t{1});
    QCOMPARE(plan.explanation, "chat: " + serviceFloorText(miss));
    QVERIFY2(plan.explanation.find("bound of 0.5 s (p95 ttft) is below its service floor of 0.52 s on mode a100") !=
                 std::string::npos,
             plan.explanation.c_str());
    QVERIFY(plan.explanation.find("no mode meets it") != std::string::npos);
    // The baselines see the same floor.
    const PlanReport report = planCapacity(input, PlanOptions{});
    QCOMPARE(statusText(report.fcfs.status), statusText(PlanStatus::Infeasible));
    QCOMPARE(statusText(report.siloed.status), statusText(PlanStatus::Infeasible));

    // A faster mode meets the bound: the plan uses it alone and names it.
    InstanceMode h100;
    h100.name = "h100";
    h100.curve = LatencyCurve({{0.05, 0.3}, {1.0, 0.45}, {2.0, 0.8}});
    h100.classFloorsS = {0.3};
    input.modes.push_back(h100);
    const Plan fast = solvePlan(input, Discipline::Priority, PlanOptions{});
    QCOMPARE(statusText(fast.status), statusText(PlanStatus::Optimal));
    QCOMPARE(fast.instancesPerMode, (std::vector<std::int32_t>{0, fast.instancesTotal}));
    QCOMPARE(fast.belowServiceFloor.size(), std::size_t{1});
    QCOMPARE(fast.belowServiceFloor[0].meetingMode, std::string("h100"));
    QCOMPARE(fast.belowServiceFloor[0].meetingFloorS, 0.3);
    QVERIFY(serviceFloorText(fast.belowServiceFloor[0]).find("mode h100 meets it (floor 0.3 s)") != std::string::npos);
    checkPlanHolds(input, fast);
  }

  void rateBeyondEveryInstanceIsExplained() {
    PlanningInput input = loadPlanningFile(seedExample().toStdString());
    input.classes[2].ratePerS = 10.0;  // 600 per minute against 8 instances of 15
    const Plan plan = solvePlan(input, Discipline::Priority, PlanOptions{});
    QCOMPARE(statusText(plan.status), statusText(PlanStatus::Infeasible));
    QCOMPARE(plan.infeasibleClasses.size(), std::size_t{1});
    QCOMPARE(plan.infeasibleClasses[0].name, std::string("user3"));
    QVERIFY(plan.infeasibleClasses[0].reason.find("exceeds") != std::string::npos);
  }

  void classesThatOnlyFailTogetherAreExplained() {
    PlanningInput input = loadPlanningFile(seedExample().toStdString());
    input.modes[0].maxInstances = 2;  // each class fits in 2 instances alone, but not all three together
    input.classes[0].ratePerS = 10.0 / 60.0;
    const PlanReport report = planCapacity(input, PlanOptions{});
    QCOMPARE(statusText(report.recommended.status), statusText(PlanStatus::Infeasible));
    QCOMPARE(report.recommended.infeasibleClasses.size(), std::size_t{1});
    QCOMPARE(report.recommended.infeasibleClasses[0].name, std::string("user2"));
    QVERIFY(report.recommended.explanation.find("ranked at or above") != std::string::npos);
    QCOMPARE(statusText(report.fcfs.status), statusText(PlanStatus::Infeasible));
    QVERIFY(!report.fcfs.explanation.empty());
  }

  void costObjectivePrefersTheCheaperMode() {
    PlanningInput input = loadPlanningFile(seedExample().toStdString());
    InstanceMode big = input.modes[0];
    big.name = "big";
    big.cost = 5.0;
    big.curve = LatencyCurve({{0.0, 40.0}, {1.0, 100.0}});  // serves everything on one instance
    input.modes.push_back(big);
    PlanOptions options;
    QCOMPARE(solvePlan(input, Discipline::Priority, options).instancesTotal, 1);
    options.objective = Objective::Cost;
    const Plan cheapest = solvePlan(input, Discipline::Priority, options);
    QCOMPARE(cheapest.cost, 3.0);
    QCOMPARE(cheapest.instancesPerMode[0], 3);
    QCOMPARE(cheapest.instancesPerMode[1], 0);
  }

  void zeroRateClassesNeedNothing() {
    PlanningInput input = loadPlanningFile(seedExample().toStdString());
    for (PlanningClass& cls : input.classes) cls.ratePerS = 0.0;
    const Plan plan = solvePlan(input, Discipline::Priority, PlanOptions{});
    QCOMPARE(statusText(plan.status), statusText(PlanStatus::Optimal));
    QCOMPARE(plan.instancesTotal, 0);
  }

  void timeLimitIsHonoured() {
    // Ranks against bounds force the per-instance model; 8 classes on 3 modes is far beyond what CBC
    // proves optimal in a fraction of a second.
    std::mt19937 random(5);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    PlanningInput input;
    for (int c = 0; c < 8; ++c) {
      input.classes.push_back({"c" + std::to_string(c), 1.0 + 4.0 * unit(random), 3.0 + 20.0 * unit(random),
                               LatencyMetric::Ttlt, 95.0, (c * 5) % 8});
    }
    for (int m = 0; m < 3; ++m) {
      InstanceMode mode;
      mode.name = "m" + std::to_string(m);
      mode.cost = 1.0 + m;
      mode.maxInstances = 40;
      const double saturation = 0.8 + 0.9 * m;
      mode.curve = LatencyCurve({{0.0, 2.0 + unit(random)}, {0.6 * saturation, 8.0}, {saturation, 26.0}});
      input.modes.push_back(mode);
    }
    PlanOptions options;
    options.timeLimitS = 0.5;
    options.objective = Objective::Cost;
    const auto start = std::chrono::steady_clock::now();
    const Plan plan = solvePlan(input, Discipline::Priority, options);
    const double wallS = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    QCOMPARE(plan.formulation, std::string("per-instance"));
    QCOMPARE(statusText(plan.status), statusText(PlanStatus::TimeLimit));
    QVERIFY2(plan.solveTimeS < options.timeLimitS + 1.0, qPrintable(QString::number(plan.solveTimeS)));
    QVERIFY2(wallS < 2.0 * options.timeLimitS + 2.0, qPrintable(QString::number(wallS)));
    if (plan.solutionFound) {
      QVERIFY(plan.relativeGap > 0.0);
      checkPlanHolds(input, plan);
    }
  }

  void invalidInputIsRejected() {
    PlanningInput input = loadPlanningFile(seedExample().toStdString());
    input.classes[1].ratePerS = -1.0;
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, solvePlan(input, Discipline::Priority, PlanOptions{}));
    input = loadPlanningFile(seedExample().toStdString());
    input.modes.clear();
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, planCapacity(input, PlanOptions{}));
  }

  void tbtBoundIsNotPlannable() {
    // The engine knows four latencies; a planning bound may use three of them.
    QVERIFY(!plannableMetricFromString("tbt"));
    QVERIFY(!plannableMetricFromString("token_gap"));
    QVERIFY(!plannable(LatencyMetric::TokenGap));
    QVERIFY(plannableMetricFromString("queue") == LatencyMetric::Queue);
    QVERIFY(!plannable(LatencyMetric::Tbt));
    PlanningInput input = loadPlanningFile(seedExample().toStdString());
    input.classes[0].metric = LatencyMetric::Tbt;
    try {
      validatePlanningInput(input);
      QFAIL("a TBT bound was accepted");
    } catch (const std::invalid_argument& error) {
      QVERIFY2(std::string(error.what()).find("ttft, ttlt, queue, not tbt") != std::string::npos, error.what());
    }
  }

 private:
  void compareWithBruteForce(bool rankByBound, int trials) {
    std::mt19937 random(rankByBound ? 11 : 23);
    int feasibleCount = 0;
    int perInstanceCount = 0;
    for (int trial = 0; trial < trials; ++trial) {
      const PlanningInput input = randomInput(random, rankByBound);
      for (Objective objective : {Objective::Instances, Objective::Cost}) {
        PlanOptions options;
        options.objective = objective;
        for (Discipline discipline : {Discipline::Priority, Discipline::Fcfs, Discipline::Siloed}) {
          const Plan plan = solvePlan(input, discipline, options);
          const std::optional<double> best = bruteForce(input, discipline, objective);
          const QString where = QString("trial %1 %2 %3").arg(trial).arg(QString::fromUtf8(toString(discipline).data()))
                                    .arg(QString::fromUtf8(toString(objective).data()));
          QVERIFY2(best.has_value() == plan.solutionFound, qPrintable(where));
          if (!best) {
            QCOMPARE(statusText(plan.status), statusText(PlanStatus::Infeasible));
            QVERIFY(!plan.explanation.empty());
            continue;
          }
          ++feasibleCount;
          if (plan.formulation == "per-instance") ++perInstanceCount;
          QCOMPARE(statusText(plan.status), statusText(PlanStatus::Optimal));
          QVERIFY2(std::abs(objectiveOf(plan, objective) - *best) < 1e-6,
                   qPrintable(where + QString(": planner %1, brute force %2").arg(objectiveOf(plan, objective)).arg(*best)));
          checkPlanHolds(input, plan);
        }
      }
    }
    QVERIFY(feasibleCount > trials);
    if (!rankByBound) QVERIFY(perInstanceCount > 0);
  }
};

QTEST_GUILESS_MAIN(TestPlanner)
#include "tst_planner.moc"
