#include "ui/mainwindow/main_window.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QStyle>
#include <QTableView>
#include <QToolBar>

#include <spdlog/spdlog.h>

#include "engine/core/resource_paths.h"
#include "engine/metrics/latency_metric.h"
#include "ui/bridge/log_forwarder.h"
#include "ui/bridge/remote_bridge.h"
#include "ui/mainwindow/language.h"
#include "ui/mainwindow/planning_docks.h"
#include "ui/mainwindow/remote_controller.h"
#include "ui/mainwindow/workspace_controller.h"
#include "ui/models/class_table_model.h"
#include "ui/models/pool_table_model.h"
#include "ui/widgets/class_editor.h"
#include "ui/widgets/dashboard.h"
#include "ui/widgets/log_panel.h"
#include "ui/widgets/planner_panel.h"
#include "ui/widgets/pool_panel.h"
#include "ui/widgets/replan_panel.h"
#include "ui/widgets/replay_controls.h"
#include "ui/widgets/route_members_panel.h"
#include "ui/widgets/runs_panel.h"

#ifndef HEADROOM_VERSION
#define HEADROOM_VERSION "0"
#endif

namespace headroom::ui {

namespace {

constexpr double kStepS = 10.0;

namespace key {
constexpr auto kGeometry = "window/geometry";
constexpr auto kState = "window/state";
constexpr auto kSpeed = "replay/speed";
constexpr auto kWindowS = "dashboard/windowS";
constexpr auto kMetric = "dashboard/metric";  // the latency shown: Dashboard::kAutoMetric or a LatencyMetric's name
constexpr auto kLanguage = "ui/language";
}  // namespace key

QString stateName(engine::RunnerState state) {
  switch (state) {
    case engine::RunnerState::Paused: return MainWindow::tr("Paused");
    case engine::RunnerState::Playing: return MainWindow::tr("Playing");
    case engine::RunnerState::Finished: return MainWindow::tr("Finished");
    case engine::RunnerState::Stopped: return MainWindow::tr("Stopped");
    case engine::RunnerState::Failed: return MainWindow::tr("Failed");
  }
  return {};
}

}  // namespace

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent),
      bridge_(new EngineBridge(this)),
      logForwarder_(new LogForwarder(this)),
      classModel_(new ClassTableModel(this)),
      poolModel_(new PoolTableModel(this)),
      dashboard_(new Dashboard(this)),
      stateLabel_(new QLabel(this)),
      countsLabel_(new QLabel(this)),
      scenarioLabel_(new QLabel(this)) {
  setObjectName(QStringLiteral("mainWindow"));
  confirm_ = messageBoxConfirmation();
  setWindowTitle(tr("Headroom"));
  setCentralWidget(dashboard_);
  workspace_ = new WorkspaceController(bridge_, this);
  remote_ = new RemoteController(bridge_, classModel_, this);
  createActions();
  createMenus();
  createDocks();

  statusBar()->addWidget(stateLabel_);
  statusBar()->addWidget(countsLabel_, 1);
  statusBar()->addPermanentWidget(scenarioLabel_);
  statusBar()->addPermanentWidget(remote_->poolLabel());
  stateLabel_->setText(tr("No scenario"));

  connect(bridge_, &EngineBridge::viewChanged, this, &MainWindow::showView);
  connect(bridge_, &EngineBridge::scenarioChanged, this, &MainWindow::onScenarioChanged);
  connect(bridge_, &EngineBridge::restartPendingChanged, classEditor_, &ClassEditor::setRestartPending);
  connect(classModel_, &ClassTableModel::classesEdited, this, [this](const std::vector<engine::ClassSpec>& specs) {
    if (!remote_->takeClassEdits(specs)) bridge_->setClassSpecs(specs);
  });
  connect(remote_, &RemoteController::viewChanged, this, &MainWindow::showView);
  connect(remote_, &RemoteController::staleChanged, dashboard_, &Dashboard::setStale);
  connect(remote_, &RemoteController::message, this, [this](const QString& text) { statusBar()->showMessage(text, 8000); });
  remote_->setReplayControls({playPause_, step_, stop_, restart_, open_}, {controls_});
  connect(classModel_, &ClassTableModel::editRejected, this,
          [this](int, int, const QString& reason) { statusBar()->showMessage(reason, 8000); });
  connect(controls_, &ReplayControls::speedChosen, this, [this](ReplaySpeed speed) {
    bridge_->setSpeed(speed);
    const auto actions = speedGroup_->actions();
    actions.at(static_cast<int>(speed))->setChecked(true);
  });
  connect(workspace_, &WorkspaceController::workspaceChanged, this, &MainWindow::updateTitle);
  connect(workspace_, &WorkspaceController::message, this,
          [this](const QString& text) { statusBar()->showMessage(text, 8000); });
  connect(logForwarder_, &LogForwarder::record, logPanel_, &LogPanel::append);
  logForwarder_->install(spdlog::level::info);
  restoreSettings();
}

