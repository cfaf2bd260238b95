#include "serve/server/serving_metrics.h"

#include <algorithm>
#include <cmath>

#include "engine/metrics/latency_buckets.h"

namespace headroom::serve {

ServingMetrics::ServingMetrics(const std::vector<engine::QosClass>& classes) : collector_(classes) {
  stats_.classes.resize(classes.size());
  collector_.keepBuckets(engine::latencyBucketBoundsS());
}

void ServingMetrics::onAdmitted(engine::ClassId classId, AdmissionOutcome outcome) {
  const std::lock_guard lock(mutex_);
  ClassServingStats& stats = stats_.classes.at(classId);
  ++stats.admitted;
  ++stats.queued;
  if (outcome == AdmissionOutcome::Relegated) ++stats.relegatedOverload;
}

void ServingMetrics::onRejected(engine::ClassId classId) {
  const std::lock_guard lock(mutex_);
  ++stats_.classes.at(classId).rejected;
}

void ServingMetrics::onCancelledBeforeScheduler(engine::ClassId classId) {
  const std::lock_guard lock(mutex_);
  ClassServingStats& stats = stats_.classes.at(classId);
  --stats.queued;
  ++stats.cancelled;
}

void ServingMetrics::onRefusedByScheduler(engine::ClassId classId) {
  const std::lock_guard lock(mutex_);
  ClassServingStats& served = stats_.classes.at(classId);
  --served.queued;
  ++served.failed;
}

void ServingMetrics::onFailedWhileRunning(engine::ClassId classId) {
  const std::lock_guard lock(mutex_);
  ClassServingStats& served = stats_.classes.at(classId);
  --served.running;
  ++served.failed;
}

void ServingMetrics::onArrival(const engine::Request& request, engine::TimePoint now) {
  const std::lock_guard lock(mutex_);
  collector_.onArrival(request, now);
}

void ServingMetrics::onFirstScheduled(const engine::RequestState& state, engine::TimePoint now) {
  const std::lock_guard lock(mutex_);
  collector_.onFirstScheduled(state, now);
  ClassServingStats& stats = stats_.classes[state.request.classId];
  --stats.queued;
  ++stats.running;
}

void ServingMetrics::onToken(const engine::RequestState& state, engine::TimePoint now, engine::Duration gap) {
  const std::lock_guard lock(mutex_);
  collector_.onToken(state, now, gap);
}

void ServingMetrics::onRelegated(const engine::RequestState& state, engine::TimePoint now) {
  const std::lock_guard lock(mutex_);
  collector_.onRelegated(state, now);
}

void ServingMetrics::onPreempted(const engine::RequestState& state, engine::TimePoint now) {
  const std::lock_guard lock(mutex_);
  collector_.onPreempted(state, now);
}

void ServingMetrics::onFinished(const engine::RequestState& state, engine::TimePoint now) {
  const std::lock_guard lock(mutex_);
  collector_.onFinished(state, now);
  ClassServingStats& stats = stats_.classes[state.request.classId];
  --stats.running;
  stats.promptTokens += static_cast<std::uint64_t>(state.request.promptTokens);
  stats.completionTokens += static_cast<std::uint64_t>(state.generatedTokens);
}

void ServingMetrics::onCancelled(const engine::RequestState& state, engine::TimePoint now) {
  const std::lock_guard lock(mutex_);
  collector_.onCancelled(state, now);
  ClassServingStats& stats = stats_.classes[state.request.classId];
  if (state.started) {
    --stats.running;
  } else {
    --stats.queued;
  }
}

void ServingMetrics::setClasses(const std::vector<engine::QosClass>& classes) {
  const std::lock_guard lock(mutex_);
  collector_.setClasses(classes);
}

void ServingMetrics::publish(engine::TimePoint now, const engine::InstanceStatus& status) {
  std::shared_ptr<const engine::Snapshot> snapshot;
  {
    const std::lock_guard lock(mutex_);
    collector_.advanceTo(now);
    snapshot = std::make_shared<const engine::Snapshot>(collector_.snapshot(now));
    stats_.iterations = status.iterations;
    stats_.busyS = engine::toSeconds(status.busyTime);
    stats_.uptimeS = engine::toSeconds(now);
  }
  const std::lock_guard lock(publishedMutex_);
  published_ = std::move(snapshot);
  publishedStatus_ = status;
}

std::shared_ptr<const engine::Snapshot> ServingMetrics::snapshot() const {
  const std::lock_guard lock(publishedMutex_);
  return published_;
}

engine::InstanceStatus ServingMetrics::status() const {
  const std::lock_guard lock(publishedMutex_);
  return publishedStatus_;
}

ServingStats ServingMetrics::stats() const {
  const std::lock_guard lock(mutex_);
  ServingStats stats = stats_;
  for (std::size_t c = 0; c < stats.classes.size(); ++c) {
    const engine::ClassMetrics& total = collector_.classMetrics(static_cast<engine::ClassId>(c));
    stats.classes[c].completed = static_cast<std::uint64_t>(total.completed);
    stats.classes[c].sloMet = static_cast<std::uint64_t>(total.sloMet);
    stats.classes[c].relegatedDeadline = static_cast<std::uint64_t>(total.relegated);
    // stats_ counts the cancellations the scheduler never saw; the collector those it held.
    stats.classes[c].cancelled += static_cast<std::uint64_t>(total.cancelled);
    stats.classes[c].cancelledPromptTokens = static_cast<std::uint64_t>(total.cancelledPromptTokens);
    stats.classes[c].cancelledCompletionTokens = static_cast<std::uint64_t>(total.cancelledOutputTokens);
  }
  return stats;
}

std::vector<engine::MetricsCollector::BucketedLatencies> ServingMetrics::latencies() const {
  const std::lock_guard lock(mutex_);
  return collector_.bucketedLatencies();
}

std::vector<engine::MetricsCollector::SloCounts> ServingMetrics::sloCounts() const {
  const std::lock_guard lock(mutex_);
  return collector_.sloCounts();
}

}  // namespace headroom::serve
