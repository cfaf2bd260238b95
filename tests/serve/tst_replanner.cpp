// The re-planner (Replanner) in virtual time with a fake solve: one mode whose instances carry 1 req/s
// each. Up fast, down slow, the budget, the settle time and no flapping on Poisson noise.
#include <QtTest>

#include <cmath>
#include <random>

#include "serve/router/replanner.h"

using namespace headroom::engine;
using namespace headroom::serve;
using namespace std::chrono_literals;

namespace {

ReplanPlan planFor(std::int32_t instances, double totalPerS) {
  ReplanPlan plan;
  plan.modeNames = {"gpu"};
  plan.instancesPerMode = {instances};
  plan.ratePerSByMode = {{totalPerS}};
  for (std::int32_t i = 0; i < instances; ++i) plan.instances.push_back({0, {totalPerS / instances}});
  plan.feasible = true;
  return plan;
}

// The fewest instances of 1 req/s each that carry the rate (at least one).
ReplanPlan fakeSolve(const std::vector<double>& ratePerS, double /*budgetGpus*/) {
  const double total = ratePerS.at(0);
  return planFor(std::max<std::int32_t>(1, static_cast<std::int32_t>(std::ceil(total - 1e-9))), total);
}

ReplannerOptions options() {
  ReplannerOptions o;
  o.interval = 60s;
  o.shortWindowS = 30.0;
  o.longWindowS = 600.0;
  o.settle = 120s;
  o.cooldown = 600s;
  o.downSolves = 3;
  o.warmUp = 60s;
  return o;
}

TimePoint at(double seconds) { return timeFromSeconds(seconds); }

// Drives a replanner with evenly spaced arrivals (or Poisson ones with `rng`) from `fromS` to `toS` at
// `ratePerS`, solving whenever one is due; returns the decisions.
struct Driver {
  Replanner replanner;
  double clockS = 0.0;
  double nextArrivalS = 0.0;
  std::vector<ReplanDecision> decisions;

  void run(double ratePerS, double untilS, std::mt19937_64* rng = nullptr) {
    std::exponential_distribution<double> gap(ratePerS);
    while (clockS < untilS) {
      const double nextS = std::min(nextArrivalS, untilS);
      // The solves due before the next arrival, each at its time.
      while (replanner.due(at(nextS))) decisions.push_back(replanner.replan(replanner.nextSolve()));
      clockS = nextS;
      if (clockS >= untilS) break;
      replanner.arrive(0, at(clockS));
      nextArrivalS = clockS + (rng ? gap(*rng) : 1.0 / ratePerS);
    }
  }

  std::vector<ReplanDecision> changes() const {
    std::vector<ReplanDecision> out;
    for (const ReplanDecision& d : decisions) {
      if (d.action == ReplanAction::ScaledUp || d.action == ReplanAction::ScaledDown) out.push_back(d);
    }
    return out;
  }
};

Driver driver(ReplannerOptions o, std::int32_t initialInstances, double initialRate) {
  return Driver{Replanner({"chat"}, planFor(initialInstances, initialRate), std::move(o), fakeSolve, at(0)), 0.0, 0.0, {}};
}

}  // namespace

class TestReplanner : public QObject {
  Q_OBJECT

 private slots:
  // The rate doubles: the plan follows at the first solve after the short window has seen it.
  void scalesUpFast() {
    Driver d = driver(options(), 2, 1.5);
    d.run(1.5, 1200.0);
    QCOMPARE(d.replanner.current().instancesTotal(), 2);
    QVERIFY(d.changes().empty());
    d.run(3.0, 1500.0);
    const std::vector<ReplanDecision> changes = d.changes();
    QCOMPARE(changes.size(), std::size_t{1});
    QCOMPARE(changes[0].recommended.instancesTotal(), 3);
    QVERIFY2(changes[0].reason.find("scale up") != std::string::npos, changes[0].reason.c_str());
    // Within one interval of the short window's answer (its rate crosses 2 req/s 12 s after the step).
    const double lagS = toSeconds(changes[0].at) - 1200.0;
    QVERIFY2(lagS <= 60.0 + 30.0, qPrintable(QString::number(lagS)));
  }

