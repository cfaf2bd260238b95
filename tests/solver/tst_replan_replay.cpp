// The router's re-planner (serve Replanner) in virtual time on a scenario's arrivals (engine Workload),
// re-solving with the real planner on the seed example's curves, with the settings `route --replan
// --interval 60` uses: the rate doubles and halves, stays steady with Poisson noise, stops and returns,
// meets a budget.
#include <QtTest>

#include <cmath>

#include "app/cli/replan_solve.h"
#include "engine/workload/scenario.h"
#include "engine/workload/workload.h"
#include "serve/router/replanner.h"
#include "solver/planning_file.h"

using namespace headroom;
using engine::TimePoint;

namespace {

constexpr double kIntervalS = 60.0;
// The seed example's rates at this scale leave its plan some room: the noise of a steady rate stays
// inside one plan, and twice the rate needs more instances.
constexpr double kBaseScale = 0.75;

solver::PlanningInput seedExample() {
  return solver::loadPlanningFile(HEADROOM_SOURCE_DIR_FOR_TESTS "/resources/plans/seed-example.json");
}

// The seed example's classes at `scale` times their rates, as Poisson arrivals with the given phases
// (each a factor on the class's rate from a time on).
engine::Scenario scenario(const solver::PlanningInput& input, double scale, double durationS,
                          const std::vector<std::pair<double, double>>& phases, std::uint64_t seed) {
  engine::Scenario out;
  out.seed = seed;
  out.durationS = durationS;
  for (const solver::PlanningClass& each : input.classes) {
    engine::ClassSpec spec;
    spec.qos.name = each.name;
    spec.qos.rank = each.rank;
    spec.arrival.kind = engine::ArrivalKind::Poisson;
    spec.arrival.ratePerS = each.ratePerS * scale;
    for (const auto& [startS, factor] : phases) {
      engine::RatePhase phase;
      phase.startS = startS;
      phase.ratePerS = each.ratePerS * scale * factor;
      spec.arrival.phases.push_back(phase);
    }
    out.classes.push_back(spec);
  }
  return out;
}

struct Replay {
  std::vector<serve::ReplanDecision> decisions;
  std::int32_t changes = 0;
  serve::ReplanPlan final;
};

// Drives a re-planner that starts on the plan for `scale` with the scenario's arrivals, solving at every
// interval until the scenario's end.
Replay replay(const solver::PlanningInput& input, const engine::Scenario& workloadScenario, double scale,
              serve::ReplannerOptions options) {
  std::vector<std::string> names;
  std::vector<double> startRates;
  for (const solver::PlanningClass& each : input.classes) {
    names.push_back(each.name);
    startRates.push_back(each.ratePerS * scale);
  }
  serve::ReplanSolve solve = cli::replanSolveFor(input);
  serve::ReplanPlan initial = solve(startRates, options.budgetGpus);
  serve::Replanner replanner(names, std::move(initial), std::move(options), std::move(solve), engine::kTimeZero);
  Replay out;
  engine::Workload workload(workloadScenario);
  const TimePoint end = engine::timeFromSeconds(workloadScenario.durationS);
  while (const std::optional<engine::Request> request = workload.next()) {
    while (replanner.due(request->arrival)) out.decisions.push_back(replanner.replan(replanner.nextSolve()));
    replanner.arrive(static_cast<std::size_t>(request->classId), request->arrival);
  }
  while (replanner.due(end)) out.decisions.push_back(replanner.replan(replanner.nextSolve()));
  out.changes = replanner.changes();
  out.final = replanner.current();
  return out;
}

std::int32_t instancesAt(const solver::PlanningInput& input, double scale) {
  std::vector<double> rates;
  for (const solver::PlanningClass& each : input.classes) rates.push_back(each.ratePerS * scale);
  return cli::replanSolveFor(input)(rates, 0.0).instancesTotal();
}

}  // namespace

class TestReplanReplay : public QObject {
  Q_OBJECT

