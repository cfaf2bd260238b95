#pragma once

#include <QWidget>

#include "ui/bridge/remote_bridge.h"

class QLabel;
class QTableView;

namespace headroom::ui {

class RouteMemberTableModel;

// The "Router members" dock: while the console is connected to a router, its members (transport,
// stream scheduler, up or down, in flight) and per class their QUIC stream figures, in a
// RouteMemberTableModel fed by RemoteBridge::routeMembersChanged; a line above says which router and how
// many members are up. When the router stops answering the table greys out and a banner says how old
// the figures are, as the dashboard does for a remote server. Without a router it says how to connect
// one. UI thread only.
class RouteMembersPanel : public QWidget {
  Q_OBJECT

 public:
  explicit RouteMembersPanel(QWidget* parent = nullptr);

  RouteMemberTableModel* model() const { return model_; }
  QTableView* view() const { return view_; }
  QString summaryText() const;
  QString staleText() const;
  bool isStale() const;

 public slots:
  // A router connection began (`url`) or ended (empty `url`: the table empties).
  void setRouter(const QString& url);
  void showMembers(const headroom::ui::RouteMembersPtr& members);
  void setStale(bool stale, double lastUpdateS);

 private:
  void updateSummary();

  RouteMemberTableModel* model_;
  QLabel* staleBanner_;
  QLabel* summary_;
  QTableView* view_;
  QString url_;
};

}  // namespace headroom::ui
