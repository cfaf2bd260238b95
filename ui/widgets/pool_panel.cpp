#include "ui/widgets/pool_panel.h"

#include <QAction>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QStyle>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

#include "ui/models/pool_table_model.h"

namespace headroom::ui {

PoolPanel::PoolPanel(PoolTableModel* model, EngineBridge* bridge, QWidget* parent)
    : QWidget(parent),
      model_(model),
      bridge_(bridge),
      toolbar_(new QToolBar(tr("Pool"), this)),
      view_(new QTableView(this)) {
  setObjectName(QStringLiteral("poolPanel"));
  view_->setModel(model_);
  view_->verticalHeader()->setVisible(false);
  view_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  view_->horizontalHeader()->setStretchLastSection(true);
  view_->setSelectionBehavior(QAbstractItemView::SelectRows);
  view_->setSelectionMode(QAbstractItemView::SingleSelection);

  add_ = toolbar_->addAction(style()->standardIcon(QStyle::SP_FileDialogNewFolder), tr("&Add Instance"));
  add_->setObjectName(QStringLiteral("addInstanceAction"));
  add_->setToolTip(tr("Add one instance to the running replay's pool; it takes new arrivals at once"));
  remove_ = toolbar_->addAction(style()->standardIcon(QStyle::SP_TrashIcon), tr("&Remove Instance"));
  remove_->setObjectName(QStringLiteral("removeInstanceAction"));
  remove_->setToolTip(tr("Drain the selected instance (else the newest): its queued requests move to the others, "
                         "its running ones finish, then it leaves the pool"));
  toolbar_->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);

  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->setSpacing(0);
  layout->addWidget(toolbar_);
  layout->addWidget(view_);

  connect(add_, &QAction::triggered, this, &PoolPanel::addInstance);
  connect(remove_, &QAction::triggered, this, &PoolPanel::removeInstance);
  connect(bridge_, &EngineBridge::viewChanged, this, [this](const ViewPtr& view) {
    live_ = view && (view->state == engine::RunnerState::Playing || view->state == engine::RunnerState::Paused);
    updateActions();
  });
  connect(view_->selectionModel(), &QItemSelectionModel::selectionChanged, this, &PoolPanel::updateActions);
  connect(model_, &QAbstractItemModel::modelReset, this, &PoolPanel::updateActions);
  // The group column only means something in a pool of model tiers.
  const auto showGroups = [this] { view_->setColumnHidden(PoolTableModel::Group, !model_->hasGroups()); };
  connect(model_, &QAbstractItemModel::modelReset, this, showGroups);
  showGroups();
  updateActions();
}

int PoolPanel::removalCandidate() const {
  // A group keeps at least one active instance (the pool refuses to drain its last one).
  const auto activeInGroup = [this](int group) {
    int active = 0;
    for (int row = 0; row < model_->rowCount(); ++row) {
      active += !model_->draining(row) && model_->groupOf(row) == group ? 1 : 0;
    }
    return active;
  };
  const auto removable = [&](int row) { return !model_->draining(row) && activeInGroup(model_->groupOf(row)) > 1; };
  const QModelIndexList selected = view_->selectionModel()->selectedRows();
  if (!selected.isEmpty()) {
    const int row = selected.front().row();
    return removable(row) ? model_->instanceId(row) : -1;
  }
  for (int row = model_->rowCount() - 1; row >= 0; --row) {
    if (removable(row)) return model_->instanceId(row);
  }
  return -1;
}

void PoolPanel::updateActions() {
  add_->setEnabled(live_);
  remove_->setEnabled(live_ && removalCandidate() >= 0);
}

void PoolPanel::addInstance() {
  if (!live_) return;
  bridge_->addInstance();
}

void PoolPanel::removeInstance() {
  const int id = removalCandidate();
  if (!live_ || id < 0) return;
  bridge_->removeInstance(id);
}

}  // namespace headroom::ui