MainWindow::~MainWindow() { workspace_->shutdown(); }

void MainWindow::createActions() {
  open_ = new QAction(tr("Open &Scenario…"), this);
  open_->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
  connect(open_, &QAction::triggered, this, &MainWindow::openScenarioDialog);
  quit_ = new QAction(tr("&Quit"), this);
  quit_->setShortcut(QKeySequence::Quit);
  quit_->setMenuRole(QAction::QuitRole);
  connect(quit_, &QAction::triggered, this, &QWidget::close);

  playPause_ = new QAction(style()->standardIcon(QStyle::SP_MediaPlay), tr("&Play"), this);
  playPause_->setShortcut(Qt::Key_Space);
  playPause_->setToolTip(tr("Play or pause the replay (Space)"));
  connect(playPause_, &QAction::triggered, bridge_, &EngineBridge::togglePlay);
  step_ = new QAction(style()->standardIcon(QStyle::SP_MediaSeekForward), tr("S&tep"), this);
  step_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Right));
  step_->setToolTip(tr("Advance %1 s of virtual time, then pause (Ctrl+Right)").arg(kStepS));
  connect(step_, &QAction::triggered, bridge_, [this] { bridge_->step(kStepS); });
  stop_ = new QAction(style()->standardIcon(QStyle::SP_MediaStop), tr("&Stop"), this);
  stop_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Period));
  stop_->setToolTip(tr("End the replay; Play starts it again from the beginning (Ctrl+.)"));
  connect(stop_, &QAction::triggered, bridge_, &EngineBridge::stop);
  restart_ = new QAction(style()->standardIcon(QStyle::SP_MediaSkipBackward), tr("&Restart"), this);
  restart_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
  restart_->setToolTip(tr("Rebuild the replay from the start with the current classes (Ctrl+R)"));
  connect(restart_, &QAction::triggered, bridge_, &EngineBridge::restart);

  speedGroup_ = new QActionGroup(this);
  const std::pair<ReplaySpeed, QString> speeds[] = {
      {ReplaySpeed::RealTime, tr("Real time (1×)")},
      {ReplaySpeed::Times10, tr("10×")},
      {ReplaySpeed::Times100, tr("100×")},
      {ReplaySpeed::Max, tr("As fast as possible")},
  };
  int shortcut = 1;
  for (const auto& [speed, text] : speeds) {
    auto* action = new QAction(text, speedGroup_);
    action->setCheckable(true);
    action->setShortcut(QKeySequence(Qt::CTRL | static_cast<Qt::Key>(Qt::Key_0 + shortcut++)));
    connect(action, &QAction::triggered, this, [this, speed] {
      bridge_->setSpeed(speed);
      controls_->setSpeed(speed);
    });
  }

  languageGroup_ = new QActionGroup(this);
  const std::pair<QString, QString> languages[] = {
      {QString::fromLatin1(kSystemLanguage), tr("System default")},
      {QStringLiteral("en"), tr("English")},
      {QStringLiteral("de"), tr("German (Deutsch)")},
  };
  for (const auto& [code, text] : languages) {
    auto* action = new QAction(text, languageGroup_);
    action->setCheckable(true);
    action->setData(code);
    connect(action, &QAction::triggered, this, [this, code = code] { chooseLanguage(code); });
  }

  about_ = new QAction(tr("&About Headroom"), this);
  about_->setMenuRole(QAction::AboutRole);
  connect(about_, &QAction::triggered, this, &MainWindow::showAbout);
}

