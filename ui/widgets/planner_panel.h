#pragma once

#include <QWidget>

#include <exception>
#include <filesystem>

#include "serve/fleet/fleet_manifests.h"
#include "solver/curve_measurement.h"
#include "solver/plan.h"
#include "ui/dialogs/confirmation.h"
#include "ui/planner/plan_store.h"
#include "ui/planner/planner_task.h"

class QLabel;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTableView;

namespace headroom::ui {

class EngineBridge;
class PlanComparisonModel;
class VerificationModel;

// The capacity planner in the console: plans the bridge's scenario (its classes, rates and bounds, its
// model on its hardware as the one instance mode) in the background with a progress bar and Cancel,
// shows the recommendation beside the FCFS and siloed baselines, applies it to the pool (instance count,
// weighted router shares, priority ordering) and verifies it by replay, measured against predicted.
// Every plan computed is kept in the plan store with its inputs; applying one names it to the store, and
// asks first when a replay is in progress (applying restarts it). Export… writes the plan shown as the
// Kubernetes manifests `headroom-cli deploy` writes for it. UI thread only.
class PlannerPanel : public QWidget {
  Q_OBJECT

 public:
  explicit PlannerPanel(EngineBridge* bridge, QWidget* parent = nullptr);

  // How curves are swept (replay windows, cache); the defaults are the solver's.
  void setSweepOptions(const solver::CurveSweepOptions& options) { sweep_ = options; }
  void setMaxInstances(int instances);
  void setPlanStore(PlanStore store) { store_ = std::move(store); }
  // How Apply asks before stopping a replay in progress (a message box unless replaced).
  void setConfirmation(Confirmation confirmation) { confirm_ = std::move(confirmation); }
  // The stored id of the plan shown, when the store kept it.
  std::optional<engine::PlanId> storedPlan() const { return storedPlan_; }
  // The store now keeps plans elsewhere (another workspace was opened): the plan shown is stored there
  // when it is applied.
  void planStoreChanged() { storedPlan_.reset(); }

  PlannerTask* task() const { return task_; }
  PlanComparisonModel* comparisonModel() const { return comparison_; }
  VerificationModel* verificationModel() const { return verification_; }
  PlannerOutcomePtr outcome() const { return outcome_; }
  QString statusText() const;

  // A class whose bound is below its service floor on a mode, in the user's language: the class, its
  // bound, the floor and the mode, and a mode that meets the bound if one does.
  static QString serviceFloorText(const solver::ServiceFloorMiss& miss);
  QProgressBar* progressBar() const { return progress_; }
  QPushButton* planButton() const { return plan_; }
  QPushButton* cancelButton() const { return cancel_; }
  QPushButton* applyButton() const { return apply_; }
  QPushButton* verifyButton() const { return verify_; }
  QPushButton* exportButton() const { return export_; }

  // Writes the plan shown into `directory` as `headroom-cli deploy` would (ui/planner/plan_export.h;
  // empty options.modes are the planned executor's model and hardware). The status line says how many
  // files went where and how to render them, or, in red, why nothing was written. False when refused.
  bool exportPlan(const std::filesystem::path& directory, serve::FleetOptions options);

 public slots:
  void startPlanning();
  void cancel();
  void applyToPool();
  void verifyByReplay();
  // Asks for the export's options (DeployExportDialog) and exports.
  void exportWithDialog();

 signals:
  // The recommendation was applied to the pool; `planJson` is it as `headroom-cli plan --json` writes it
  // (for a connected router to take its shares).
  void planApplied(const QByteArray& planJson);

 private:
  void showProgress(int done, int expected, const QString& detail);
  void showPlan(const PlannerOutcomePtr& outcome);
  void showVerification(const VerificationOutcomePtr& outcome);
  void showFailure(const QString& reason);
  void showCancelled();
  void setStatus(const QString& text, bool error = false);
  void updateButtons();
  void storePlan(const PlannerOutcomePtr& outcome);
  void refuseExport(const std::exception& error);

  EngineBridge* bridge_;
  PlannerTask* task_;
  PlanComparisonModel* comparison_;
  VerificationModel* verification_;
  solver::CurveSweepOptions sweep_;
  PlannerOutcomePtr outcome_;
  PlanStore store_;
  Confirmation confirm_;
  std::optional<engine::PlanId> storedPlan_;
  bool applied_ = false;
  bool verifying_ = false;

  QSpinBox* maxInstances_;
  QPushButton* plan_;
  QPushButton* cancel_;
  QPushButton* apply_;
  QPushButton* verify_;
  QPushButton* export_;
  QProgressBar* progress_;
  QLabel* status_;
  QTableView* comparisonView_;
  QTableView* verificationView_;
};

}  // namespace headroom::ui
