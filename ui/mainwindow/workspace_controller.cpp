#include "ui/mainwindow/workspace_controller.h"

#include <QAction>
#include <QDateTime>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QMessageBox>
#include <QSettings>
#include <QStandardPaths>

#include <spdlog/spdlog.h>

#include <filesystem>

#include "engine/core/resource_paths.h"

namespace headroom::ui {

namespace {

namespace key {
constexpr auto kRecent = "workspace/recent";
constexpr auto kLast = "workspace/last";
}  // namespace key

std::filesystem::path toPath(const QString& path) { return std::filesystem::path(path.toStdString()); }

QString absolute(const QString& path) { return QFileInfo(path).absoluteFilePath(); }

engine::Scenario demoScenario() { return engine::loadScenario(engine::resourceFile("scenarios", "demo")); }

// Removes a file the operator chose to replace in a save dialog, with SQLite's side files.
bool removeReplaced(const QString& path, QString* error) {
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
    const QString file = path + QLatin1String(suffix);
    if (QFileInfo::exists(file) && !QFile::remove(file)) {
      if (error) *error = WorkspaceController::tr("%1: cannot replace the file (check its permissions)").arg(file);
      return false;
    }
  }
  return true;
}

}  // namespace

WorkspaceController::WorkspaceController(EngineBridge* bridge, QWidget* dialogParent)
    : QObject(dialogParent), bridge_(bridge), dialogParent_(dialogParent) {
  saveTimer_.setSingleShot(true);
  saveTimer_.setInterval(0);
  connect(&saveTimer_, &QTimer::timeout, this, &WorkspaceController::saveSetup);
  connect(bridge_, &EngineBridge::scenarioChanged, this, &WorkspaceController::scheduleSave);
  connect(bridge_, &EngineBridge::classSpecsChanged, this, &WorkspaceController::scheduleSave);
  connect(bridge_, &EngineBridge::replayReset, this, [this] {
    endRecording(engine::RunStatus::Stopped);
    armed_ = true;
  });
  connect(bridge_, &EngineBridge::viewChanged, this, &WorkspaceController::onView);
  createActions(dialogParent);
}

WorkspaceController::~WorkspaceController() { shutdown(); }

void WorkspaceController::createActions(QWidget* parent) {
  new_ = new QAction(tr("&New Workspace…"), this);
  new_->setShortcut(QKeySequence::New);
  connect(new_, &QAction::triggered, this, &WorkspaceController::newDialog);
  open_ = new QAction(tr("&Open Workspace…"), this);
  open_->setShortcut(QKeySequence::Open);
  connect(open_, &QAction::triggered, this, &WorkspaceController::openDialog);
  saveAs_ = new QAction(tr("Save Workspace &As…"), this);
  saveAs_->setShortcut(QKeySequence::SaveAs);
  saveAs_->setEnabled(false);
  connect(saveAs_, &QAction::triggered, this, &WorkspaceController::saveAsDialog);
  recentMenu_ = new QMenu(tr("Open &Recent"), parent);
  recentMenu_->setObjectName(QStringLiteral("recentMenu"));
  connect(recentMenu_, &QMenu::aboutToShow, this, &WorkspaceController::rebuildRecentMenu);
  rebuildRecentMenu();
}

QString WorkspaceController::filePath() const {
  return workspace_ ? QString::fromStdString(workspace_->file().string()) : QString();
}

QString WorkspaceController::fileName() const { return workspace_ ? QFileInfo(filePath()).fileName() : QString(); }

QString WorkspaceController::fileFilter() const {
  return tr("Headroom workspaces (*.%1);;All files (*)").arg(QLatin1String(kFileSuffix));
}

QStringList WorkspaceController::recentFiles() const {
  QSettings settings;
  const QStringList stored = settings.value(key::kRecent).toStringList();
  QStringList existing;
  for (const QString& path : stored) {
    if (QFileInfo(path).isFile() && !existing.contains(path)) existing.append(path);
  }
  while (existing.size() > kMaxRecent) existing.removeLast();
  if (existing != stored) settings.setValue(key::kRecent, existing);
  return existing;
}

void WorkspaceController::remember(const QString& path) {
  QSettings settings;
  QStringList recent = settings.value(key::kRecent).toStringList();
  recent.removeAll(path);
  recent.prepend(path);
  while (recent.size() > kMaxRecent) recent.removeLast();
  settings.setValue(key::kRecent, recent);
  settings.setValue(key::kLast, path);
  // Queued: this may run inside one of the menu's own actions, which a rebuild deletes.
  QMetaObject::invokeMethod(this, &WorkspaceController::rebuildRecentMenu, Qt::QueuedConnection);
}