  // The rate halves: no scale-down during the cooldown, and only after three consecutive solves ask for
  // fewer; each kept decision says why.
  void scalesDownSlowly() {
    Driver d = driver(options(), 2, 1.5);
    d.run(3.0, 1800.0);  // up to 3 early on
    QCOMPARE(d.replanner.current().instancesTotal(), 3);
    const double upS = toSeconds(d.changes().back().at);
    const std::size_t before = d.decisions.size();
    d.run(1.5, 6000.0);
    QCOMPARE(d.replanner.current().instancesTotal(), 2);
    std::int32_t askedFewer = 0;
    bool sawStreakReason = false;
    for (std::size_t i = before; i < d.decisions.size(); ++i) {
      const ReplanDecision& each = d.decisions[i];
      if (each.recommended.instancesTotal() < each.current.instancesTotal()) {
        ++askedFewer;
        if (each.action == ReplanAction::ScaledDown) {
          QVERIFY(toSeconds(each.at) - upS >= 600.0);
          QVERIFY(askedFewer >= 3);
          break;
        }
        QVERIFY2(!each.applied, each.reason.c_str());
        if (each.reason.find("consecutive solves ask for fewer") != std::string::npos) sawStreakReason = true;
      }
    }
    QVERIFY(sawStreakReason);
    QCOMPARE(static_cast<std::size_t>(d.replanner.changes()), std::size_t{2});
  }

  // The budget holds: a plan above it is refused, the current one kept, and the reason says so.
  void refusesAboveTheBudget() {
    ReplannerOptions o = options();
    o.budgetGpus = 4.0;
    o.gpusPerInstance = {2.0};
    Driver d = driver(o, 2, 1.5);
    d.run(3.0, 1200.0);
    QVERIFY(d.changes().empty());
    QCOMPARE(d.replanner.current().instancesTotal(), 2);
    const ReplanDecision& last = d.decisions.back();
    QVERIFY(last.action == ReplanAction::Refused);
    QVERIFY(!last.applied);
    QVERIFY2(last.reason.find("above the budget of 4") != std::string::npos, last.reason.c_str());
    QCOMPARE(toJson(last).at("action").get<std::string>(), std::string("refused"));
  }

  // A second rise while the first change settles waits for the settle time.
  void waitsWhileSettling() {
    ReplannerOptions o = options();
    o.settle = 300s;
    Driver d = driver(o, 2, 1.5);
    d.run(1.5, 600.0);
    d.run(2.6, 700.0);  // up to 3
    QCOMPARE(d.replanner.current().instancesTotal(), 3);
    const double upS = toSeconds(d.changes().back().at);
    d.run(4.5, upS + 290.0);
    QCOMPARE(d.replanner.current().instancesTotal(), 3);
    QVERIFY2(d.decisions.back().reason.find("settling") != std::string::npos, d.decisions.back().reason.c_str());
    d.run(4.5, upS + 400.0);
    QCOMPARE(d.replanner.current().instancesTotal(), 5);
    QVERIFY(toSeconds(d.changes().back().at) - upS >= 300.0);
  }

  // A steady Poisson stream with headroom: no change in four hours.
  void noFlappingOnNoise() {
    std::mt19937_64 rng(7);
    Driver d = driver(options(), 2, 1.5);
    d.run(1.5, 4 * 3600.0, &rng);
    qInfo("changes at a steady 1.5 req/s (Poisson) over 4 h: %d", d.replanner.changes());
    QCOMPARE(d.replanner.changes(), 0);
    QVERIFY(d.decisions.size() >= 230);
  }

  void decisionJsonAndDiff() {
    Driver d = driver(options(), 2, 1.5);
    d.run(3.0, 600.0);
    const ReplanDecision change = d.changes().at(0);
    const nlohmann::json line = toJson(change);
    QCOMPARE(line.at("current").at("instances").get<int>(), 2);
    QCOMPARE(line.at("recommended").at("instances").get<int>(), 3);
    QVERIFY(line.at("applied").get<bool>());
    QVERIFY(line.at("rates").at("chat").at("predicted_per_s").get<double>() > 2.0);
    QCOMPARE(replanDiffText(change).substr(0, 20), std::string("gpu: replicas 2 -> 3"));
    const auto shares = change.recommended.memberShares(1, 4);
    QCOMPARE(shares.at(0).at(3), 0.0);
    QVERIFY(change.recommended.memberShares(2, 4).at(1).empty());  // a class without rate: least-loaded
    QVERIFY(shares.at(0).at(2) > 0.0);
  }
};

QTEST_GUILESS_MAIN(TestReplanner)
#include "tst_replanner.moc"
