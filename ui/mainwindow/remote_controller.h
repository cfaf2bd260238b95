#pragma once

#include <QList>
#include <QObject>
#include <QPointer>

#include <vector>

#include "engine/workload/scenario.h"
#include "ui/bridge/remote_bridge.h"

class QAction;
class QLabel;
class QWidget;

namespace headroom::ui {

class ClassTableModel;

// Pool > Connect… and Disconnect: switches what the console shows between the embedded pool
// (EngineBridge) and a remote one (RemoteBridge). While a remote server is shown, its views go out
// through viewChanged() like the embedded ones, the embedded replay is paused and its controls are
// disabled (a remote pool runs on the wall clock), and class edits go to the server's admin endpoint.
// A router connection keeps the embedded pool on screen, is the target of pushPlan(), and its members
// go out through routeMembersChanged() (stale or live again: routerStaleChanged()). A failed
// connection leaves the embedded pool as it was. Lives on the UI thread.
class RemoteController : public QObject {
  Q_OBJECT

 public:
  RemoteController(EngineBridge* embedded, ClassTableModel* classes, QWidget* window);

  QAction* connectAction() const { return connect_; }
  QAction* disconnectAction() const { return disconnect_; }
  QLabel* poolLabel() const { return poolLabel_; }
  RemoteBridge* remote() const { return remote_; }
  // True while a remote server (not the embedded pool) is shown.
  bool showsRemote() const { return remote_->isActive() && remote_->connection().kind == RemoteKind::Server; }
  // True while a router is connected.
  bool hasRouter() const { return remote_->isConnected() && remote_->connection().kind == RemoteKind::Router; }
  // The replay's actions and widgets, disabled while a remote server is shown.
  void setReplayControls(QList<QAction*> actions, QList<QWidget*> widgets);

  // Sends class edits to the connected server; false when no server is connected (the embedded pool
  // takes them).
  bool takeClassEdits(const std::vector<engine::ClassSpec>& specs);

 public slots:
  // Shows the dialog, then connects.
  void chooseAndConnect();
  void connectTo(const headroom::ui::RemoteConnection& connection);
  void disconnectFromRemote();

 signals:
  void viewChanged(const headroom::ui::ViewPtr& view);
  void message(const QString& text);
  // The remote view shown went stale (last update `lastUpdateS` ago) or is live again; false too when
  // the embedded pool is shown again.
  void staleChanged(bool stale, double lastUpdateS);
  // A router connection began (its `url`) or ended (empty `url`).
  void routerChanged(const QString& url);
  void routeMembersChanged(const headroom::ui::RouteMembersPtr& members);
  // The router's members shown went stale (the router stopped answering) or are live again.
  void routerStaleChanged(bool stale, double lastUpdateS);

 private:
  void showEmbedded();
  void setReplayEnabled(bool enabled);
  void updateLabel();

  EngineBridge* embedded_;
  ClassTableModel* classes_;
  QWidget* window_;
  RemoteBridge* remote_;
  QAction* connect_;
  QAction* disconnect_;
  QLabel* poolLabel_;
  QList<QPointer<QAction>> replayActions_;
  QList<QPointer<QWidget>> replayWidgets_;
};

}  // namespace headroom::ui
