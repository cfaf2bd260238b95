#include "ui/widgets/replan_panel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

#include <spdlog/spdlog.h>

#include "ui/models/replan_mode_model.h"
#include "ui/models/replan_rate_model.h"
#include "ui/widgets/stale_banner.h"

namespace headroom::ui {

namespace {

// A table as tall as its rows (a few modes or classes), so the reason and Apply stay in view below it.
QTableView* makeTable(QAbstractItemModel* model, QWidget* parent) {
  auto* view = new QTableView(parent);
  view->setModel(model);
  view->setSelectionMode(QAbstractItemView::NoSelection);
  view->verticalHeader()->setVisible(false);
  view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  view->horizontalHeader()->setStretchLastSection(true);
  view->setSizeAdjustPolicy(QAbstractScrollArea::AdjustToContents);
  view->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
  return view;
}

QString actionText(serve::ReplanAction action, bool applied) {
  switch (action) {
    case serve::ReplanAction::ScaledUp: return ReplanPanel::tr("Scaled up");
    case serve::ReplanAction::ScaledDown: return ReplanPanel::tr("Scaled down");
    case serve::ReplanAction::Rebalanced: return ReplanPanel::tr("Rebalanced the shares");
    case serve::ReplanAction::Refused: return ReplanPanel::tr("Refused (over the budget)");
    case serve::ReplanAction::Accepted: return ReplanPanel::tr("Applied by an operator");
    case serve::ReplanAction::Kept: break;
  }
  return applied ? ReplanPanel::tr("Changed") : ReplanPanel::tr("Kept the current plan");
}

// Whether Apply has something to do with the last decision: a plan within the budget that no operator
// applied yet and that an auto router has not applied itself.
bool canApply(const serve::ReplanStatus& status) {
  if (!status.lastDecision) return false;
  const serve::ReplanDecision& last = *status.lastDecision;
  if (!last.recommended.feasible || last.action == serve::ReplanAction::Refused || last.action == serve::ReplanAction::Accepted) {
    return false;
  }
  return !(status.mode == serve::ReplanMode::Auto && last.applied);
}

QString countsText(const serve::ReplanPlan& plan) {
  QStringList parts;
  const QLocale locale;
  for (std::size_t m = 0; m < plan.modeNames.size() && m < plan.instancesPerMode.size(); ++m) {
    parts << ReplanPanel::tr("%1: %n instance(s)", nullptr, plan.instancesPerMode[m]).arg(QString::fromStdString(plan.modeNames[m]));
  }
  return parts.join(QStringLiteral(", "));
}

}  // namespace

QString replanDecisionText(const serve::ReplanDecision& decision, double ageS) {
  return ReplanPanel::tr("%1 — %2 (decision %3, %n s ago)", nullptr, static_cast<int>(std::max(0.0, ageS)))
      .arg(actionText(decision.action, decision.applied), QString::fromStdString(decision.reason))
      .arg(decision.sequence);
}

ReplanPanel::ReplanPanel(QWidget* parent)
    : QGroupBox(tr("Connected router: live recommendation"), parent),
      modes_(new ReplanModeModel(this)),
      rates_(new ReplanRateModel(this)),
      staleBanner_(makeStaleBanner(this, QStringLiteral("replanStaleBanner"))),
      summary_(new QLabel(this)),
      reason_(new QLabel(this)),
      modeView_(makeTable(modes_, this)),
      rateView_(makeTable(rates_, this)),
      apply_(new QPushButton(tr("Apply &Recommendation"), this)),
      message_(new QLabel(this)),
      confirm_(messageBoxConfirmation()) {
  setObjectName(QStringLiteral("replanPanel"));
  summary_->setObjectName(QStringLiteral("replanSummary"));
  reason_->setObjectName(QStringLiteral("replanReason"));
  for (QLabel* label : {summary_, reason_, message_}) {
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
  }
  apply_->setToolTip(tr("Have the router route each class by the recommended plan's shares now. The router starts "
                        "and stops no instance: scale the Deployments, or let KEDA or an HPA follow "
                        "headroom_router_desired_instances"));
  auto* actions = new QHBoxLayout;
  actions->addWidget(apply_);
  actions->addWidget(message_, 1);
  auto* tables = new QHBoxLayout;
  modeView_->horizontalHeader()->setStretchLastSection(false);
  modeView_->setSizePolicy(QSizePolicy::Maximum, QSizePolicy::Maximum);
  tables->addWidget(modeView_, 0, Qt::AlignTop);
  tables->addWidget(rateView_, 1, Qt::AlignTop);
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(staleBanner_);
  layout->addWidget(summary_);
  layout->addLayout(tables);
  layout->addWidget(reason_);
  layout->addLayout(actions);
  layout->addStretch(1);
  connect(apply_, &QPushButton::clicked, this, &ReplanPanel::apply);
  updateSummary();
  updateButtons();
}

QString ReplanPanel::summaryText() const { return summary_->text(); }
QString ReplanPanel::reasonText() const { return reason_->text(); }
QString ReplanPanel::statusText() const { return message_->text(); }

void ReplanPanel::setRouter(const QString& url) {
  url_ = url;
  status_.reset();
  off_ = false;
  applying_ = false;
  setStale(false, 0.0);
  modes_->setStatus(nullptr);
  rates_->setStatus(nullptr);
  setStatus({});
  updateSummary();
  updateButtons();
}

void ReplanPanel::showStatus(const ReplanStatusPtr& status) {
  if (url_.isEmpty() || !status) return;
  status_ = status;
  off_ = false;
  modes_->setStatus(status);
  rates_->setStatus(status);
  updateSummary();
  updateButtons();
}

void ReplanPanel::showUnavailable(bool off, const QString& reason) {
  if (url_.isEmpty()) return;
  off_ = off;
  if (off) {
    status_.reset();
    modes_->setStatus(nullptr);
    rates_->setStatus(nullptr);
    summary_->setText(reason);
    reason_->clear();
  } else {
    setStatus(tr("The re-planning status could not be read: %1").arg(reason), true);
  }
  updateButtons();
}

void ReplanPanel::setStale(bool stale, double lastUpdateS) {
  stale_ = stale;
  modes_->setStale(stale);
  rates_->setStale(stale);
  if (stale) {
    staleBanner_->setText(tr("The router does not answer: this recommendation is not live, last update %n s ago", nullptr,
                             static_cast<int>(lastUpdateS)));
  }
  staleBanner_->setVisible(stale);
  updateButtons();
}

void ReplanPanel::apply() {
  if (!status_ || !canApply(*status_) || applying_ || stale_) return;
  const serve::ReplanDecision& last = *status_->lastDecision;
  if (confirm_ && !confirm_(this, tr("Apply Recommendation"),
                            tr("Have the router at %1 route by decision %2's plan (%3) now? The router starts and stops "
                               "no instance: scale the Deployments to match, or let KEDA or an HPA follow "
                               "headroom_router_desired_instances.")
                                .arg(url_)
                                .arg(last.sequence)
                                .arg(countsText(last.recommended)))) {
    setStatus(tr("Not applied."));
    return;
  }
  applying_ = true;
  setStatus(tr("Applying decision %1…").arg(last.sequence));
  updateButtons();
  spdlog::info("console: applying the router's re-plan decision {}", last.sequence);
  emit applyRequested(last.sequence);
}

void ReplanPanel::showApplied(std::int64_t sequence) {
  applying_ = false;
  setStatus(tr("Applied decision %1: the router routes by its plan.").arg(sequence));
  updateButtons();
}

void ReplanPanel::showApplyFailed(const QString& message) {
  if (!applying_) return;
  applying_ = false;
  setStatus(tr("Not applied: %1").arg(message), true);
  updateButtons();
}

void ReplanPanel::setStatus(const QString& text, bool error) {
  message_->setText(text);
  message_->setStyleSheet(error ? QStringLiteral("color: #c62828;") : QString());
}

void ReplanPanel::updateSummary() {
  if (url_.isEmpty()) {
    summary_->setText(tr("Not connected to a router. Pool > Connect… to a router started with --replan advisory shows "
                         "its live recommendation here, with why it changed."));
    reason_->clear();
    return;
  }
  if (!status_) {
    if (!off_) summary_->setText(tr("Router %1: reading its re-planning status…").arg(url_));
    reason_->clear();
    return;
  }
  const QLocale locale;
  const QString mode = status_->mode == serve::ReplanMode::Auto ? tr("auto: applies its plans") : tr("advisory: recommends only");
  QString text = tr("Router %1 re-plans every %2 s (%3); %n change(s) so far.", nullptr, status_->changes)
                     .arg(url_, locale.toString(status_->intervalS, 'g', 4), mode);
  if (status_->budgetGpus) text += QLatin1Char(' ') + tr("Budget: %1 GPUs.").arg(locale.toString(*status_->budgetGpus, 'g', 6));
  summary_->setText(text);
  if (!status_->lastDecision) {
    reason_->setText(tr("No solve yet: the first comes one interval after the router started."));
    return;
  }
  const serve::ReplanDecision& last = *status_->lastDecision;
  reason_->setText(tr("Why: %1").arg(replanDecisionText(last, status_->timeS - engine::toSeconds(last.at))));
}

void ReplanPanel::updateButtons() {
  apply_->setEnabled(status_ && canApply(*status_) && !applying_ && !stale_);
}

}  // namespace headroom::ui