void MainWindow::createMenus() {
  QMenu* file = menuBar()->addMenu(tr("&File"));
  file->addAction(workspace_->newAction());
  file->addAction(workspace_->openAction());
  file->addMenu(workspace_->recentMenu());
  file->addAction(workspace_->saveAsAction());
  file->addSeparator();
  file->addAction(open_);
  file->addSeparator();
  file->addAction(quit_);

  QMenu* replay = menuBar()->addMenu(tr("&Replay"));
  replay->addAction(playPause_);
  replay->addAction(step_);
  replay->addAction(stop_);
  replay->addAction(restart_);
  replay->addSeparator();
  QMenu* speed = replay->addMenu(tr("S&peed"));
  speed->addActions(speedGroup_->actions());

  QMenu* pool = menuBar()->addMenu(tr("P&ool"));
  pool->addAction(remote_->connectAction());
  pool->addAction(remote_->disconnectAction());

  QMenu* view = menuBar()->addMenu(tr("&View"));
  view->setObjectName(QStringLiteral("viewMenu"));

  QMenu* settings = menuBar()->addMenu(tr("&Settings"));
  QMenu* language = settings->addMenu(tr("&Language"));
  language->addActions(languageGroup_->actions());

  QMenu* help = menuBar()->addMenu(tr("&Help"));
  help->addAction(about_);

  auto* toolbar = addToolBar(tr("Replay"));
  toolbar->setObjectName(QStringLiteral("replayToolBar"));
  toolbar->setMovable(false);
  controls_ = new ReplayControls(playPause_, step_, stop_, restart_, toolbar);
  toolbar->addWidget(controls_);
}

