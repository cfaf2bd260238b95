#include "ui/widgets/route_members_panel.h"

#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QVBoxLayout>

#include "ui/models/route_member_table_model.h"
#include "ui/widgets/stale_banner.h"

namespace headroom::ui {

RouteMembersPanel::RouteMembersPanel(QWidget* parent)
    : QWidget(parent),
      model_(new RouteMemberTableModel(this)),
      staleBanner_(makeStaleBanner(this, QStringLiteral("routeMembersStaleBanner"))),
      summary_(new QLabel(this)),
      view_(new QTableView(this)) {
  setObjectName(QStringLiteral("routeMembersPanel"));
  summary_->setObjectName(QStringLiteral("routeMembersSummary"));
  summary_->setContentsMargins(4, 4, 4, 4);
  summary_->setWordWrap(true);
  view_->setModel(model_);
  view_->verticalHeader()->setVisible(false);
  view_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  view_->horizontalHeader()->setStretchLastSection(true);
  view_->setSelectionBehavior(QAbstractItemView::SelectRows);
  view_->setSelectionMode(QAbstractItemView::SingleSelection);

  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->setSpacing(0);
  layout->addWidget(staleBanner_);
  layout->addWidget(summary_);
  layout->addWidget(view_);
  updateSummary();
}

void RouteMembersPanel::setRouter(const QString& url) {
  url_ = url;
  model_->clear();
  model_->setStale(false);
  staleBanner_->setVisible(false);
  updateSummary();
}

void RouteMembersPanel::showMembers(const RouteMembersPtr& members) {
  if (!members || url_.isEmpty()) return;
  model_->update(*members);
  updateSummary();
}

void RouteMembersPanel::setStale(bool stale, double lastUpdateS) {
  model_->setStale(stale);
  if (stale) {
    const int seconds = static_cast<int>(lastUpdateS);
    staleBanner_->setText(tr("The router does not answer: these figures are not live, last update %n s ago", nullptr, seconds));
  }
  staleBanner_->setVisible(stale);
}

bool RouteMembersPanel::isStale() const { return model_->isStale(); }

QString RouteMembersPanel::staleText() const { return isStale() ? staleBanner_->text() : QString(); }

QString RouteMembersPanel::summaryText() const { return summary_->text(); }

void RouteMembersPanel::updateSummary() {
  if (url_.isEmpty()) {
    summary_->setText(tr("Not connected to a router. Pool > Connect… with “Router” shows its members, their transport "
                         "and per-class stream figures here."));
    return;
  }
  const int members = model_->memberCount();
  if (members == 0) {
    summary_->setText(tr("Router %1: reading its members…").arg(url_));
    return;
  }
  int up = 0;
  for (int row = 0; row < model_->rowCount(); ++row) {
    if (model_->isMemberRow(row) && model_->index(row, RouteMemberTableModel::State).data(RouteMemberTableModel::kValueRole).toBool()) {
      ++up;
    }
  }
  summary_->setText(tr("Router %1 · members up: %2 of %3").arg(url_).arg(up).arg(members));
}

}  // namespace headroom::ui
