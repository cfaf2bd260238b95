#pragma once

#include <QObject>
#include <QString>
#include <QStringList>
#include <QTimer>

#include <memory>
#include <optional>

#include "engine/store/run_recorder.h"
#include "engine/store/workspace.h"
#include "ui/bridge/engine_bridge.h"

class QAction;
class QMenu;
class QWidget;

namespace headroom::ui {

// The console's workspace: which SQLite file is open, the File menu's New / Open / Save As / Open Recent,
// saving the setup (classes and scenario) to the file whenever it changes, and recording every replay as
// a run (a RunRecorder with its own connection, started when the replay first advances, finished with
// its end state, linked to the stored plan applied to the pool, if any). Plans the planner computes are
// stored in the open workspace with their inputs. A failed open, new or save-as shows the WorkspaceError's text and leaves the current
// workspace open. The recent list (at most kMaxRecent, missing files pruned) and the last workspace
// persist in QSettings. UI thread only.
class WorkspaceController : public QObject {
  Q_OBJECT

 public:
  static constexpr int kMaxRecent = 8;
  static constexpr const char* kFileSuffix = "headroom";

  WorkspaceController(EngineBridge* bridge, QWidget* dialogParent);
  ~WorkspaceController() override;

  bool hasWorkspace() const { return workspace_.has_value(); }
  // The open workspace's connection, or nullptr.
  engine::Workspace* workspace() { return workspace_ ? &*workspace_ : nullptr; }
  QString filePath() const;
  QString fileName() const;
  // Existing recent workspaces, most recent first (missing ones are dropped from the settings).
  QStringList recentFiles() const;
  // The recording of the replay in progress, or nullptr.
  const engine::RunRecorder* recorder() const { return recorder_.get(); }

  // Each returns false and sets *error (the engine's message, naming the file) on failure; the current
  // workspace then stays open and unchanged.
  bool openWorkspace(const QString& path, QString* error);
  // Creates `path` (which must not exist) with the bundled demo setup and opens it.
  bool newWorkspace(const QString& path, QString* error);
  bool saveWorkspaceAs(const QString& path, QString* error);
  // Opens the last workspace from the settings; on first start (or when that one is gone) the demo
  // workspace in the application data folder, created from resources/scenarios/demo.json if needed.
  // *warning tells why the last workspace could not be opened.
  bool openStartupWorkspace(QString* warning);
  // Opens the demo workspace in the application data folder, creating it from the bundled demo first.
  bool openDemoWorkspace(QString* error);
  static QString demoWorkspacePath();

  // Stores a plan with its inputs in the open workspace; empty (and a message) when none is open or
  // saving failed.
  std::optional<engine::PlanId> savePlan(const std::string& name, const nlohmann::json& plan,
                                         const nlohmann::json& inputs);
  // The stored plan now applied to the pool: replays recorded from now on link it. Cleared when another
  // workspace opens or the setup is replaced by a scenario file.
  void setAppliedPlan(std::optional<engine::PlanId> plan) { appliedPlan_ = plan; }
  std::optional<engine::PlanId> appliedPlan() const { return appliedPlan_; }

  // Writes a pending setup change now and ends a recording as Stopped (before quitting).
  void shutdown();

  QAction* newAction() const { return new_; }
  QAction* openAction() const { return open_; }
  QAction* saveAsAction() const { return saveAs_; }
  QMenu* recentMenu() const { return recentMenu_; }

 public slots:
  void newDialog();
  void openDialog();
  void saveAsDialog();

 signals:
  void workspaceChanged(const QString& path);
  // A run was added to or finished in the open workspace.
  void runsChanged();
  // Something the operator should read in the status bar (a failed save, a recording error).
  void message(const QString& text);

 private:
  void createActions(QWidget* parent);
  void rebuildRecentMenu();
  void remember(const QString& path);
  void showError(const QString& title, const QString& text);
  void scheduleSave();
  void saveSetup();
  void onView(const ViewPtr& view);
  void startRecording();
  void endRecording(engine::RunStatus status);
  bool switchTo(engine::Workspace opened, QString* error);
  QString fileFilter() const;

  EngineBridge* bridge_;
  QWidget* dialogParent_;
  std::optional<engine::Workspace> workspace_;
  std::unique_ptr<engine::RunRecorder> recorder_;
  bool armed_ = false;    // the current replay has not been recorded yet
  bool loading_ = false;  // the bridge's scenario is being set from the workspace
  std::optional<engine::PlanId> appliedPlan_;
  QTimer saveTimer_;

  QAction* new_ = nullptr;
  QAction* open_ = nullptr;
  QAction* saveAs_ = nullptr;
  QMenu* recentMenu_ = nullptr;
};

}  // namespace headroom::ui
