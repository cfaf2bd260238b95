#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_map>
#include <vector>

#include "engine/core/clock.h"
#include "engine/core/request.h"
#include "engine/instance/instance.h"
#include "engine/metrics/metrics_collector.h"
#include "engine/metrics/snapshot.h"
#include "engine/sched/request_hints.h"
#include "engine/serving/request_listener.h"
#include "engine/serving/serve_config.h"
#include "engine/serving/serving_stats.h"
#include "engine/serving/token_tap_executor.h"

namespace headroom::engine {

// One request as a client asks for it. With `promptTokenIds` (a computing executor) promptTokens must
// equal their count, and the executor samples with `sampling`; without, the prompt is only a length.
// `stop` strings end the reply early (finish reason Stop), as does the end-of-sequence token.
struct ServeRequest {
  ClassId classId = 0;
  std::int32_t promptTokens = 1;
  std::int32_t maxTokens = 1;  // tokens to generate
  std::vector<std::int32_t> promptTokenIds;
  SamplingParams sampling;
  std::vector<std::string> stop;
  RequestHints hints;
};

enum class AdmissionOutcome : std::uint8_t { Admitted, Relegated, Rejected, TooLarge };

// The answer to submit(): Admitted and Relegated carry the request's id; Rejected a time after which a
// retry may succeed; TooLarge means the request could never fit in the KV cache.
struct Admission {
  AdmissionOutcome outcome = AdmissionOutcome::Admitted;
  RequestId id = 0;
  Duration retryAfter{};

  bool accepted() const { return outcome == AdmissionOutcome::Admitted || outcome == AdmissionOutcome::Relegated; }
};

// A wall-clock serving instance: one Instance (scheduler, KV blocks, executor) driven by its own loop
// thread. Each iteration takes as long as the executor says: a modeled executor's predicted time is
// slept on the wall clock, a real executor's run takes what it takes. Requests come from any thread
// through submit(); their tokens go to each request's RequestListener on the loop thread. Metrics go
// into a MetricsCollector (the same snapshots a replay produces) and into Prometheus-style ServingStats.
//
// Admission is per class and bounded: at most queueLimit requests of a class wait to be scheduled;
// beyond that a class set to reject is refused (429), one set to relegate holds up to relegatedLimit
// more back, fed to the scheduler only when nothing else is waiting. Nothing is queued without bound.
//
// All public functions are thread-safe. The destructor stops the loop and finishes every listener.
class ServingHost {
 public:
  // Throws std::runtime_error when the executor's model or hardware cannot be loaded.
  explicit ServingHost(const ServeConfig& config, Duration snapshotInterval = std::chrono::milliseconds(250));
  ~ServingHost();
  ServingHost(const ServingHost&) = delete;
  ServingHost& operator=(const ServingHost&) = delete;

  Admission submit(const ServeRequest& request, std::shared_ptr<RequestListener> listener);
  // Stops delivering `id`'s output; a request not yet handed to the scheduler is dropped. Its listener
  // hears onFinished(Cancelled) unless it already finished.
  void cancel(RequestId id);

  // The latest published metrics snapshot (refreshed at most every snapshotInterval while busy, and
  // whenever the loop goes idle).
  std::shared_ptr<const Snapshot> snapshot() const;
  ServingStats stats() const;
  InstanceStatus status() const;
  std::vector<ServedClass> classes() const;
  // Replaces SLOs, ranks and admission limits (same classes, same order) from now on.
  // Throws std::invalid_argument on a count or name mismatch.
  void setClasses(std::vector<ServedClass> classes);
  // The scheduler policy in force (or about to be, from the next iteration).
  SchedulerConfig schedulerConfig() const;
  // Replaces the policy, chunking, relegation and batch caps between two iterations of the loop.
  // Throws std::invalid_argument when the KV layout (kv_block_tokens, kv_blocks) differs.
  void setSchedulerConfig(const SchedulerConfig& config);
  std::int64_t kvBlocks() const { return kvBlocks_; }
  const std::string& describeExecutor() const { return executorDescription_; }

 private:
  struct Pending {
    Request request;
    std::shared_ptr<RequestListener> listener;
    bool relegated = false;
    std::vector<std::int32_t> promptTokenIds;
    SamplingParams sampling;
    std::vector<std::string> stop;
    RequestHints hints;
  };
  class Observer;

  void run();
  void takeArrivals(std::vector<Pending>& arrivals, TimePoint now);
  void feedRelegated(TimePoint now);
  void applyCancels(std::vector<RequestId>& cancels);
  void applyStops(TimePoint now);
  void publish(TimePoint now);
  void failAll(FinishReason reason);
  Duration retryAfter(ClassId classId) const;

  std::vector<ServedClass> classes_;  // guarded by mutex_
  SchedulerConfig schedulerConfig_;   // guarded by mutex_
  std::int32_t blockTokens_;
  std::int64_t kvBlocks_;
  std::string executorDescription_;
  Duration snapshotInterval_;
  WallClock clock_;

  mutable std::mutex mutex_;  // inbox, admission counts, classes
  std::condition_variable wake_;
  std::vector<Pending> inbox_;
  std::vector<RequestId> cancels_;
  std::optional<std::vector<QosClass>> newClasses_;
  std::vector<std::int32_t> queued_;    // per class: admitted, not yet scheduled (relegated held back excluded)
  std::vector<std::int32_t> heldBack_;  // per class: relegated on overload, not yet given to the scheduler
  RequestId nextId_ = 1;
  bool stopping_ = false;

  mutable std::mutex statsMutex_;
  ServingStats stats_;

  mutable std::mutex publishedMutex_;
  std::shared_ptr<const Snapshot> published_;
  InstanceStatus publishedStatus_;

  // Loop thread only.
  std::unique_ptr<MetricsCollector> metrics_;
  std::unique_ptr<Observer> observer_;
  TokenTapExecutor* tap_ = nullptr;
  std::unique_ptr<Instance> instance_;
  std::deque<Pending> relegated_;
  std::vector<RequestId> stops_;  // requests whose reply ended (EOS, stop string) but still decode
  TimePoint lastPublish_{};
  bool dirty_ = true;

  std::thread thread_;
};

}  // namespace headroom::engine
