#include "serve/server/serving_metrics.h"

#include <algorithm>
#include <cmath>

namespace headroom::serve {

namespace {

void resetLatencies(ClassServingStats& stats, const engine::Slo& slo) {
  const std::vector<double> bounds = histogramBoundsS(slo);
  stats.queue = BucketHistogram(bounds);
  stats.ttft = BucketHistogram(bounds);
  stats.tbt = BucketHistogram(bounds);
  stats.e2e = BucketHistogram(bounds);
}

}  // namespace

ServingMetrics::ServingMetrics(const std::vector<engine::QosClass>& classes) : collector_(classes) {
  for (const engine::QosClass& qos : classes) {
    ClassServingStats stats;
    resetLatencies(stats, qos.slo);
    stats_.classes.push_back(std::move(stats));
  }
}

void ServingMetrics::onAdmitted(engine::ClassId classId, bool relegated) {
  const std::lock_guard lock(mutex_);
  ClassServingStats& stats = stats_.classes.at(classId);
  ++stats.admitted;
  ++stats.queued;
  if (relegated) ++stats.relegatedOverload;
}

void ServingMetrics::onRejected(engine::ClassId classId) {
  const std::lock_guard lock(mutex_);
  ++stats_.classes.at(classId).rejected;
}

void ServingMetrics::onDropped(engine::ClassId classId, bool cancelled) {
  const std::lock_guard lock(mutex_);
  ClassServingStats& stats = stats_.classes.at(classId);
  --stats.queued;
  if (cancelled) ++stats.cancelled;
}

void ServingMetrics::onCancelled(engine::ClassId classId) {
  const std::lock_guard lock(mutex_);
  ++stats_.classes.at(classId).cancelled;
}

void ServingMetrics::onArrival(const engine::Request& request, engine::TimePoint now) {
  const std::lock_guard lock(mutex_);
  collector_.onArrival(request, now);
}

void ServingMetrics::onFirstScheduled(const engine::RequestState& state, engine::TimePoint now) {
  const std::lock_guard lock(mutex_);
  collector_.onFirstScheduled(state, now);
  ClassServingStats& stats = stats_.classes[state.request.classId];
  stats.queue.record(now - state.request.arrival);
  --stats.queued;
  ++stats.running;
}

void ServingMetrics::onToken(const engine::RequestState& state, engine::TimePoint now, engine::Duration gap) {
  const std::lock_guard lock(mutex_);
  collector_.onToken(state, now, gap);
  ClassServingStats& stats = stats_.classes[state.request.classId];
  if (state.generatedTokens <= 1) {
    stats.ttft.record(now - state.request.arrival);
  } else {
    stats.tbt.record(gap);
  }
}

void ServingMetrics::onRelegated(const engine::RequestState& state, engine::TimePoint now) {
  const std::lock_guard lock(mutex_);
  collector_.onRelegated(state, now);
  ++stats_.classes[state.request.classId].relegatedDeadline;
}

void ServingMetrics::onPreempted(const engine::RequestState& state, engine::TimePoint now) {
  const std::lock_guard lock(mutex_);
  collector_.onPreempted(state, now);
}

void ServingMetrics::onFinished(const engine::RequestState& state, engine::TimePoint now) {
  const std::lock_guard lock(mutex_);
  collector_.onFinished(state, now);
  ClassServingStats& stats = stats_.classes[state.request.classId];
  stats.e2e.record(now - state.request.arrival);
  ++stats.completed;
  --stats.running;
  stats.promptTokens += static_cast<std::uint64_t>(state.request.promptTokens);
  stats.completionTokens += static_cast<std::uint64_t>(state.generatedTokens);
}

void ServingMetrics::setClasses(const std::vector<engine::QosClass>& classes) {
  const std::lock_guard lock(mutex_);
  collector_.setClasses(classes);
  for (std::size_t c = 0; c < classes.size() && c < stats_.classes.size(); ++c) {
    // Bucket bounds follow a changed SLO; that class's histograms then restart.
    if (stats_.classes[c].ttft.boundsS() == BucketHistogram(histogramBoundsS(classes[c].slo)).boundsS()) continue;
    resetLatencies(stats_.classes[c], classes[c].slo);
  }
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
  return stats_;
}

engine::Duration ServingMetrics::retryAfter(engine::ClassId classId) const {
  const std::lock_guard lock(mutex_);
  const BucketHistogram& queue = stats_.classes.at(classId).queue;
  const double meanS = queue.count() == 0 ? 1.0 : queue.sumS() / static_cast<double>(queue.count());
  constexpr double kMaxRetryS = 60.0;
  return engine::durationFromSeconds(std::clamp(std::ceil(meanS), 1.0, kMaxRetryS));
}

}  // namespace headroom::serve
