#pragma once

#include <QObject>
#include <QString>

#include <atomic>
#include <memory>
#include <thread>

#include "solver/plan.h"
#include "solver/planning_scenario.h"

namespace headroom::ui {

// What a finished planner run produced: the measured input (curves), the recommendation with its two
// baselines, the scenario it was planned for, and the cost of getting there.
struct PlannerOutcome {
  solver::PlanningScenario planning;
  solver::PlanningInput input;
  solver::PlanReport report;
  std::int32_t replays = 0;
  double wallS = 0.0;
};

// Measured against predicted, per class, for one plan replayed on the pool it applies.
struct VerificationOutcome {
  solver::Verification verification;
  double wallS = 0.0;
};

using PlannerOutcomePtr = std::shared_ptr<const PlannerOutcome>;
using VerificationOutcomePtr = std::shared_ptr<const VerificationOutcome>;

// Runs the planner's long jobs off the UI thread, one at a time: plan() measures latency curves by replay
// and solves the MILPs (recommendation, FCFS and siloed baselines); verify() replays a plan. Progress,
// results and failures come back as signals on the UI thread (queued from the worker through this
// object's event queue). cancel() is cooperative: the running replay stops within a fraction of a
// second and cancelled() follows. Destruction cancels and joins. Lives on the UI thread.
class PlannerTask : public QObject {
  Q_OBJECT

 public:
  explicit PlannerTask(QObject* parent = nullptr);
  ~PlannerTask() override;

  // Start a job; false (and nothing started) while another one runs.
  bool plan(const solver::PlanningScenario& planning, const solver::CurveSweepOptions& sweep,
            const solver::PlanOptions& options);
  bool verify(PlannerOutcomePtr planned, const engine::Scenario& applied);
  void cancel();
  bool running() const { return running_; }

 signals:
  // Replays done of those expected; `detail` is the engine's own line about the step (English).
  void progress(int done, int expected, const QString& detail);
  void planned(const headroom::ui::PlannerOutcomePtr& outcome);
  void verified(const headroom::ui::VerificationOutcomePtr& outcome);
  void failed(const QString& reason);
  void cancelled();

 private:
  template <typename Job>
  bool start(Job job);
  void join();

  std::thread worker_;
  std::shared_ptr<std::atomic<bool>> cancel_;
  bool running_ = false;
};

}  // namespace headroom::ui

Q_DECLARE_METATYPE(headroom::ui::PlannerOutcomePtr)
Q_DECLARE_METATYPE(headroom::ui::VerificationOutcomePtr)
