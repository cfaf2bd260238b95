#pragma once

#include <QMainWindow>

#include "ui/bridge/engine_bridge.h"
#include "ui/dialogs/confirmation.h"

class QAction;
class QActionGroup;
class QLabel;
class QTableView;

namespace headroom::ui {

class ClassEditor;
class ClassTableModel;
class Dashboard;
class LogForwarder;
class LogPanel;
class PlannerPanel;
class PoolTableModel;
class ReplayControls;
class RemoteController;
class ReplanPanel;
class RouteMembersPanel;
class WorkspaceController;

// How long the dashboard took to redraw one view, in milliseconds (wall clock, UI thread).
struct FrameStats {
  int frames = 0;
  double lastMs = 0.0;
  double meanMs = 0.0;
  double maxMs = 0.0;
};

// The console's main window: the live dashboard in the middle, replay controls in a toolbar, and docks
// for the classes table, the pool and the log. Owns the EngineBridge; every engine view reaches the
// widgets through it. The File menu's workspace actions belong to its WorkspaceController. Geometry, dock layout, speed, dashboard window and language persist in QSettings.
// UI thread only.
class MainWindow : public QMainWindow {
  Q_OBJECT

 public:
  explicit MainWindow(QWidget* parent = nullptr);
  ~MainWindow() override;

  // Opens a scenario file; returns false and sets *error (naming file, JSON path and rule) on failure.
  bool openScenario(const QString& path, QString* error);
  // What File > Open Scenario does with the chosen file: with a workspace open it first asks whether the
  // scenario may replace the workspace's setup; false with *error empty when the operator declined.
  bool replaceSetupWithScenario(const QString& path, QString* error);
  // How the window (and its planner) ask before discarding something; a message box unless replaced.
  void setConfirmation(Confirmation confirmation);
  void setScenario(const engine::Scenario& scenario);

  EngineBridge* bridge() const { return bridge_; }
  ClassTableModel* classModel() const { return classModel_; }
  PoolTableModel* poolModel() const { return poolModel_; }
  Dashboard* dashboard() const { return dashboard_; }
  ReplayControls* controls() const { return controls_; }
  LogPanel* logPanel() const { return logPanel_; }
  ClassEditor* classEditor() const { return classEditor_; }
  WorkspaceController* workspaceController() const { return workspace_; }
  RemoteController* remoteController() const { return remote_; }
  PlannerPanel* plannerPanel() const { return plannerPanel_; }
  RouteMembersPanel* routeMembersPanel() const { return routeMembersPanel_; }
  ReplanPanel* replanPanel() const { return replanPanel_; }
  QAction* playPauseAction() const { return playPause_; }
  QAction* stepAction() const { return step_; }
  QAction* stopAction() const { return stop_; }
  QString stateText() const;
  FrameStats frameStats() const { return frameStats_; }

 public slots:
  void openScenarioDialog();
  void showAbout();

 protected:
  void closeEvent(QCloseEvent* event) override;

 private:
  void createActions();
  void createMenus();
  void createDocks();
  void restoreSettings();
  void saveSettings() const;
  void showView(const ViewPtr& view);
  void onScenarioChanged();
  void chooseLanguage(const QString& language);
  void updateTitle();

  EngineBridge* bridge_;
  RemoteController* remote_;
  LogForwarder* logForwarder_;
  ClassTableModel* classModel_;
  PoolTableModel* poolModel_;
  Dashboard* dashboard_;
  ReplayControls* controls_ = nullptr;
  LogPanel* logPanel_ = nullptr;
  ClassEditor* classEditor_ = nullptr;
  WorkspaceController* workspace_ = nullptr;
  PlannerPanel* plannerPanel_ = nullptr;
  RouteMembersPanel* routeMembersPanel_ = nullptr;
  ReplanPanel* replanPanel_ = nullptr;
  bool replanShown_ = false;  // the planner dock was raised for this router's recommendation
  Confirmation confirm_;
  QTableView* poolView_ = nullptr;

  QAction* open_ = nullptr;
  QAction* quit_ = nullptr;
  QAction* playPause_ = nullptr;
  QAction* step_ = nullptr;
  QAction* stop_ = nullptr;
  QAction* restart_ = nullptr;
  QActionGroup* speedGroup_ = nullptr;
  QActionGroup* languageGroup_ = nullptr;
  QAction* about_ = nullptr;

  QLabel* stateLabel_;
  QLabel* countsLabel_;
  QLabel* scenarioLabel_;
  engine::RunnerState lastState_ = engine::RunnerState::Paused;
  FrameStats frameStats_;
};

}  // namespace headroom::ui
