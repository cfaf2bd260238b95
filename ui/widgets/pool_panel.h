#pragma once

#include <QWidget>

#include "ui/bridge/engine_bridge.h"

class QAction;
class QTableView;
class QToolBar;

namespace headroom::ui {

class PoolTableModel;

// The pool dock: the instances table under a toolbar that grows the running replay's pool by one
// instance (of its first group) or drains the selected one (the newest active one when none is selected;
// never the last active instance of a group). With model tiers the table shows each instance's group. A draining instance
// stays listed until its running requests finish. The scenario's own pool is untouched (see
// EngineBridge::addInstance). UI thread only.
class PoolPanel : public QWidget {
  Q_OBJECT

 public:
  PoolPanel(PoolTableModel* model, EngineBridge* bridge, QWidget* parent = nullptr);

  QTableView* view() const { return view_; }
  QAction* addAction() const { return add_; }
  QAction* removeAction() const { return remove_; }
  // The id the remove action would drain now, or -1.
  int removalCandidate() const;

 public slots:
  void addInstance();
  void removeInstance();

 private:
  void updateActions();

  PoolTableModel* model_;
  EngineBridge* bridge_;
  QToolBar* toolbar_;
  QTableView* view_;
  QAction* add_;
  QAction* remove_;
  bool live_ = false;
};

}  // namespace headroom::ui