void WorkspaceController::rebuildRecentMenu() {
  recentMenu_->clear();
  const QStringList recent = recentFiles();
  int number = 1;
  for (const QString& path : recent) {
    auto* action = recentMenu_->addAction(
        tr("&%1 %2").arg(number++).arg(QFileInfo(path).fileName()));
    action->setToolTip(path);
    action->setStatusTip(path);
    connect(action, &QAction::triggered, this, [this, path] {
      QString error;
      if (!openWorkspace(path, &error)) {
        showError(tr("Cannot open workspace"),
                  tr("The workspace could not be opened; the current one stays open.\n\n%1").arg(error));
      }
    });
  }
  if (recent.isEmpty()) recentMenu_->addAction(tr("No recent workspaces"))->setEnabled(false);
  recentMenu_->addSeparator();
  auto* clear = recentMenu_->addAction(tr("&Clear List"));
  clear->setEnabled(!recent.isEmpty());
  connect(clear, &QAction::triggered, this, [this] {
    QSettings().setValue(key::kRecent, QStringList());
    QMetaObject::invokeMethod(this, &WorkspaceController::rebuildRecentMenu, Qt::QueuedConnection);
  });
}

void WorkspaceController::showError(const QString& title, const QString& text) {
  spdlog::error("{}", text.toStdString());
  QMessageBox::warning(dialogParent_, title, text);
}

bool WorkspaceController::switchTo(engine::Workspace opened, QString* error) {
  std::optional<engine::Scenario> scenario = opened.scenario();
  const bool seeded = !scenario;
  if (seeded) scenario = demoScenario();
  if (saveTimer_.isActive()) {
    saveTimer_.stop();
    saveSetup();
  }
  loading_ = true;
  try {
    bridge_->setScenario(*scenario);
  } catch (const std::exception& failure) {
    loading_ = false;
    if (error) {
      *error = tr("%1: its setup cannot be replayed: %2")
                   .arg(QString::fromStdString(opened.file().string()), QString::fromStdString(failure.what()));
    }
    return false;
  }
  loading_ = false;
  workspace_ = std::move(opened);
  appliedPlan_.reset();
  if (seeded) saveSetup();
  const QString path = absolute(filePath());
  remember(path);
  saveAs_->setEnabled(true);
  spdlog::info("opened workspace {}", path.toStdString());
  emit workspaceChanged(path);
  emit runsChanged();
  return true;
}

bool WorkspaceController::openWorkspace(const QString& path, QString* error) {
  try {
    return switchTo(engine::Workspace::open(toPath(path)), error);
  } catch (const std::exception& failure) {
    if (error) *error = QString::fromStdString(failure.what());
    return false;
  }
}

bool WorkspaceController::newWorkspace(const QString& path, QString* error) {
  try {
    engine::Workspace created = engine::Workspace::create(toPath(path));
    created.saveScenario(demoScenario());
    return switchTo(std::move(created), error);
  } catch (const std::exception& failure) {
    if (error) *error = QString::fromStdString(failure.what());
    return false;
  }
}

bool WorkspaceController::saveWorkspaceAs(const QString& path, QString* error) {
  if (!workspace_) {
    if (error) *error = tr("No workspace is open.");
    return false;
  }
  if (absolute(path) == absolute(filePath())) {
    if (error) *error = tr("%1: this is the open workspace; choose another file name").arg(path);
    return false;
  }
  if (saveTimer_.isActive()) {
    saveTimer_.stop();
    saveSetup();
  }
  if (recorder_) {
    // The run being recorded ends here, so the copy holds it whole.
    bridge_->stop();
    endRecording(engine::RunStatus::Stopped);
  }
  try {
    workspace_->saveAs(toPath(path));
  } catch (const std::exception& failure) {
    if (error) *error = QString::fromStdString(failure.what());
    return false;
  }
  const QString saved = absolute(filePath());
  remember(saved);
  spdlog::info("saved the workspace as {}", saved.toStdString());
  emit workspaceChanged(saved);
  emit runsChanged();
  return true;
}

QString WorkspaceController::demoWorkspacePath() {
  return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/demo.") +
         QLatin1String(kFileSuffix);
}

bool WorkspaceController::openStartupWorkspace(QString* warning) {
  const QString last = QSettings().value(key::kLast).toString();
  if (!last.isEmpty()) {
    QString error;
    if (openWorkspace(last, &error)) return true;
    if (warning) *warning = error;
  }
  QString error;
  if (openDemoWorkspace(&error)) return true;
  if (warning) *warning = warning->isEmpty() ? error : *warning + QLatin1Char('\n') + error;
  return false;
}

bool WorkspaceController::openDemoWorkspace(QString* error) {
  const QString demo = demoWorkspacePath();
  QDir().mkpath(QFileInfo(demo).absolutePath());
  return QFileInfo::exists(demo) ? openWorkspace(demo, error) : newWorkspace(demo, error);
}

void WorkspaceController::shutdown() {
  if (saveTimer_.isActive()) {
    saveTimer_.stop();
    saveSetup();
  }
  endRecording(engine::RunStatus::Stopped);
}

