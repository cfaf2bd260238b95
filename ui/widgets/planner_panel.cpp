#include "ui/widgets/planner_panel.h"

#include <algorithm>

#include <QDir>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QTableView>
#include <QVBoxLayout>

#include <spdlog/spdlog.h>

#include "engine/workload/scenario.h"
#include "solver/plan_json.h"
#include "ui/bridge/engine_bridge.h"
#include "ui/dialogs/deploy_export_dialog.h"
#include "ui/models/plan_comparison_model.h"
#include "ui/models/verification_model.h"
#include "ui/planner/plan_export.h"
#include "ui/planner/plan_setup.h"

namespace headroom::ui {

namespace {

constexpr int kDefaultMaxInstances = 64;

QTableView* makeTable(QAbstractItemModel* model, QWidget* parent) {
  auto* view = new QTableView(parent);
  view->setModel(model);
  view->setSelectionMode(QAbstractItemView::NoSelection);
  view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  view->horizontalHeader()->setStretchLastSection(true);
  return view;
}

}  // namespace

PlannerPanel::PlannerPanel(EngineBridge* bridge, QWidget* parent)
    : QWidget(parent),
      bridge_(bridge),
      task_(new PlannerTask(this)),
      comparison_(new PlanComparisonModel(this)),
      verification_(new VerificationModel(this)),
      confirm_(messageBoxConfirmation()),
      maxInstances_(new QSpinBox(this)),
      plan_(new QPushButton(tr("&Plan"), this)),
      cancel_(new QPushButton(tr("Cancel"), this)),
      apply_(new QPushButton(tr("&Apply to Pool"), this)),
      verify_(new QPushButton(tr("&Verify by Replay"), this)),
      export_(new QPushButton(tr("&Export…"), this)),
      progress_(new QProgressBar(this)),
      status_(new QLabel(this)) {
  setObjectName(QStringLiteral("plannerPanel"));
  maxInstances_->setRange(1, 4096);
  maxInstances_->setValue(kDefaultMaxInstances);
  maxInstances_->setToolTip(tr("The most instances a plan may use"));
  plan_->setToolTip(tr("Measure each class's latency curve by replay and compute the fewest instances that "
                       "keep every class within its bound, with the FCFS and siloed baselines"));
  apply_->setToolTip(tr("Set the pool to the recommended instances, route each class by the plan's shares "
                        "and order requests by class priority inside instances; the replay restarts"));
  verify_->setToolTip(tr("Replay the applied pool and compare each class's measured latency with the prediction"));
  export_->setToolTip(tr("Write the plan as Kubernetes manifests, a Kustomize directory: the same files as "
                         "headroom-cli deploy"));
  progress_->setRange(0, 1);
  progress_->setValue(0);
  progress_->setFormat(tr("%v of about %m replays"));
  status_->setWordWrap(true);
  status_->setTextInteractionFlags(Qt::TextSelectableByMouse);

  auto* controls = new QHBoxLayout;
  controls->addWidget(new QLabel(tr("Max instances:"), this));
  controls->addWidget(maxInstances_);
  controls->addWidget(plan_);
  controls->addWidget(cancel_);
  controls->addWidget(progress_, 1);
  auto* actions = new QHBoxLayout;
  actions->addWidget(apply_);
  actions->addWidget(verify_);
  actions->addWidget(export_);
  actions->addStretch(1);

  comparisonView_ = makeTable(comparison_, this);
  verificationView_ = makeTable(verification_, this);
  verificationView_->verticalHeader()->setVisible(false);
  auto* layout = new QVBoxLayout(this);
  layout->addLayout(controls);
  layout->addWidget(status_);
  layout->addWidget(comparisonView_, 3);
  layout->addLayout(actions);
  layout->addWidget(verificationView_, 2);

  connect(plan_, &QPushButton::clicked, this, &PlannerPanel::startPlanning);
  connect(cancel_, &QPushButton::clicked, this, &PlannerPanel::cancel);
  connect(apply_, &QPushButton::clicked, this, &PlannerPanel::applyToPool);
  connect(verify_, &QPushButton::clicked, this, &PlannerPanel::verifyByReplay);
  connect(export_, &QPushButton::clicked, this, &PlannerPanel::exportWithDialog);
  connect(task_, &PlannerTask::progress, this, &PlannerPanel::showProgress);
  connect(task_, &PlannerTask::planned, this, &PlannerPanel::showPlan);
  connect(task_, &PlannerTask::verified, this, &PlannerPanel::showVerification);
  connect(task_, &PlannerTask::failed, this, &PlannerPanel::showFailure);
  connect(task_, &PlannerTask::cancelled, this, &PlannerPanel::showCancelled);
  setStatus(tr("Plan the current scenario's classes on its model and hardware."));
  updateButtons();
}

void PlannerPanel::setMaxInstances(int instances) { maxInstances_->setValue(instances); }

QString PlannerPanel::statusText() const { return status_->text(); }

QString PlannerPanel::serviceFloorText(const solver::ServiceFloorMiss& miss) {
  const QLocale locale;
  const QString watched = QStringLiteral("p%1 %2").arg(locale.toString(miss.percentile),
                                                        QString::fromUtf8(engine::toString(miss.metric).data()));
  QString text = tr("Class %1: its bound of %2 s (%3) is below its service floor of %4 s on mode %5, its latency "
                    "with the instance otherwise idle, which no number of instances lowers.")
                     .arg(QString::fromStdString(miss.className), locale.toString(miss.boundS), watched,
                          locale.toString(miss.floorS, 'g', 4), QString::fromStdString(miss.mode));
  if (miss.meetingMode.empty()) return text + QLatin1Char(' ') + tr("No mode meets it.");
  return text + QLatin1Char(' ') +
         tr("Mode %1 meets it (floor %2 s).")
             .arg(QString::fromStdString(miss.meetingMode), locale.toString(miss.meetingFloorS, 'g', 4));
}

void PlannerPanel::setStatus(const QString& text, bool error) {
  status_->setText(text);
  status_->setStyleSheet(error ? QStringLiteral("color: #c62828;") : QString());
}

void PlannerPanel::updateButtons() {
  const bool busy = task_->running();
  const bool solved = outcome_ && outcome_->report.recommended.solutionFound;
  plan_->setEnabled(!busy);
  maxInstances_->setEnabled(!busy);
  cancel_->setEnabled(busy);
  apply_->setEnabled(!busy && solved);
  verify_->setEnabled(!busy && solved && applied_);
  export_->setEnabled(!busy && solved);
}

void PlannerPanel::startPlanning() {
  if (task_->running()) return;
  if (!bridge_->hasScenario()) {
    setStatus(tr("Open a scenario first."), true);
    return;
  }
  solver::PlanningScenario planning = planningScenarioFor(bridge_->scenario(), maxInstances_->value());
  try {
    solver::planningClasses(planning);  // a trace or a class without a TTFT or TTLT bound cannot be planned
  } catch (const engine::InputError& error) {
    setStatus(tr("This scenario cannot be planned: %1").arg(QString::fromStdString(error.what())), true);
    return;
  }
  verifying_ = false;
  if (!task_->plan(planning, sweep_, solver::PlanOptions{})) return;
  progress_->setRange(0, 1);
  progress_->setValue(0);
  setStatus(tr("Measuring latency curves…"));
  updateButtons();
}

void PlannerPanel::cancel() {
  if (!task_->running()) return;
  task_->cancel();
  setStatus(tr("Cancelling…"));
}

void PlannerPanel::showProgress(int done, int expected, const QString& detail) {
  progress_->setRange(0, std::max(1, expected));
  progress_->setValue(done);
  progress_->setToolTip(detail);
  if (verifying_) {
    setStatus(tr("Replaying the applied pool…"));
  } else {
    setStatus(tr("Measuring latency curves: %1 of about %2 replays").arg(done).arg(expected));
  }
}

void PlannerPanel::showPlan(const PlannerOutcomePtr& outcome) {
  outcome_ = outcome;
  applied_ = false;
  storePlan(outcome);
  comparison_->setReport(outcome->input.classes, outcome->report);
  verification_->clear();
  progress_->setRange(0, std::max(1, outcome->replays));
  progress_->setValue(std::max(1, outcome->replays));
  const auto& report = outcome->report;
  const QLocale locale;
  const auto& floorMisses = report.recommended.belowServiceFloor;
  if (report.recommended.solutionFound) {
    QString text = tr("Recommended: %1 instances with priority routing (FCFS needs %2, siloed %3). %4 curve replays, "
                      "%5 s.")
                       .arg(report.recommended.instancesTotal)
                       .arg(report.fcfs.solutionFound ? locale.toString(report.fcfs.instancesTotal) : tr("no plan"))
                       .arg(report.siloed.solutionFound ? locale.toString(report.siloed.instancesTotal) : tr("no plan"))
                       .arg(outcome->replays)
                       .arg(locale.toString(outcome->wallS, 'f', 1));
    for (const solver::ServiceFloorMiss& miss : floorMisses) text += QLatin1Char(' ') + serviceFloorText(miss);
    setStatus(text);
  } else {
    // A class below its service floor on every mode is the reason, in the user's language.
    const auto unmet = std::find_if(floorMisses.begin(), floorMisses.end(),
                                    [](const solver::ServiceFloorMiss& miss) { return miss.meetingMode.empty(); });
    const QString reason = unmet != floorMisses.end() ? serviceFloorText(*unmet)
                                                      : QString::fromStdString(report.recommended.explanation);
    setStatus(tr("No plan keeps every class within its bound: %1").arg(reason), true);
  }
  updateButtons();
}

void PlannerPanel::storePlan(const PlannerOutcomePtr& outcome) {
  storedPlan_.reset();
  if (!store_.save) return;
  const auto& report = outcome->report;
  const QString scenario = QString::fromStdString(outcome->planning.scenario.name);
  const QString name = report.recommended.solutionFound
                           ? tr("%1: %n instance(s)", nullptr, report.recommended.instancesTotal).arg(scenario)
                           : tr("%1: no plan").arg(scenario);
  const auto planJson = solver::toJson(report, outcome->input, solver::PlanOptions{}.objective);
  storedPlan_ = store_.save(name.toStdString(), planJson, planInputsToJson(outcome->planning));
}

void PlannerPanel::applyToPool() {
  if (!outcome_ || !outcome_->report.recommended.solutionFound || task_->running()) return;
  if (bridge_->replayInProgress() && confirm_ &&
      !confirm_(this, tr("Apply Plan"),
                tr("Applying the plan stops the replay in progress and starts it again from the beginning with "
                   "the plan's pool. Apply it now?"))) {
    setStatus(tr("Not applied; the replay goes on."));
    return;
  }
  try {
    const engine::Scenario applied = applyPlan(bridge_->scenario(), outcome_->report.recommended);
    bridge_->setScenario(applied);
    if (!storedPlan_) storePlan(outcome_);
    if (store_.applied) store_.applied(storedPlan_);
    applied_ = true;
    spdlog::info("plan applied: {} instances, weighted router, priority ordering", applied.pool.instances);
    setStatus(tr("Applied: %1 instances, each class routed by the plan's shares, priority ordering inside "
                 "instances. The replay starts again from the beginning.")
                  .arg(applied.pool.instances));
    const auto planJson = solver::toJson(outcome_->report, outcome_->input, solver::PlanOptions{}.objective);
    emit planApplied(QByteArray::fromStdString(planJson.dump()));
  } catch (const std::exception& error) {
    setStatus(tr("The plan could not be applied: %1").arg(QString::fromStdString(error.what())), true);
  }
  updateButtons();
}

void PlannerPanel::verifyByReplay() {
  if (!outcome_ || !applied_ || task_->running()) return;
  verifying_ = true;
  if (!task_->verify(outcome_, bridge_->scenario())) return;
  verification_->clear();
  progress_->setRange(0, 1);
  progress_->setValue(0);
  setStatus(tr("Replaying the applied pool…"));
  updateButtons();
}

bool PlannerPanel::exportPlan(const std::filesystem::path& directory, serve::FleetOptions options) {
  if (!outcome_ || !outcome_->report.recommended.solutionFound || task_->running()) {
    setStatus(tr("Nothing to export: plan the scenario first."), true);
    return false;
  }
  try {
    const PlanExport written = ui::exportPlan(*outcome_, directory, std::move(options));
    const QString shown = QDir::toNativeSeparators(QString::fromStdString(directory.string()));
    spdlog::info("plan exported: {} files to {} ({} instances, {} GPUs)", written.files, directory.string(),
                 written.instances, written.gpus);
    setStatus(tr("Exported %n file(s) to %1 (instances: %2, GPUs: %3). Render them with: kubectl kustomize %1", nullptr,
                 static_cast<int>(written.files))
                  .arg(shown)
                  .arg(written.instances)
                  .arg(written.gpus));
    return true;
  } catch (const std::exception& error) {
    refuseExport(error);
    return false;
  }
}

void PlannerPanel::exportWithDialog() {
  if (!outcome_ || !outcome_->report.recommended.solutionFound || task_->running()) return;
  try {
    const serve::FleetPlan plan = fleetPlanFor(*outcome_);
    std::vector<serve::ModeHardware> modes = fleetModesFor(outcome_->planning, plan);
    DeployExportDialog dialog(plan, modes, this);
    dialog.restoreSettings();
    if (dialog.exec() != QDialog::Accepted) return;
    dialog.saveSettings();
    const DeployExportChoices choices = dialog.choices();
    exportPlan(choices.directory, fleetOptionsFor(choices, std::move(modes)));
  } catch (const std::exception& error) {
    refuseExport(error);
  }
}

void PlannerPanel::refuseExport(const std::exception& error) {
  spdlog::warn("plan export refused: {}", error.what());
  setStatus(tr("Not exported, nothing was written: %1").arg(QString::fromStdString(error.what())), true);
}

void PlannerPanel::showVerification(const VerificationOutcomePtr& outcome) {
  verifying_ = false;
  verification_->setVerification(outcome->verification);
  progress_->setValue(progress_->maximum());
  int missed = 0;
  for (const auto& item : outcome->verification.classes) missed += item.held ? 0 : 1;
  if (missed == 0) {
    setStatus(tr("The replay held every class within its bound."));
  } else {
    setStatus(tr("The replay missed the bound of %n class(es).", nullptr, missed), true);
  }
  updateButtons();
}

void PlannerPanel::showFailure(const QString& reason) {
  verifying_ = false;
  progress_->setValue(0);
  setStatus(tr("The planner failed: %1").arg(reason), true);
  updateButtons();
}

void PlannerPanel::showCancelled() {
  verifying_ = false;
  progress_->setRange(0, 1);
  progress_->setValue(0);
  setStatus(tr("Cancelled."));
  updateButtons();
}

}  // namespace headroom::ui