void MainWindow::createDocks() {
  setDockOptions(QMainWindow::AnimatedDocks | QMainWindow::AllowTabbedDocks);
  classEditor_ = new ClassEditor(classModel_, this);
  auto* classes = new QDockWidget(tr("Classes and SLOs"), this);
  classes->setObjectName(QStringLiteral("classesDock"));
  classes->setWidget(classEditor_);
  addDockWidget(Qt::BottomDockWidgetArea, classes);

  auto* poolPanel = new PoolPanel(poolModel_, bridge_, this);
  poolView_ = poolPanel->view();
  auto* pool = new QDockWidget(tr("Pool"), this);
  pool->setObjectName(QStringLiteral("poolDock"));
  pool->setWidget(poolPanel);
  addDockWidget(Qt::BottomDockWidgetArea, pool);
  splitDockWidget(classes, pool, Qt::Horizontal);

  logPanel_ = new LogPanel(this);
  auto* log = new QDockWidget(tr("Log"), this);
  log->setObjectName(QStringLiteral("logDock"));
  log->setWidget(logPanel_);
  addDockWidget(Qt::BottomDockWidgetArea, log);
  tabifyDockWidget(pool, log);
  pool->raise();

  // A connected router's members, their transport and per-class stream figures, beside the pool.
  routeMembersPanel_ = new RouteMembersPanel(this);
  auto* members = new QDockWidget(tr("Router members"), this);
  members->setObjectName(QStringLiteral("routeMembersDock"));
  members->setWidget(routeMembersPanel_);
  addDockWidget(Qt::BottomDockWidgetArea, members);
  tabifyDockWidget(pool, members);
  connect(remote_, &RemoteController::routerChanged, routeMembersPanel_, [this, members](const QString& url) {
    routeMembersPanel_->setRouter(url);
    if (!url.isEmpty()) members->raise();
  });
  connect(remote_, &RemoteController::routeMembersChanged, routeMembersPanel_, &RouteMembersPanel::showMembers);
  connect(remote_, &RemoteController::routerStaleChanged, routeMembersPanel_, &RouteMembersPanel::setStale);

  QMenu* view = menuBar()->findChild<QMenu*>(QStringLiteral("viewMenu"));
  for (auto* dock : {classes, pool, members, log}) view->addAction(dock->toggleViewAction());
  const PlanningDocks planning = addPlanningDocks(this, bridge_, classes, view);
  plannerPanel_ = planning.plannerPanel;
  // Every plan computed is stored in the open workspace with its inputs; the runs an applied plan starts
  // link it.
  PlanStore plans;
  plans.save = [this](const std::string& name, const nlohmann::json& plan, const nlohmann::json& inputs) {
    return workspace_->savePlan(name, plan, inputs);
  };
  plans.applied = [this](std::optional<engine::PlanId> plan) { workspace_->setAppliedPlan(plan); };
  plannerPanel_->setPlanStore(std::move(plans));
  connect(workspace_, &WorkspaceController::workspaceChanged, plannerPanel_, &PlannerPanel::planStoreChanged);
  plannerPanel_->setConfirmation(confirm_);
  // Applying a plan while a router is connected also gives the router the plan's per-class shares.
  connect(planning.plannerPanel, &PlannerPanel::planApplied, this, [this](const QByteArray& planJson) {
    RemoteBridge* remote = remote_->remote();
    if (remote->isConnected() && remote->connection().kind == RemoteKind::Router) remote->pushPlan(planJson);
  });

  // A connected router's live re-planning recommendation, below the planner; Apply has the router take it.
  replanPanel_ = planning.replanPanel;
  replanPanel_->setConfirmation(confirm_);
  RemoteBridge* remote = remote_->remote();
  connect(remote_, &RemoteController::routerChanged, replanPanel_, &ReplanPanel::setRouter);
  connect(remote_, &RemoteController::routerStaleChanged, replanPanel_, &ReplanPanel::setStale);
  connect(remote, &RemoteBridge::replanChanged, replanPanel_, &ReplanPanel::showStatus);
  // The first recommendation of a router brings the planner dock to the front, as its members do theirs.
  connect(remote_, &RemoteController::routerChanged, this, [this] { replanShown_ = false; });
  connect(remote, &RemoteBridge::replanChanged, this, [this, dock = planning.planner] {
    if (replanShown_) return;
    replanShown_ = true;
    dock->raise();
    // ... and gives the recommendation the room it needs below the planner.
    auto* split = dock->findChild<QSplitter*>(QStringLiteral("plannerSplitter"));
    if (split && split->sizes().size() == 2) {
      const int total = split->sizes()[0] + split->sizes()[1];
      const int wanted = std::min(replanPanel_->sizeHint().height(), total / 2);
      if (split->sizes()[1] < wanted) split->setSizes({total - wanted, wanted});
    }
  });
  connect(remote, &RemoteBridge::replanUnavailable, replanPanel_, &ReplanPanel::showUnavailable);
  connect(remote, &RemoteBridge::replanApplied, replanPanel_, &ReplanPanel::showApplied);
  connect(remote, &RemoteBridge::adminFailed, replanPanel_, &ReplanPanel::showApplyFailed);
  connect(replanPanel_, &ReplanPanel::applyRequested, remote, &RemoteBridge::applyReplanDecision);

  // Runs stored in the open workspace (none without one); the list follows recordings and File > Open.
  RunSource runSource;
  runSource.list = [this] {
    engine::Workspace* open = workspace_->workspace();
    return open ? open->runs() : std::vector<engine::RunSummary>{};
  };
  runSource.load = [this](engine::RunId id) {
    engine::Workspace* open = workspace_->workspace();
    if (!open) throw std::runtime_error(tr("no workspace is open").toStdString());
    return open->loadRun(id);
  };
  QDockWidget* runs = addRunsDock(this, std::move(runSource));
  tabifyDockWidget(log, runs);
  pool->raise();
  view->addAction(runs->toggleViewAction());
  auto* runsPanel = qobject_cast<RunsPanel*>(runs->widget());
  connect(workspace_, &WorkspaceController::runsChanged, runsPanel, &RunsPanel::refresh);
  connect(workspace_, &WorkspaceController::workspaceChanged, runsPanel, &RunsPanel::refresh);
  runsPanel->refresh();
  resizeDocks({classes, pool}, {620, 520}, Qt::Horizontal);
  resizeDocks({classes}, {230}, Qt::Vertical);
}

