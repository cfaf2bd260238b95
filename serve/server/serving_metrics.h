#pragma once

#include <memory>
#include <mutex>
#include <vector>

#include "engine/core/qos_class.h"
#include "engine/instance/instance.h"
#include "engine/metrics/metrics_collector.h"
#include "engine/metrics/snapshot.h"
#include "serve/server/admission_queue.h"
#include "serve/server/serving_stats.h"

namespace headroom::serve {

// Everything a serving host measures, in one place. Latencies are recorded once, by the engine's
// MetricsCollector (the snapshots a replay produces too), which also keeps the fixed-bound buckets for
// /metrics (one set for every class: latencyBucketBoundsS) and SLO attainment counters per class and
// bound. ServingStats holds
// only the counters the engine does not know: admitted, rejected, relegated on overload, cancelled,
// queued and running, tokens. The latest snapshot and instance status are published for readers.
//
// Thread-safe. The RequestObserver events and publish() come from the host's loop thread; the
// admission counters from whichever thread submits or cancels; the getters from any thread. Recording
// holds one lock; readers of the published snapshot hold another only for a pointer copy.
class ServingMetrics final : public engine::RequestObserver {
 public:
  explicit ServingMetrics(const std::vector<engine::QosClass>& classes);

  // Admission counters. `outcome` is Admitted or Relegated (held back on overload).
  void onAdmitted(engine::ClassId classId, AdmissionOutcome outcome);
  void onRejected(engine::ClassId classId);
  // A request was cancelled (its client left) before the scheduler saw it: held back, or still in the
  // inbox. Requests the scheduler held are counted by onCancelled(state).
  void onCancelledBeforeScheduler(engine::ClassId classId);
  // The scheduler refused a request (it fails; it never ran).
  void onRefusedByScheduler(engine::ClassId classId);
  // A scheduled request failed with its iteration's batch (it left the instance unfinished).
  void onFailedWhileRunning(engine::ClassId classId);

  void onArrival(const engine::Request& request, engine::TimePoint now) override;
  void onFirstScheduled(const engine::RequestState& state, engine::TimePoint now) override;
  void onToken(const engine::RequestState& state, engine::TimePoint now, engine::Duration gap) override;
  void onRelegated(const engine::RequestState& state, engine::TimePoint now) override;
  void onPreempted(const engine::RequestState& state, engine::TimePoint now) override;
  void onFinished(const engine::RequestState& state, engine::TimePoint now) override;
  // The scheduler removed a request whose client left: cancelled, not completed (see MetricsCollector).
  void onCancelled(const engine::RequestState& state, engine::TimePoint now) override;

  // New SLOs and ranks (same classes, same order): requests finishing from now on are judged by them;
  // histograms and counters go on.
  void setClasses(const std::vector<engine::QosClass>& classes);
  // Closes the metric windows up to `now` and publishes a snapshot and `status`.
  void publish(engine::TimePoint now, const engine::InstanceStatus& status);

  std::shared_ptr<const engine::Snapshot> snapshot() const;
  engine::InstanceStatus status() const;
  ServingStats stats() const;
  // Per class, in class order: queue, ttft, tbt and ttlt (end to end) at fixed bounds since start.
  std::vector<engine::MetricsCollector::BucketedLatencies> latencies() const;
  // Per class, in class order: requests judged against each bound and those that met it, since start.
  std::vector<engine::MetricsCollector::SloCounts> sloCounts() const;

 private:
  mutable std::mutex mutex_;
  engine::MetricsCollector collector_;  // guarded by mutex_
  ServingStats stats_;                  // guarded by mutex_

  mutable std::mutex publishedMutex_;
  std::shared_ptr<const engine::Snapshot> published_;  // guarded by publishedMutex_
  engine::InstanceStatus publishedStatus_;             // guarded by publishedMutex_
};

}  // namespace headroom::serve
