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
#include "serve/server/request_listener.h"
#include "serve/server/serve_config.h"
#include "serve/server/serving_stats.h"
#include "serve/server/token_tap_executor.h"

namespace headroom::serve {

// One request as a client asks for it. With `promptTokenIds` (a computing executor) promptTokens must
// equal their count, and the executor samples with `sampling`; without, the prompt is only a length.
// `stop` strings end the reply early (finish reason Stop), as does the end-of-sequence token.
struct ServeRequest {
  engine::ClassId classId = 0;
  std::int32_t promptTokens = 1;
  std::int32_t maxTokens = 1;  // tokens to generate
  std::vector<std::int32_t> promptTokenIds;
  engine::SamplingParams sampling;
  std::vector<std::string> stop;
  engine::RequestHints hints;
};

enum class AdmissionOutcome : std::uint8_t { Admitted, Relegated, Rejected, TooLarge };

// The answer to submit(): Admitted and Relegated carry the request's id; Rejected a time after which a
// retry may succeed; TooLarge means the request could never fit in the KV cache.
struct Admission {
  AdmissionOutcome outcome = AdmissionOutcome::Admitted;
  engine::RequestId id = 0;
  engine::Duration retryAfter{};

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
  explicit ServingHost(const ServeConfig& config, engine::Duration snapshotInterval = std::chrono::milliseconds(250));
  ~ServingHost();
  ServingHost(const ServingHost&) = delete;
  ServingHost& operator=(const ServingHost&) = delete;

  Admission submit(const ServeRequest& request, std::shared_ptr<RequestListener> listener);
  // Stops delivering `id`'s output; a request not yet handed to the scheduler is dropped. Its listener
  // hears onFinished(Cancelled) unless it already finished.
  void cancel(engine::RequestId id);

  // The latest published metrics snapshot (refreshed at most every snapshotInterval while busy, and
  // whenever the loop goes idle).
  std::shared_ptr<const engine::Snapshot> snapshot() const;
  ServingStats stats() const;
  engine::InstanceStatus status() const;
  std::vector<ServedClass> classes() const;
  // Replaces SLOs, ranks and admission limits (same classes, same order) from now on.
  // Throws std::invalid_argument on a count or name mismatch.
  void setClasses(std::vector<ServedClass> classes);
  // The scheduler policy in force (or about to be, from the next iteration).
  engine::SchedulerConfig schedulerConfig() const;
  // Replaces the policy, chunking, relegation and batch caps between two iterations of the loop.
  // Throws std::invalid_argument when the KV layout (kv_block_tokens, kv_blocks) differs.
  void setSchedulerConfig(const engine::SchedulerConfig& config);
  std::int64_t kvBlocks() const { return kvBlocks_; }
  const std::string& describeExecutor() const { return executorDescription_; }

 private:
  struct Pending {
    engine::Request request;
    std::shared_ptr<RequestListener> listener;
    bool relegated = false;
    std::vector<std::int32_t> promptTokenIds;
    engine::SamplingParams sampling;
    std::vector<std::string> stop;
    engine::RequestHints hints;
  };
  class Observer;

  void run();
  void takeArrivals(std::vector<Pending>& arrivals, engine::TimePoint now);
  void feedRelegated(engine::TimePoint now);
  void applyCancels(std::vector<engine::RequestId>& cancels);
  void applyStops(engine::TimePoint now);
  void publish(engine::TimePoint now);
  void failAll(FinishReason reason);
  engine::Duration retryAfter(engine::ClassId classId) const;

  std::vector<ServedClass> classes_;  // guarded by mutex_
  engine::SchedulerConfig schedulerConfig_;   // guarded by mutex_
  std::int32_t blockTokens_;
  std::int64_t kvBlocks_;
  std::string executorDescription_;
  engine::Duration snapshotInterval_;
  engine::WallClock clock_;

  mutable std::mutex mutex_;  // inbox, admission counts, classes
  std::condition_variable wake_;
  std::vector<Pending> inbox_;
  std::vector<engine::RequestId> cancels_;
  std::optional<std::vector<engine::QosClass>> newClasses_;
  std::vector<std::int32_t> queued_;    // per class: admitted, not yet scheduled (relegated held back excluded)
  std::vector<std::int32_t> heldBack_;  // per class: relegated on overload, not yet given to the scheduler
  engine::RequestId nextId_ = 1;
  bool stopping_ = false;

  mutable std::mutex statsMutex_;
  ServingStats stats_;

  mutable std::mutex publishedMutex_;
  std::shared_ptr<const engine::Snapshot> published_;
  engine::InstanceStatus publishedStatus_;

  // Loop thread only.
  std::unique_ptr<engine::MetricsCollector> metrics_;
  std::unique_ptr<Observer> observer_;
  TokenTapExecutor* tap_ = nullptr;
  std::unique_ptr<engine::Instance> instance_;
  std::deque<Pending> relegated_;
  std::vector<engine::RequestId> stops_;  // requests whose reply ended (EOS, stop string) but still decode
  engine::TimePoint lastPublish_{};
  bool dirty_ = true;

  std::thread thread_;
};

}  // namespace headroom::serve