bool MainWindow::openScenario(const QString& path, QString* error) {
  if (!bridge_->openScenario(path, error)) return false;
  workspace_->setAppliedPlan(std::nullopt);  // the new setup runs with no plan applied
  return true;
}

bool MainWindow::replaceSetupWithScenario(const QString& path, QString* error) {
  if (error) error->clear();
  if (workspace_->hasWorkspace() && confirm_ &&
      !confirm_(this, tr("Open Scenario"),
                tr("The scenario %1 replaces the setup of the workspace %2: its classes, workload, pool and "
                   "scheduler settings. Its stored runs and plans are kept. Replace the setup?")
                    .arg(QFileInfo(path).fileName(), workspace_->fileName()))) {
    return false;
  }
  return openScenario(path, error);
}

void MainWindow::setConfirmation(Confirmation confirmation) {
  confirm_ = std::move(confirmation);
  plannerPanel_->setConfirmation(confirm_);
  replanPanel_->setConfirmation(confirm_);
}

void MainWindow::setScenario(const engine::Scenario& scenario) { bridge_->setScenario(scenario); }

void MainWindow::openScenarioDialog() {
  const QString start = QString::fromStdString(engine::resourceDir().string() + "/scenarios");
  const QString path =
      QFileDialog::getOpenFileName(this, tr("Open Scenario"), start, tr("Scenario files (*.json);;All files (*)"));
  if (path.isEmpty()) return;
  QString error;
  if (!replaceSetupWithScenario(path, &error) && !error.isEmpty()) {
    QMessageBox::warning(this, tr("Cannot open scenario"),
                         tr("The scenario could not be opened; the current one stays loaded.\n\n%1").arg(error));
  }
}

void MainWindow::showAbout() {
  QMessageBox::about(
      this, tr("About Headroom"),
      tr("<h3>Headroom %1</h3><p>An operations console for GPU inference pools serving many QoS classes: "
         "define classes and their SLOs, replay load scenarios on a simulated pool and watch per class how "
         "long requests queue, how fast they are served and how many meet their SLO.</p>"
         "<p>Built with Qt %2.</p>")
          .arg(QStringLiteral(HEADROOM_VERSION), QString::fromLatin1(qVersion())));
}

void MainWindow::onScenarioChanged() {
  const auto& scenario = bridge_->scenario();
  classModel_->setClassSpecs(bridge_->classSpecs(), scenario.trace.has_value());
  poolModel_->clear();
  dashboard_->clear();
  const QString name = QString::fromStdString(scenario.name);
  updateTitle();
  scenarioLabel_->setText(tr("Scenario: %1").arg(name));
  scenarioLabel_->setToolTip(QString::fromStdString(scenario.file.string()));
}

void MainWindow::updateTitle() {
  const QString scenario = QString::fromStdString(bridge_->scenario().name);
  const QString file = workspace_->fileName();
  if (file.isEmpty()) {
    setWindowTitle(scenario.isEmpty() ? tr("Headroom") : tr("%1 — Headroom").arg(scenario));
  } else {
    setWindowTitle(tr("%1 (%2) — Headroom").arg(file, scenario));
  }
}

QString MainWindow::stateText() const { return stateLabel_->text(); }

