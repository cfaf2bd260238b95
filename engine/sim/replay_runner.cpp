#include "engine/sim/replay_runner.h"

#include <chrono>
#include <exception>
#include <stdexcept>

#include <spdlog/spdlog.h>

namespace headroom::engine {

namespace {

using WallClockTime = std::chrono::steady_clock;
// How often a playing runner publishes a view and re-reads its commands.
constexpr auto kPublishInterval = std::chrono::milliseconds(33);
// Virtual time advanced per slice when running as fast as possible, between command checks.
constexpr Duration kFastSlice = std::chrono::seconds(1);

}  // namespace

std::string_view toString(RunnerState state) {
  switch (state) {
    case RunnerState::Paused: return "paused";
    case RunnerState::Playing: return "playing";
    case RunnerState::Finished: return "finished";
    case RunnerState::Stopped: return "stopped";
    case RunnerState::Failed: return "failed";
  }
  return "paused";
}

ReplayRunner::ReplayRunner(const Scenario& scenario, const ReplayOptions& options)
    : simulation_(std::make_unique<Simulation>(scenario, options)) {
  publish(RunnerState::Paused);
  thread_ = std::thread([this] { run(); });
}

ReplayRunner::~ReplayRunner() {
  {
    std::lock_guard lock(mutex_);
    quit_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void ReplayRunner::play() {
  {
    std::lock_guard lock(mutex_);
    if (requested_ == RunnerState::Paused) requested_ = RunnerState::Playing;
  }
  wake_.notify_all();
}

void ReplayRunner::pause() {
  {
    std::lock_guard lock(mutex_);
    if (requested_ == RunnerState::Playing) requested_ = RunnerState::Paused;
  }
  wake_.notify_all();
}

void ReplayRunner::step(Duration virtualTime) {
  {
    std::lock_guard lock(mutex_);
    if (requested_ == RunnerState::Stopped) return;
    requested_ = RunnerState::Paused;
    pendingStep_ = virtualTime;
  }
  wake_.notify_all();
}

void ReplayRunner::stop() {
  {
    std::lock_guard lock(mutex_);
    requested_ = RunnerState::Stopped;
  }
  wake_.notify_all();
}

void ReplayRunner::setSpeed(double speed) {
  {
    std::lock_guard lock(mutex_);
    speed_ = speed < 0.0 ? 0.0 : speed;
  }
  wake_.notify_all();
}

void ReplayRunner::setClasses(std::vector<QosClass> classes) {
  {
    std::lock_guard lock(mutex_);
    pendingClasses_ = std::move(classes);
  }
  wake_.notify_all();
}

void ReplayRunner::addInstance() {
  {
    std::lock_guard lock(mutex_);
    pendingPoolChanges_.push_back(kAddInstance);
  }
  wake_.notify_all();
}

void ReplayRunner::removeInstance(std::int32_t id) {
  if (id < 0) return;
  {
    std::lock_guard lock(mutex_);
    pendingPoolChanges_.push_back(id);
  }
  wake_.notify_all();
}

void ReplayRunner::applyPoolChanges(const std::vector<std::int32_t>& changes) {
  for (const std::int32_t change : changes) {
    if (simulation_->finished()) return;
    if (change == kAddInstance) {
      const std::int32_t id = simulation_->addInstance();
      spdlog::info("instance {} added at {:.1f} s", id, toSeconds(simulation_->now()));
      continue;
    }
    try {
      simulation_->drainInstance(change);
      spdlog::info("instance {} draining at {:.1f} s", change, toSeconds(simulation_->now()));
    } catch (const std::invalid_argument& refused) {
      spdlog::warn("cannot remove instance {}: {}", change, refused.what());
    }
  }
}

std::shared_ptr<const RunnerView> ReplayRunner::latest() const {
  std::lock_guard lock(mutex_);
  return latest_;
}

void ReplayRunner::publish(RunnerState state) {
  auto view = std::make_shared<RunnerView>();
  view->state = state;
  view->simulatedS = toSeconds(simulation_->now());
  view->durationS = simulation_->durationS();
  view->progress = simulation_->progress();
  view->iterations = simulation_->iterations();
  view->metrics = simulation_->snapshot();
  view->instances = simulation_->pool().status();
  std::lock_guard lock(mutex_);
  view->speed = speed_;
  if (latest_) view->error = latest_->error;
  latest_ = std::move(view);
}

void ReplayRunner::run() {
  // Wall time and virtual time at the moment playback (re)started at the current speed.
  auto anchorWall = WallClockTime::now();
  TimePoint anchorVirtual = simulation_->now();
  double anchorSpeed = -1.0;
  bool wasPlaying = false;
  try {
    while (true) {
      RunnerState requested;
      double speed;
      std::optional<Duration> step;
      std::optional<std::vector<QosClass>> classes;
      std::vector<std::int32_t> poolChanges;
      {
        std::unique_lock lock(mutex_);
        wake_.wait(lock, [&] {
          // A pause that landed after the last view was published still needs a Paused view.
          const bool stalePlaying = latest_->state == RunnerState::Playing;
          return quit_ || requested_ != RunnerState::Paused || pendingStep_ || pendingClasses_ ||
                 !pendingPoolChanges_.empty() || stalePlaying;
        });
        if (quit_) return;
        requested = requested_;
        speed = speed_;
        step = std::exchange(pendingStep_, std::nullopt);
        classes = std::exchange(pendingClasses_, std::nullopt);
        poolChanges.swap(pendingPoolChanges_);
      }
      if (classes) simulation_->setClasses(*classes);
      applyPoolChanges(poolChanges);
      if (requested == RunnerState::Stopped) {
        publish(RunnerState::Stopped);
        std::unique_lock lock(mutex_);
        wake_.wait(lock, [&] { return quit_; });
        return;
      }
      if (step) {
        simulation_->runUntil(simulation_->now() + *step);
        wasPlaying = false;
        publish(simulation_->finished() ? RunnerState::Finished : RunnerState::Paused);
      } else if (requested == RunnerState::Playing) {
        if (!wasPlaying || speed != anchorSpeed) {
          anchorWall = WallClockTime::now();
          anchorVirtual = simulation_->now();
          anchorSpeed = speed;
          wasPlaying = true;
        }
        const auto sliceEnd = WallClockTime::now() + kPublishInterval;
        if (speed == 0.0) {
          while (!simulation_->finished() && WallClockTime::now() < sliceEnd) {
            simulation_->runUntil(simulation_->now() + kFastSlice);
          }
        } else {
          const double wallS = std::chrono::duration<double>(sliceEnd - anchorWall).count();
          simulation_->runUntil(anchorVirtual + durationFromSeconds(wallS * speed));
          std::unique_lock lock(mutex_);
          wake_.wait_until(lock, sliceEnd, [&] { return quit_ || requested_ != RunnerState::Playing || pendingStep_; });
        }
        bool stillPlaying;
        {
          std::lock_guard lock(mutex_);
          stillPlaying = requested_ == RunnerState::Playing;
        }
        if (simulation_->finished()) {
          publish(RunnerState::Finished);
        } else {
          publish(stillPlaying ? RunnerState::Playing : RunnerState::Paused);
        }
      } else {
        wasPlaying = false;
        publish(simulation_->finished() ? RunnerState::Finished : RunnerState::Paused);
      }
      if (simulation_->finished()) {
        {
          std::lock_guard lock(mutex_);
          requested_ = RunnerState::Finished;
        }
        std::unique_lock lock(mutex_);
        wake_.wait(lock, [&] { return quit_ || pendingClasses_ || requested_ == RunnerState::Stopped; });
        if (quit_) return;
      }
    }
  } catch (const std::exception& error) {
    auto view = std::make_shared<RunnerView>(*latest());
    view->state = RunnerState::Failed;
    view->error = error.what();
    std::lock_guard lock(mutex_);
    latest_ = std::move(view);
    requested_ = RunnerState::Failed;
  }
}

}  // namespace headroom::engine
