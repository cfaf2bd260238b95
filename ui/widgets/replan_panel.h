#pragma once

#include <QGroupBox>

#include <cstdint>

#include "ui/bridge/remote_bridge.h"
#include "ui/dialogs/confirmation.h"

class QLabel;
class QPushButton;
class QTableView;

namespace headroom::ui {

class ReplanModeModel;
class ReplanRateModel;

// The planner dock's "Connected router" box: while the console is connected to a router that re-plans
// (`headroom-cli route --replan advisory|auto`), its live recommendation: per mode the instances of the
// current and the recommended plan, per class the arrival rates the last solve measured, and why it
// decided as it did. Apply asks first, then has the router take that recommendation (its per-class
// shares; the Deployments are scaled by the operator, or by KEDA or an HPA on
// headroom_router_desired_instances). Without a router, or with one that does not re-plan, it says how to
// get there; while the router does not answer, the figures grey out and a banner says how old they are.
// UI thread only.
class ReplanPanel : public QGroupBox {
  Q_OBJECT

 public:
  explicit ReplanPanel(QWidget* parent = nullptr);

  // How Apply asks before applying (a message box unless replaced).
  void setConfirmation(Confirmation confirmation) { confirm_ = std::move(confirmation); }

  ReplanModeModel* modeModel() const { return modes_; }
  ReplanRateModel* rateModel() const { return rates_; }
  QPushButton* applyButton() const { return apply_; }
  QString summaryText() const;
  QString reasonText() const;
  QString statusText() const;
  bool isStale() const { return stale_; }

 public slots:
  // A router connection began (`url`) or ended (empty `url`).
  void setRouter(const QString& url);
  void showStatus(const headroom::ui::ReplanStatusPtr& status);
  // Re-planning is off on the router (`off`), or its status could not be read.
  void showUnavailable(bool off, const QString& reason);
  void setStale(bool stale, double lastUpdateS);
  // The router applied decision `sequence`, or refused or failed to (`message`).
  void showApplied(std::int64_t sequence);
  void showApplyFailed(const QString& message);
  // Asks, then emits applyRequested() for the decision shown.
  void apply();

 signals:
  void applyRequested(std::int64_t sequence);

 private:
  void updateSummary();
  void updateButtons();
  void setStatus(const QString& text, bool error = false);

  ReplanModeModel* modes_;
  ReplanRateModel* rates_;
  QLabel* staleBanner_;
  QLabel* summary_;
  QLabel* reason_;
  QTableView* modeView_;
  QTableView* rateView_;
  QPushButton* apply_;
  QLabel* message_;
  Confirmation confirm_;
  QString url_;
  ReplanStatusPtr status_;
  bool off_ = false;
  bool stale_ = false;
  bool applying_ = false;
};

// Why a decision came out as it did, in the operator's words: what the re-planner did, the router's
// reason, and the decision's number and age (`ageS` seconds before the status was read).
QString replanDecisionText(const serve::ReplanDecision& decision, double ageS);

}  // namespace headroom::ui