void MainWindow::showView(const ViewPtr& view) {
  if (!view) return;
  QElapsedTimer timer;
  timer.start();
  dashboard_->update(view);
  poolModel_->update(*view);
  controls_->update(*view);
  const double ms = static_cast<double>(timer.nsecsElapsed()) / 1e6;
  ++frameStats_.frames;
  frameStats_.lastMs = ms;
  frameStats_.meanMs += (ms - frameStats_.meanMs) / frameStats_.frames;
  frameStats_.maxMs = std::max(frameStats_.maxMs, ms);

  const bool playing = view->state == engine::RunnerState::Playing;
  playPause_->setText(playing ? tr("&Pause") : tr("&Play"));
  playPause_->setIcon(style()->standardIcon(playing ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
  stop_->setEnabled(!remote_->showsRemote() &&
                    (view->state == engine::RunnerState::Playing || view->state == engine::RunnerState::Paused));
  stateLabel_->setText(stateName(view->state));
  if (view->metrics) {
    const QLocale locale;
    countsLabel_->setText(tr("%1 arrived · %2 completed · %3 met their SLO")
                              .arg(locale.toString(static_cast<qlonglong>(view->metrics->arrived)),
                                   locale.toString(static_cast<qlonglong>(view->metrics->completed)),
                                   locale.toString(static_cast<qlonglong>(view->metrics->sloMet))));
  }
  if (view->state != lastState_) {
    if (view->state == engine::RunnerState::Failed) {
      spdlog::error("replay failed: {}", view->error);
      statusBar()->showMessage(tr("The replay failed: %1").arg(QString::fromStdString(view->error)));
    } else if (view->state == engine::RunnerState::Finished) {
      spdlog::info("replay finished at {:.1f} s virtual time", view->simulatedS);
    }
    lastState_ = view->state;
  }
}

void MainWindow::chooseLanguage(const QString& language) {
  QSettings settings;
  settings.setValue(key::kLanguage, language);
  statusBar()->showMessage(tr("The language changes when Headroom starts again."), 8000);
}

void MainWindow::restoreSettings() {
  QSettings settings;
  if (!restoreGeometry(settings.value(key::kGeometry).toByteArray())) resize(1600, 1000);
  restoreState(settings.value(key::kState).toByteArray());
  const int speed = settings.value(key::kSpeed, static_cast<int>(ReplaySpeed::Times10)).toInt();
  const auto chosen = static_cast<ReplaySpeed>(std::clamp(speed, 0, 3));
  bridge_->setSpeed(chosen);
  controls_->setSpeed(chosen);
  speedGroup_->actions().at(static_cast<int>(chosen))->setChecked(true);
  dashboard_->setWindowS(settings.value(key::kWindowS, 300.0).toDouble());
  const auto metric = engine::latencyMetricFromString(settings.value(key::kMetric).toString().toStdString());
  dashboard_->setMetric(metric ? static_cast<int>(*metric) : Dashboard::kAutoMetric);
  const QString language = settings.value(key::kLanguage, QString::fromLatin1(kSystemLanguage)).toString();
  for (auto* action : languageGroup_->actions()) action->setChecked(action->data().toString() == language);
}

void MainWindow::saveSettings() const {
  QSettings settings;
  settings.setValue(key::kGeometry, saveGeometry());
  settings.setValue(key::kState, saveState());
  settings.setValue(key::kSpeed, static_cast<int>(bridge_->speed()));
  settings.setValue(key::kWindowS, dashboard_->windowS());
  const int metric = dashboard_->metric();
  settings.setValue(key::kMetric, metric == Dashboard::kAutoMetric
                                      ? QStringLiteral("auto")
                                      : QString::fromUtf8(engine::toString(static_cast<engine::LatencyMetric>(metric))));
}

void MainWindow::closeEvent(QCloseEvent* event) {
  saveSettings();
  bridge_->stop();
  workspace_->shutdown();
  QMainWindow::closeEvent(event);
}

}  // namespace headroom::ui
