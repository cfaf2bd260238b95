// The re-planner (Replanner) in virtual time with a fake solve: one mode whose instances carry 1 req/s
// each. Up fast, down slow, the budget, the settle time and no flapping on Poisson noise; an operator's
// accept of a recommendation; the status JSON read back.
#include <QtTest>

#include <cmath>
#include <random>

#include "engine/io/json_input.h"
#include "serve/router/replan_json.h"
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

// The same, but no rate needs no instance.
ReplanPlan zeroSolve(const std::vector<double>& ratePerS, double /*budgetGpus*/) {
  const double total = ratePerS.at(0);
  return planFor(static_cast<std::int32_t>(std::ceil(total - 1e-9)), total);
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

  // The rate halves; during the cooldown the recommendation (fewer) is kept back. An operator accepts
  // it: it becomes current at once, counts as a change, and starts the settle time again. Only the last
  // decision can be accepted, and only once.
  void operatorAcceptsAKeptRecommendation() {
    Driver d = driver(options(), 2, 1.5);
    d.run(3.0, 1800.0);
    QCOMPARE(d.replanner.current().instancesTotal(), 3);
    // The rate halves: solve by solve until one asks for fewer and the hysteresis keeps it back.
    double untilS = 1800.0;
    auto keptFewer = [&] {
      const ReplanDecision& each = d.decisions.back();
      return !each.applied && each.recommended.feasible && each.recommended.instancesTotal() < each.current.instancesTotal();
    };
    do {
      untilS += 60.0;
      d.run(1.5, untilS);
    } while (!keptFewer() && untilS < 6000.0);
    QVERIFY(keptFewer());
    const ReplanDecision last = d.decisions.back();
    QCOMPARE(last.recommended.instancesTotal(), 2);
    QCOMPARE(last.sequence, static_cast<std::int64_t>(d.decisions.size()));

    const std::optional<std::string> stale = d.replanner.acceptRefusal(last.sequence - 1);
    QVERIFY(stale && stale->find("no longer the last one") != std::string::npos);
    QVERIFY(!d.replanner.acceptRefusal(last.sequence));
    const std::int32_t changesBefore = d.replanner.changes();
    const ReplanDecision accepted = d.replanner.accept(last.sequence, at(untilS));
    QVERIFY(accepted.action == ReplanAction::Accepted);
    QVERIFY(accepted.applied);
    QCOMPARE(accepted.sequence, last.sequence + 1);
    QCOMPARE(accepted.current.instancesTotal(), 3);
    QCOMPARE(d.replanner.current().instancesTotal(), 2);
    QCOMPARE(d.replanner.changes(), changesBefore + 1);
    QVERIFY2(accepted.reason.find("accepted by an operator: gpu 2 (was gpu 3); decision") == 0, accepted.reason.c_str());
    const std::optional<std::string> twice = d.replanner.acceptRefusal(accepted.sequence);
    QVERIFY(twice && twice->find("already applied by an operator") != std::string::npos);
    QVERIFY_THROWS_EXCEPTION(std::logic_error, d.replanner.accept(accepted.sequence, at(untilS + 1.0)));
    // The settle time starts again: a rise right after waits.
    d.run(4.5, untilS + 100.0);
    QVERIFY2(d.decisions.back().reason.find("settling") != std::string::npos, d.decisions.back().reason.c_str());
  }

  // A recommendation the re-planner already holds current (advisory mode routes by none) can be accepted:
  // it is no change.
  void acceptOfTheCurrentPlanIsNoChange() {
    Driver d = driver(options(), 2, 1.5);
    double untilS = 0.0;
    do {  // solve by solve until the rise is applied
      untilS += 60.0;
      d.run(3.0, untilS);
    } while ((d.decisions.empty() || !d.decisions.back().applied) && untilS < 1200.0);
    QVERIFY(d.decisions.back().applied);
    const std::int32_t changes = d.replanner.changes();
    const ReplanDecision accepted = d.replanner.accept(d.decisions.back().sequence, at(toSeconds(d.decisions.back().at) + 1.0));
    QCOMPARE(d.replanner.changes(), changes);
    QVERIFY2(accepted.reason.find("already held current") != std::string::npos, accepted.reason.c_str());
  }

  // No arrival for a long window: the class is idle and the plan goes to zero instances; the first solve
  // after requests come back scales up, even while the change to zero is still settling.
  void scalesToZeroAndUpAtOnce() {
    Driver d{Replanner({"chat"}, planFor(1, 0.5), options(), zeroSolve, at(0)), 0.0, 0.0, {}};
    double untilS = 0.0;
    do {  // solve by solve, no arrival at all, until the plan reaches zero
      untilS += 60.0;
      while (d.replanner.due(at(untilS))) d.decisions.push_back(d.replanner.replan(d.replanner.nextSolve()));
    } while (d.replanner.current().instancesTotal() > 0 && untilS < 4000.0);
    QCOMPARE(d.replanner.current().instancesTotal(), 0);
    const double zeroS = toSeconds(d.decisions.back().at);
    QVERIFY2(d.decisions.back().action == ReplanAction::ScaledDown, d.decisions.back().reason.c_str());
    d.clockS = zeroS;
    d.nextArrivalS = zeroS + 1.0;
    d.run(1.0, zeroS + 61.0);
    const ReplanDecision& up = d.decisions.back();
    QVERIFY2(up.action == ReplanAction::ScaledUp && up.reason.starts_with("scale up from zero"), up.reason.c_str());
    QVERIFY(toSeconds(up.at) - zeroS < toSeconds(options().settle));
    QCOMPARE(d.replanner.current().instancesTotal(), 1);
  }

  // A recommendation above the budget cannot be accepted.
  void acceptRefusesAboveTheBudget() {
    ReplannerOptions o = options();
    o.budgetGpus = 4.0;
    o.gpusPerInstance = {2.0};
    Driver d = driver(o, 2, 1.5);
    d.run(3.0, 1200.0);
    const ReplanDecision& last = d.decisions.back();
    QVERIFY(last.action == ReplanAction::Refused);
    const std::optional<std::string> refusal = d.replanner.acceptRefusal(last.sequence);
    QVERIFY(refusal);
    QVERIFY2(refusal->find("needs 6 GPUs (gpu 3), above the budget of 4") != std::string::npos, refusal->c_str());
  }

  // The status the router answers reads back as written; a field at fault is named.
  void statusJsonReadsBack() {
    Driver d = driver(options(), 2, 1.5);
    d.run(3.0, 600.0);
    ReplanStatus status;
    status.mode = ReplanMode::Auto;
    status.intervalS = 60.0;
    status.shortWindowS = 30.0;
    status.longWindowS = 600.0;
    status.budgetGpus = 8.0;
    status.classNames = {"chat"};
    status.timeS = 600.0;
    status.current = d.replanner.current();
    status.changes = d.replanner.changes();
    status.lastDecision = d.replanner.lastDecision();
    const nlohmann::json written = toJson(status);
    const ReplanStatus read = replanStatusFromJson(written, "test");
    QVERIFY(read.mode == ReplanMode::Auto);
    QCOMPARE(read.budgetGpus.value_or(0.0), 8.0);
    QCOMPARE(read.classNames, std::vector<std::string>{"chat"});
    QCOMPARE(read.current.instancesPerMode, status.current.instancesPerMode);
    QCOMPARE(read.current.ratePerSByMode, status.current.ratePerSByMode);
    QCOMPARE(read.current.modeNames, status.current.modeNames);
    QVERIFY(read.lastDecision);
    QCOMPARE(read.lastDecision->sequence, status.lastDecision->sequence);
    QCOMPARE(read.lastDecision->reason, status.lastDecision->reason);
    QVERIFY(read.lastDecision->action == status.lastDecision->action);
    QCOMPARE(read.lastDecision->rates.at(0).predictedPerS, status.lastDecision->rates.at(0).predictedPerS);
    QCOMPARE(toJson(read), written);

    nlohmann::json noRate = written;
    noRate["current"]["modes"][0]["rates_per_s"].erase("chat");
    try {
      (void)replanStatusFromJson(noRate, "the router's status");
      QFAIL("a plan without the class's rate was read");
    } catch (const InputError& error) {
      QVERIFY2(std::string(error.what()).find("/current/modes/0/rates_per_s/chat") != std::string::npos, error.what());
    }
    nlohmann::json badAction = written;
    badAction["last_decision"]["action"] = "sideways";
    try {
      (void)replanStatusFromJson(badAction, "the router's status");
      QFAIL("an unknown action was read");
    } catch (const InputError& error) {
      QVERIFY2(std::string(error.what()).find("accepted") != std::string::npos, error.what());
    }
  }
};

QTEST_GUILESS_MAIN(TestReplanner)
#include "tst_replanner.moc"
