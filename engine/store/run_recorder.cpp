#include "engine/store/run_recorder.h"

#include <algorithm>
#include <span>

#include <spdlog/spdlog.h>

#include "engine/store/workspace.h"

namespace headroom::engine {

RunRecorder::RunRecorder(std::filesystem::path workspaceFile, std::string runName, Scenario scenario,
                         std::optional<PlanId> plan, std::chrono::milliseconds saveInterval)
    : saveInterval_(saveInterval) {
  thread_ = std::thread(&RunRecorder::loop, this, std::move(workspaceFile), std::move(runName),
                        std::move(scenario), plan);
}

RunRecorder::~RunRecorder() { finish(RunStatus::Stopped); }

void RunRecorder::record(std::shared_ptr<const Snapshot> snapshot) {
  if (!snapshot) return;
  std::lock_guard lock(mutex_);
  latest_ = std::move(snapshot);
}

void RunRecorder::finish(RunStatus status) {
  {
    std::lock_guard lock(mutex_);
    if (!finishStatus_) finishStatus_ = status;
  }
  wake_.notify_all();
  if (thread_.joinable() && thread_.get_id() != std::this_thread::get_id()) thread_.join();
}

std::optional<RunId> RunRecorder::run() const {
  std::lock_guard lock(mutex_);
  return run_;
}

std::optional<RunId> RunRecorder::waitUntilStarted() const {
  std::unique_lock lock(mutex_);
  wake_.wait(lock, [this] { return started_; });
  return run_;
}

std::string RunRecorder::error() const {
  std::lock_guard lock(mutex_);
  return error_;
}

std::int64_t RunRecorder::saves() const {
  std::lock_guard lock(mutex_);
  return saves_;
}

std::int64_t RunRecorder::savedWindows() const {
  std::lock_guard lock(mutex_);
  return savedWindows_;
}

void RunRecorder::loop(std::filesystem::path file, std::string name, Scenario scenario,
                       std::optional<PlanId> plan) {
  std::optional<Workspace> workspace;
  RunId run = 0;
  try {
    workspace.emplace(Workspace::open(file));
    run = workspace->beginRun(name, scenario, plan);
  } catch (const std::exception& failure) {
    spdlog::error("cannot record the run: {}", failure.what());
    std::lock_guard lock(mutex_);
    error_ = failure.what();
    started_ = true;
    wake_.notify_all();
    return;
  }
  {
    std::lock_guard lock(mutex_);
    run_ = run;
    started_ = true;
  }
  wake_.notify_all();

  std::shared_ptr<const Snapshot> saved;
  TimePoint savedUntil = kTimeZero;
  auto save = [&](const std::shared_ptr<const Snapshot>& snapshot) {
    const MetricsSeries& series = *snapshot->series;
    const auto first = std::partition_point(series.begin(), series.end(),
                                            [&](const SeriesWindow& w) { return w.start < savedUntil; });
    const std::span<const SeriesWindow> fresh(first, series.end());
    try {
      workspace->appendSamples(run, fresh, *snapshot);
    } catch (const std::exception& failure) {
      spdlog::error("cannot save the run's samples: {}", failure.what());
      std::lock_guard lock(mutex_);
      error_ = failure.what();
      return;
    }
    saved = snapshot;
    if (!fresh.empty()) savedUntil = fresh.back().end;
    std::lock_guard lock(mutex_);
    ++saves_;
    savedWindows_ += static_cast<std::int64_t>(fresh.size());
  };

  while (true) {
    std::shared_ptr<const Snapshot> latest;
    std::optional<RunStatus> status;
    {
      std::unique_lock lock(mutex_);
      wake_.wait_for(lock, saveInterval_, [this] { return finishStatus_.has_value(); });
      latest = latest_;
      status = finishStatus_;
    }
    if (latest && latest != saved) save(latest);
    if (status) {
      try {
        workspace->finishRun(run, *status);
      } catch (const std::exception& failure) {
        spdlog::error("cannot finish the run: {}", failure.what());
        std::lock_guard lock(mutex_);
        error_ = failure.what();
      }
      return;
    }
  }
}

}  // namespace headroom::engine