 private slots:
  // The rate doubles at 1 h and halves back at 3 h: the plan follows up within the interval after the
  // short window sees it, and down only after the cooldown.
  void followsTheRateUpAndDown() {
    const solver::PlanningInput input = seedExample();
    const std::int32_t base = instancesAt(input, kBaseScale);
    const std::int32_t doubled = instancesAt(input, 2 * kBaseScale);
    QVERIFY2(doubled > base, qPrintable(QString("%1 -> %2").arg(base).arg(doubled)));
    const serve::ReplannerOptions options = serve::ReplannerOptions::forInterval(kIntervalS);
    const Replay run = replay(input, scenario(input, kBaseScale, 5 * 3600.0, {{3600.0, 2.0}, {3 * 3600.0, 1.0}}, 11),
                              kBaseScale, options);
    double recommendedUpS = -1.0;  // the first solve recommending more (the desired-instances gauge)
    double firstUpS = -1.0;
    double fullUpS = -1.0;
    double firstDownS = -1.0;
    double lastUpS = -1.0;
    for (const serve::ReplanDecision& each : run.decisions) {
      const double atS = engine::toSeconds(each.at);
      if (recommendedUpS < 0 && atS > 3600.0 && each.recommended.instancesTotal() > base) recommendedUpS = atS;
      if (each.action == serve::ReplanAction::ScaledUp) {
        QVERIFY2(atS >= 3600.0, qPrintable(QString("scaled up at %1 s before the rate rose: %2").arg(atS).arg(each.reason.c_str())));
        if (firstUpS < 0) firstUpS = atS;
        if (fullUpS < 0 && each.recommended.instancesTotal() >= doubled) fullUpS = atS;
        lastUpS = atS;
      }
      if (each.action == serve::ReplanAction::ScaledDown) {
        QVERIFY2(atS >= 3 * 3600.0, qPrintable(QString("scaled down at %1 s before the rate fell").arg(atS)));
        QVERIFY(atS - lastUpS >= engine::toSeconds(options.cooldown));
        if (firstDownS < 0) firstDownS = atS;
      }
    }
    qInfo("plan %d -> %d instances; up: recommended %.0f s, first change %.0f s, full %.0f s after the rate "
          "doubled; down: first change %.0f s after it halved; %d changes in all; final %d instances",
          base, doubled, recommendedUpS - 3600.0, firstUpS - 3600.0, fullUpS - 3600.0, firstDownS - 3 * 3600.0,
          run.changes, run.final.instancesTotal());
    QVERIFY(recommendedUpS >= 0 && firstUpS >= 0 && fullUpS >= 0 && firstDownS >= 0);
    // Up: the recommendation at the first solve after the rise (within one interval); applied at once when
    // the rise is beyond the short window's noise, else after upSolves consecutive solves.
    QVERIFY2(recommendedUpS - 3600.0 <= kIntervalS, qPrintable(QString::number(recommendedUpS - 3600.0)));
    QVERIFY2(firstUpS - 3600.0 <= options.upSolves * kIntervalS, qPrintable(QString::number(firstUpS - 3600.0)));
    QVERIFY2(fullUpS - 3600.0 <= options.upSolves * kIntervalS + engine::toSeconds(options.settle) * (doubled - base),
             qPrintable(QString::number(fullUpS - 3600.0)));
    // Down: only after consecutive solves asked for fewer (and the cooldown since the last change, checked
    // above), and back to the start's plan within the run.
    QVERIFY(firstDownS - 3 * 3600.0 >= (options.downSolves - 1) * kIntervalS);
    QCOMPARE(run.final.instancesTotal(), base);
  }

  // A steady rate with Poisson noise: not one change in six hours.
  void noChangeAtASteadyRate() {
    const solver::PlanningInput input = seedExample();
    const Replay run = replay(input, scenario(input, kBaseScale, 6 * 3600.0, {}, 5), kBaseScale,
                              serve::ReplannerOptions::forInterval(kIntervalS));
    qInfo("changes at a steady rate (Poisson) over 6 h, %zu solves: %d", run.decisions.size(), run.changes);
    QCOMPARE(run.changes, 0);
  }

  // The load stops at 1 h and comes back at 3 h: the plan scales down to what no load needs (after a
  // long window without arrivals, the cooldown and consecutive solves) instead of holding the plan made
  // for the old rate, and from zero instances the first solve after the load returns scales up.
  void scalesToZeroAndBack() {
    const solver::PlanningInput input = seedExample();
    const std::int32_t base = instancesAt(input, kBaseScale);
    const std::int32_t idle = instancesAt(input, 0.0);
    const Replay run = replay(input, scenario(input, kBaseScale, 4 * 3600.0, {{3600.0, 0.0}, {3 * 3600.0, 1.0}}, 17),
                              kBaseScale, serve::ReplannerOptions::forInterval(kIntervalS));
    double zeroS = -1.0;
    double backS = -1.0;
    for (const serve::ReplanDecision& each : run.decisions) {
      const double atS = engine::toSeconds(each.at);
      if (zeroS < 0 && each.applied && each.recommended.instancesTotal() == idle) zeroS = atS;
      if (backS < 0 && atS > 3 * 3600.0 && each.action == serve::ReplanAction::ScaledUp) {
        backS = atS;
        QVERIFY2(each.reason.starts_with("scale up from zero"), each.reason.c_str());
      }
      if (atS < 3 * 3600.0) QVERIFY2(each.action != serve::ReplanAction::ScaledUp, each.reason.c_str());
    }
    qInfo("load stops after 1 h: %d -> %d instances (what no load needs) %.0f s after the stop; back %.0f s after "
          "the load returned; %d changes; final %d instances",
          base, idle, zeroS - 3600.0, backS - 3 * 3600.0, run.changes, run.final.instancesTotal());
    QCOMPARE(idle, 0);
    QVERIFY(zeroS > 3600.0 && zeroS - 3600.0 <= 1800.0);
    QVERIFY(backS > 3 * 3600.0 && backS - 3 * 3600.0 <= kIntervalS + 60.0);
    QCOMPARE(run.final.instancesTotal(), base);
  }

  // A budget one GPU above the start: the doubled rate's plan is refused, said so, and never applied.
  void theBudgetHolds() {
    const solver::PlanningInput input = seedExample();
    serve::ReplannerOptions options = serve::ReplannerOptions::forInterval(kIntervalS);
    const std::int32_t base = instancesAt(input, kBaseScale);
    options.budgetGpus = base + 1;
    const Replay run =
        replay(input, scenario(input, kBaseScale, 3 * 3600.0, {{3600.0, 2.0}}, 13), kBaseScale, options);
    std::int32_t refused = 0;
    for (const serve::ReplanDecision& each : run.decisions) {
      QVERIFY(each.current.instancesTotal() <= base + 1);
      if (each.applied) QVERIFY(each.recommended.instancesTotal() <= base + 1);
      if (each.action == serve::ReplanAction::Refused) {
        ++refused;
        QVERIFY2(each.reason.find("above the budget of") != std::string::npos, each.reason.c_str());
      }
    }
    qInfo("budget %d GPUs: %d solves refused", base + 1, refused);
    QVERIFY(refused > 0);
  }
};

QTEST_GUILESS_MAIN(TestReplanReplay)
#include "tst_replan_replay.moc"
