#include "ui/bridge/engine_bridge.h"

#include <spdlog/spdlog.h>

#include <chrono>

namespace headroom::ui {

namespace {

bool finishedOrStopped(const ViewPtr& view) {
  return view && (view->state == engine::RunnerState::Finished || view->state == engine::RunnerState::Stopped ||
                  view->state == engine::RunnerState::Failed);
}

}  // namespace

double speedFactor(ReplaySpeed speed) {
  switch (speed) {
    case ReplaySpeed::RealTime: return 1.0;
    case ReplaySpeed::Times10: return 10.0;
    case ReplaySpeed::Times100: return 100.0;
    case ReplaySpeed::Max: return 0.0;
  }
  return 1.0;
}

EngineBridge::EngineBridge(QObject* parent) : QObject(parent) {
  qRegisterMetaType<ViewPtr>("headroom::ui::ViewPtr");
  frameTimer_.setInterval(kDefaultFrameIntervalMs);
  frameTimer_.setTimerType(Qt::PreciseTimer);
  connect(&frameTimer_, &QTimer::timeout, this, &EngineBridge::pullLatest);
}

EngineBridge::~EngineBridge() = default;

bool EngineBridge::openScenario(const QString& path, QString* error) {
  try {
    setScenario(engine::loadScenario(path.toStdString()));
    spdlog::info("opened scenario {}", path.toStdString());
    return true;
  } catch (const std::exception& failure) {
    if (error) *error = QString::fromStdString(failure.what());
    spdlog::error("cannot open scenario: {}", failure.what());
    return false;
  }
}

void EngineBridge::setScenario(const engine::Scenario& scenario) {
  auto runner = std::make_unique<engine::ReplayRunner>(scenario, engine::ReplayOptions{});
  runner_.reset();
  scenario_ = scenario;
  runner_ = std::move(runner);
  runningSpecs_ = scenario_.classes;
  runner_->setSpeed(speedFactor(speed_));
  restartPending_ = false;
  latest_.reset();
  emit replayReset();
  emit scenarioChanged();
  emit classSpecsChanged();
  emit restartPendingChanged(false);
  pullLatest();
  frameTimer_.start();
}

void EngineBridge::rebuild() {
  runner_.reset();
  runner_ = std::make_unique<engine::ReplayRunner>(scenario_, engine::ReplayOptions{});
  runningSpecs_ = scenario_.classes;
  runner_->setSpeed(speedFactor(speed_));
  latest_.reset();
  emit replayReset();
  if (restartPending_) {
    restartPending_ = false;
    emit restartPendingChanged(false);
  }
  pullLatest();
}

bool EngineBridge::sameClassSet(const std::vector<engine::ClassSpec>& specs) const {
  // The running replay was built from the classes as they were at its start: compare against those. A
  // task mix is drawn by the workload and indexes the pool's accuracy table, and a run's mean reward is
  // paid at one weight: both take effect at the next restart.
  if (specs.size() != runningSpecs_.size()) return false;
  for (std::size_t i = 0; i < specs.size(); ++i) {
    if (specs[i].arrival != runningSpecs_[i].arrival || specs[i].promptTokens != runningSpecs_[i].promptTokens ||
        specs[i].outputTokens != runningSpecs_[i].outputTokens || specs[i].qos.tasks != runningSpecs_[i].qos.tasks ||
        specs[i].qos.rewardWeight != runningSpecs_[i].qos.rewardWeight) {
      return false;
    }
  }
  return true;
}

void EngineBridge::setClassSpecs(const std::vector<engine::ClassSpec>& specs) {
  if (!runner_) return;
  const bool live = sameClassSet(specs);
  scenario_.classes = specs;
  if (live) {
    std::vector<engine::QosClass> classes;
    classes.reserve(specs.size());
    for (const auto& spec : specs) classes.push_back(spec.qos);
    runner_->setClasses(std::move(classes));
    runningSpecs_ = specs;
    spdlog::info("class SLOs applied to the running replay");
  } else if (latest_ && latest_->simulatedS == 0.0 && !playing()) {
    rebuild();
  }
  const bool pending = !live && runner_ && latest_ && latest_->simulatedS > 0.0;
  if (pending != restartPending_) {
    restartPending_ = pending;
    emit restartPendingChanged(pending);
  }
  emit classSpecsChanged();
}

bool EngineBridge::playing() const {
  return latest_ && latest_->state == engine::RunnerState::Playing;
}

bool EngineBridge::replayInProgress() const {
  if (!latest_) return false;
  return latest_->state == engine::RunnerState::Playing ||
         (latest_->state == engine::RunnerState::Paused && latest_->simulatedS > 0.0);
}

void EngineBridge::play() {
  if (!runner_) return;
  if (finishedOrStopped(latest_) || (restartPending_ && latest_ && latest_->simulatedS == 0.0)) rebuild();
  runner_->play();
  frameTimer_.start();
}

void EngineBridge::pause() {
  if (runner_) runner_->pause();
}

void EngineBridge::togglePlay() {
  if (!runner_) return;
  const auto view = runner_->latest();
  if (view && view->state == engine::RunnerState::Playing) {
    pause();
  } else {
    play();
  }
}

void EngineBridge::step(double virtualS) {
  if (!runner_) return;
  if (finishedOrStopped(latest_)) rebuild();
  runner_->step(engine::durationFromSeconds(virtualS));
  frameTimer_.start();
}

void EngineBridge::stop() {
  if (runner_) runner_->stop();
}

void EngineBridge::restart() {
  if (!runner_) return;
  rebuild();
}

void EngineBridge::setSpeed(ReplaySpeed speed) {
  speed_ = speed;
  if (runner_) runner_->setSpeed(speedFactor(speed));
}

void EngineBridge::addInstance() {
  if (!runner_) return;
  runner_->addInstance();
  frameTimer_.start();
}

void EngineBridge::removeInstance(int id) {
  if (!runner_) return;
  runner_->removeInstance(id);
  frameTimer_.start();
}

void EngineBridge::pullLatest() {
  if (!runner_) return;
  auto view = runner_->latest();
  if (!view || view == latest_) return;
  latest_ = std::move(view);
  emit viewChanged(latest_);
}

}  // namespace headroom::ui
