#include "ui/mainwindow/remote_controller.h"

#include <QAction>
#include <QLabel>
#include <QWidget>

#include <spdlog/spdlog.h>

#include "ui/dialogs/connect_dialog.h"
#include "ui/models/class_table_model.h"

namespace headroom::ui {

RemoteController::RemoteController(EngineBridge* embedded, ClassTableModel* classes, QWidget* window)
    : QObject(window),
      embedded_(embedded),
      classes_(classes),
      window_(window),
      remote_(new RemoteBridge(this)),
      connect_(new QAction(tr("&Connect…"), this)),
      disconnect_(new QAction(tr("&Disconnect"), this)),
      poolLabel_(new QLabel(window)) {
  connect_->setToolTip(tr("Show a remote server's pool live, or link a router for the planner's shares"));
  disconnect_->setToolTip(tr("Return to the embedded pool"));
  disconnect_->setEnabled(false);
  poolLabel_->setObjectName(QStringLiteral("poolLabel"));
  connect(connect_, &QAction::triggered, this, &RemoteController::chooseAndConnect);
  connect(disconnect_, &QAction::triggered, this, &RemoteController::disconnectFromRemote);
  connect(remote_, &RemoteBridge::viewChanged, this, &RemoteController::viewChanged);
  connect(remote_, &RemoteBridge::connected, this, [this] {
    spdlog::info("connected to {}", remote_->connection().url.toStdString());
    if (showsRemote()) {
      embedded_->pause();
      setReplayEnabled(false);
    }
    updateLabel();
    if (hasRouter()) emit routerChanged(remote_->connection().url);
    emit message(tr("Connected to %1.").arg(remote_->connection().url));
  });
  connect(remote_, &RemoteBridge::connectionFailed, this, [this](const QString& text) {
    spdlog::warn("could not connect: {}", text.toStdString());
    showEmbedded();
    emit message(tr("Could not connect: %1 The embedded pool is shown.").arg(text));
  });
  connect(remote_, &RemoteBridge::connectionTrouble, this, [this](const QString& text) {
    emit message(tr("Remote pool: %1 Reconnecting…").arg(text));
  });
  connect(remote_, &RemoteBridge::routeMembersChanged, this, &RemoteController::routeMembersChanged);
  connect(remote_, &RemoteBridge::staleChanged, this, [this](bool stale, double lastUpdateS) {
    if (hasRouter()) {
      updateLabel();
      emit routerStaleChanged(stale, lastUpdateS);
      return;
    }
    if (!showsRemote()) return;
    updateLabel();
    emit staleChanged(stale, lastUpdateS);
  });
  connect(remote_, &RemoteBridge::classesLoaded, this, [this](const std::vector<engine::QosClass>& served) {
    if (!showsRemote()) return;
    std::vector<engine::ClassSpec> specs;
    for (const engine::QosClass& cls : served) specs.push_back({cls, {}, {}, {}});
    classes_->setClassSpecs(specs, true);
  });
  connect(remote_, &RemoteBridge::classesApplied, this, [this] { emit message(tr("The server took the class changes.")); });
  connect(remote_, &RemoteBridge::sharesPushed, this, [this] { emit message(tr("The router took the plan's shares.")); });
  connect(remote_, &RemoteBridge::adminFailed, this,
          [this](const QString& text) { emit message(tr("The remote change failed: %1").arg(text)); });
  updateLabel();
}

void RemoteController::setReplayControls(QList<QAction*> actions, QList<QWidget*> widgets) {
  replayActions_.clear();
  replayWidgets_.clear();
  for (QAction* action : actions) replayActions_.push_back(action);
  for (QWidget* widget : widgets) replayWidgets_.push_back(widget);
}

bool RemoteController::takeClassEdits(const std::vector<engine::ClassSpec>& specs) {
  if (!showsRemote()) return false;
  std::vector<engine::QosClass> qos;
  for (const engine::ClassSpec& spec : specs) qos.push_back(spec.qos);
  remote_->applyClasses(qos);
  return true;
}

void RemoteController::chooseAndConnect() {
  ConnectDialog dialog(window_);
  dialog.restoreSettings();
  if (dialog.exec() != QDialog::Accepted) return;
  dialog.saveSettings();
  connectTo(dialog.connection());
}

void RemoteController::connectTo(const RemoteConnection& connection) {
  if (remote_->isActive()) showEmbedded();
  QString error;
  if (!remote_->connectTo(connection, &error)) {
    emit message(tr("Could not connect: %1").arg(error));
    return;
  }
  disconnect_->setEnabled(true);
  poolLabel_->setText(tr("Pool: connecting to %1…").arg(connection.url));
}

void RemoteController::disconnectFromRemote() {
  if (!remote_->isActive()) return;
  showEmbedded();
  emit message(tr("Disconnected; the embedded pool is shown."));
}

void RemoteController::showEmbedded() {
  const bool wasShowingRemote = showsRemote() && remote_->isConnected();
  const bool hadRouter = hasRouter();
  const bool wasStale = remote_->isStale();
  remote_->disconnectFrom();
  if (wasStale && !hadRouter) emit staleChanged(false, 0.0);
  if (hadRouter) emit routerChanged({});
  disconnect_->setEnabled(false);
  setReplayEnabled(true);
  updateLabel();
  if (wasShowingRemote) {
    classes_->setClassSpecs(embedded_->classSpecs(), embedded_->scenario().trace.has_value());
    if (embedded_->latest()) emit viewChanged(embedded_->latest());
  }
}

void RemoteController::setReplayEnabled(bool enabled) {
  for (const auto& action : replayActions_) {
    if (action) action->setEnabled(enabled);
  }
  for (const auto& widget : replayWidgets_) {
    if (widget) widget->setEnabled(enabled);
  }
}

void RemoteController::updateLabel() {
  if (!remote_->isConnected()) {
    poolLabel_->setText(tr("Pool: embedded"));
  } else if (showsRemote() && remote_->isStale()) {
    poolLabel_->setText(tr("Pool: server %1, disconnected").arg(remote_->connection().url));
  } else if (showsRemote()) {
    poolLabel_->setText(tr("Pool: server %1").arg(remote_->connection().url));
  } else if (remote_->isStale()) {
    poolLabel_->setText(tr("Pool: embedded · router %1, not answering").arg(remote_->connection().url));
  } else {
    poolLabel_->setText(tr("Pool: embedded · router %1").arg(remote_->connection().url));
  }
}

}  // namespace headroom::ui