std::optional<engine::PlanId> WorkspaceController::savePlan(const std::string& name, const nlohmann::json& plan,
                                                            const nlohmann::json& inputs) {
  if (!workspace_) return std::nullopt;
  try {
    const engine::PlanId id = workspace_->savePlan(name, plan, inputs);
    spdlog::info("plan \"{}\" stored in the workspace (id {})", name, id);
    return id;
  } catch (const std::exception& failure) {
    spdlog::error("cannot store the plan: {}", failure.what());
    emit message(tr("The plan was not stored: %1").arg(QString::fromStdString(failure.what())));
    return std::nullopt;
  }
}

void WorkspaceController::scheduleSave() {
  if (workspace_ && !loading_) saveTimer_.start();
}

void WorkspaceController::saveSetup() {
  if (!workspace_ || !bridge_->hasScenario()) return;
  try {
    workspace_->saveScenario(bridge_->scenario());
  } catch (const std::exception& failure) {
    spdlog::error("cannot save the setup: {}", failure.what());
    emit message(tr("The setup was not saved: %1").arg(QString::fromStdString(failure.what())));
  }
}

void WorkspaceController::onView(const ViewPtr& view) {
  if (!view) return;
  const bool advanced = view->state == engine::RunnerState::Playing || view->simulatedS > 0.0;
  if (armed_ && advanced && workspace_) startRecording();
  if (!recorder_) return;
  if (view->metrics) recorder_->record(view->metrics);
  switch (view->state) {
    case engine::RunnerState::Finished: endRecording(engine::RunStatus::Finished); break;
    case engine::RunnerState::Stopped: endRecording(engine::RunStatus::Stopped); break;
    case engine::RunnerState::Failed: endRecording(engine::RunStatus::Failed); break;
    case engine::RunnerState::Paused:
    case engine::RunnerState::Playing: break;
  }
}

void WorkspaceController::startRecording() {
  armed_ = false;
  const engine::Scenario& scenario = bridge_->scenario();
  const QString name = tr("%1 %2").arg(QString::fromStdString(scenario.name),
                                       QDateTime::currentDateTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));
  recorder_ = std::make_unique<engine::RunRecorder>(workspace_->file(), name.toStdString(), scenario, appliedPlan_);
  spdlog::info("recording the replay as run \"{}\"", name.toStdString());
  emit runsChanged();
}

void WorkspaceController::endRecording(engine::RunStatus status) {
  if (!recorder_) return;
  recorder_->finish(status);
  const std::string error = recorder_->error();
  if (!error.empty()) emit message(tr("The run was not fully saved: %1").arg(QString::fromStdString(error)));
  recorder_.reset();
  emit runsChanged();
}

void WorkspaceController::newDialog() {
  QString path = QFileDialog::getSaveFileName(dialogParent_, tr("New Workspace"), QDir::homePath(), fileFilter());
  if (path.isEmpty()) return;
  if (QFileInfo(path).suffix().isEmpty()) path += QLatin1Char('.') + QLatin1String(kFileSuffix);
  QString error;
  if (absolute(path) == absolute(filePath())) {
    error = tr("%1: this is the open workspace; choose another file name").arg(path);
  } else if (removeReplaced(path, &error) && newWorkspace(path, &error)) {
    return;
  }
  showError(tr("Cannot create workspace"),
            tr("The workspace could not be created; the current one stays open.\n\n%1").arg(error));
}

void WorkspaceController::openDialog() {
  const QString start = workspace_ ? QFileInfo(filePath()).absolutePath() : QDir::homePath();
  const QString path = QFileDialog::getOpenFileName(dialogParent_, tr("Open Workspace"), start, fileFilter());
  if (path.isEmpty()) return;
  QString error;
  if (!openWorkspace(path, &error)) {
    showError(tr("Cannot open workspace"),
              tr("The workspace could not be opened; the current one stays open.\n\n%1").arg(error));
  }
}

void WorkspaceController::saveAsDialog() {
  if (!workspace_) return;
  QString path = QFileDialog::getSaveFileName(dialogParent_, tr("Save Workspace As"),
                                              QFileInfo(filePath()).absolutePath(), fileFilter());
  if (path.isEmpty()) return;
  if (QFileInfo(path).suffix().isEmpty()) path += QLatin1Char('.') + QLatin1String(kFileSuffix);
  QString error;
  if (absolute(path) == absolute(filePath())) {
    error = tr("%1: this is the open workspace; choose another file name").arg(path);
  } else if (removeReplaced(path, &error) && saveWorkspaceAs(path, &error)) {
    return;
  }
  showError(tr("Cannot save workspace"),
            tr("The workspace could not be saved; the current one stays open.\n\n%1").arg(error));
}

}  // namespace headroom::ui
