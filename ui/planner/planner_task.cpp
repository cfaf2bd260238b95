#include "ui/planner/planner_task.h"

#include <QMetaObject>

#include <spdlog/spdlog.h>

#include <chrono>

#include "solver/planner.h"

namespace headroom::ui {

namespace {

double secondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

PlannerTask::PlannerTask(QObject* parent) : QObject(parent) {
  qRegisterMetaType<PlannerOutcomePtr>("headroom::ui::PlannerOutcomePtr");
  qRegisterMetaType<VerificationOutcomePtr>("headroom::ui::VerificationOutcomePtr");
}

PlannerTask::~PlannerTask() {
  if (cancel_) *cancel_ = true;
  join();
}

void PlannerTask::join() {
  if (worker_.joinable()) worker_.join();
}

void PlannerTask::cancel() {
  if (running_ && cancel_) *cancel_ = true;
}

template <typename Job>
bool PlannerTask::start(Job job) {
  if (running_) return false;
  join();  // a finished worker whose last signal is already delivered
  cancel_ = std::make_shared<std::atomic<bool>>(false);
  running_ = true;
  worker_ = std::thread([this, job = std::move(job), cancel = cancel_]() mutable {
    solver::SweepControl control;
    control.cancel = cancel.get();
    // The worker only posts to this object's queue; the destructor joins before the object goes away.
    control.progress = [this](const solver::SweepProgress& step) {
      QMetaObject::invokeMethod(
          this, [this, done = step.pointsMeasured, expected = step.pointsExpected,
                 detail = QString::fromStdString(step.message)] { emit progress(done, expected, detail); },
          Qt::QueuedConnection);
    };
    std::function<void()> deliver;
    try {
      deliver = job(control);
    } catch (const solver::SweepCancelled&) {
      deliver = [this] { emit cancelled(); };
    } catch (const std::exception& error) {
      spdlog::error("planner: {}", error.what());
      deliver = [this, reason = QString::fromStdString(error.what())] { emit failed(reason); };
    }
    QMetaObject::invokeMethod(
        this,
        [this, deliver = std::move(deliver)] {
          running_ = false;
          deliver();
        },
        Qt::QueuedConnection);
  });
  return true;
}

bool PlannerTask::plan(const solver::PlanningScenario& planning, const solver::CurveSweepOptions& sweep,
                       const solver::PlanOptions& options) {
  return start([this, planning, sweep, options](const solver::SweepControl& control) -> std::function<void()> {
    const auto begin = std::chrono::steady_clock::now();
    auto outcome = std::make_shared<PlannerOutcome>();
    outcome->planning = planning;
    outcome->input = solver::planningInputFromScenario(planning, sweep, control, &outcome->replays);
    if (control.cancelled()) throw solver::SweepCancelled();
    outcome->report = solver::planCapacity(outcome->input, options);
    outcome->wallS = secondsSince(begin);
    spdlog::info("planner: {} instances recommended (FCFS {}, siloed {}) after {} curve replays, {:.1f} s",
                 outcome->report.recommended.instancesTotal, outcome->report.fcfs.instancesTotal,
                 outcome->report.siloed.instancesTotal, outcome->replays, outcome->wallS);
    return [this, result = PlannerOutcomePtr(std::move(outcome))] { emit planned(result); };
  });
}

bool PlannerTask::verify(PlannerOutcomePtr planned, const engine::Scenario& applied) {
  if (!planned) return false;
  return start([this, planned, applied](const solver::SweepControl& control) -> std::function<void()> {
    const auto begin = std::chrono::steady_clock::now();
    solver::PlanningScenario planning = planned->planning;
    // The applied scenario carries the operator's latest edits; the plan's pool is rebuilt from the plan.
    planning.scenario = applied;
    auto outcome = std::make_shared<VerificationOutcome>();
    outcome->verification = solver::verifyPlan(planning, planned->input, planned->report.recommended, control);
    outcome->wallS = secondsSince(begin);
    spdlog::info("planner: verification replay {} ({:.1f} s)",
                 outcome->verification.allHeld ? "held every bound" : "missed a bound", outcome->wallS);
    return [this, result = VerificationOutcomePtr(std::move(outcome))] { emit verified(result); };
  });
}

}  // namespace headroom::ui
