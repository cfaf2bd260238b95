#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "engine/core/clock.h"
#include "engine/core/request.h"
#include "engine/host/instance_driver.h"
#include "engine/instance/instance.h"
#include "engine/metrics/snapshot.h"
#include "serve/server/admission_queue.h"
#include "serve/server/reply_text.h"
#include "serve/server/retry_after_estimator.h"
#include "serve/server/request_listener.h"
#include "serve/server/serve_config.h"
#include "serve/server/serving_metrics.h"
#include "serve/server/serving_stats.h"
#include "serve/server/token_tap_executor.h"

namespace headroom::serve {

// A wall-clock serving instance: one Instance (scheduler, KV blocks, executor) run by the engine's
// InstanceDriver on its own loop thread. Each iteration takes as long as the executor says: a modeled
// executor's predicted time is slept on the wall clock, a real executor's run takes what it takes.
// The host only wires its parts together:
//  - AdmissionQueue: per-class bounded queues and the relegate-on-overload hold-back (any thread);
//  - ServingMetrics: the metrics collector, the Prometheus counters, the published snapshot;
//  - ReplyText: each request's listener, token-to-text decoding and stop strings (loop thread);
//  - InstanceDriver: the loop; the host is its Hooks and the instance's RequestObserver.
//
// Cancel: a request whose client left is taken out of the queue or the batch at the next iteration and
// its KV blocks are freed; it counts as cancelled, never as completed. Drain (shutdown): beginDrain()
// refuses new requests (Draining) and lets the loop run until everything admitted has finished;
// stopNow() ends whatever is left, each listener hearing FinishReason::Shutdown.
//
// Threads: submit(), cancel(), beginDrain(), waitDrained(), stopNow(), setClasses(),
// setSchedulerConfig() and the getters may be called from any thread. Listeners hear their request's
// tokens and end on the loop thread. If the executor fails on a batch (a request it cannot run), the
// requests of that batch finish with FinishReason::Failed and the host goes on serving the others and
// new ones; only kMaxFailedIterationsInARow failed iterations in a row (a lost device) or any other
// fault end the loop: then every request in flight finishes with FinishReason::Failed, failure() says
// why and submit() answers Unavailable; the process goes on. The destructor stops the loop and
// finishes every listener (Cancelled).
class ServingHost final : private engine::InstanceDriver::Hooks, private engine::RequestObserver {
 public:
  // Throws std::runtime_error when the executor's model or hardware cannot be loaded.
  explicit ServingHost(const ServeConfig& config, engine::Duration snapshotInterval = std::chrono::milliseconds(250));
  // The same with the executor given instead of built from config.executor (which then only names it
  // for the KV size); for tests and embedders.
  ServingHost(const ServeConfig& config, std::unique_ptr<engine::Executor> executor,
              engine::Duration snapshotInterval = std::chrono::milliseconds(250));
  ~ServingHost() override;
  ServingHost(const ServingHost&) = delete;
  ServingHost& operator=(const ServingHost&) = delete;

  // Iterations that fail one after another (each failing its own batch) before the host gives up on
  // its executor and stops serving.
  static constexpr int kMaxFailedIterationsInARow = 8;

  // Rejected while the host is stopping (retry after 1 s), or for a full queue (retry after the time the
  // work ahead takes at the recent pace: RetryAfterEstimator); Unavailable once its instance has failed.
  Admission submit(const ServeRequest& request, std::shared_ptr<RequestListener> listener);
  // `id`'s client left: before the next iteration the request leaves the hold-back, the inbox or the
  // scheduler (its KV blocks freed, no more tokens computed for it). Its listener hears
  // onFinished(Cancelled) unless it already finished.
  void cancel(engine::RequestId id);

  // Starts the shutdown: from now on submit() answers Draining, with a retry after the rest of
  // `drainTime` (at least 1 s); what was admitted runs on. Idempotent.
  void beginDrain(engine::Duration drainTime);
  bool draining() const { return draining_.load(); }
  // Waits up to `timeout` for the loop to end (after beginDrain: everything admitted has finished).
  // True when it has ended.
  bool waitDrained(engine::Duration timeout);
  // Ends the loop after the iteration in progress; every request still held finishes with
  // FinishReason::Shutdown (the instance's failure: Failed). Returns when the listeners have heard it.
  void stopNow();

  // The latest published metrics snapshot (refreshed at most every snapshotInterval while busy, at
  // each interval while idle, and whenever the loop goes idle after a change).
  std::shared_ptr<const engine::Snapshot> snapshot() const { return metrics_.snapshot(); }
  ServingStats stats() const { return metrics_.stats(); }
  // Each class's latencies at fixed bounds (see ServingMetrics::latencies), for /metrics.
  std::vector<engine::MetricsCollector::BucketedLatencies> latencies() const { return metrics_.latencies(); }
  // Each class's SLO attainment counters per bound (see ServingMetrics::sloCounts), for /metrics.
  std::vector<engine::MetricsCollector::SloCounts> sloCounts() const { return metrics_.sloCounts(); }
  engine::InstanceStatus status() const { return metrics_.status(); }
  std::vector<ServedClass> classes() const { return admission_.classes(); }
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
  // The executor's own limit on prompt and output tokens together (Executor::maxContextTokens).
  std::optional<std::int64_t> maxContextTokens() const { return maxContextTokens_; }
  // Why the instance stopped serving (the exception's message), or empty while it serves.
  std::string failure() const;

 private:
  // InstanceDriver::Hooks, on the loop thread.
  void beforeIteration(engine::TimePoint now) override;
  void afterIteration(engine::TimePoint end) override;
  void onIterationFailed(engine::TimePoint now, const engine::IterationFailed& failure) override;
  void publish(engine::TimePoint now) override;
  void onStopped(engine::TimePoint now, std::exception_ptr failure) override;
  // RequestObserver (the instance's events), on the loop thread.
  void onArrival(const engine::Request& request, engine::TimePoint now) override;
  void onFirstScheduled(const engine::RequestState& state, engine::TimePoint now) override;
  void onToken(const engine::RequestState& state, engine::TimePoint now, engine::Duration gap) override;
  void onRelegated(const engine::RequestState& state, engine::TimePoint now) override;
  void onPreempted(const engine::RequestState& state, engine::TimePoint now) override;
  void onFinished(const engine::RequestState& state, engine::TimePoint now) override;
  void onCancelled(const engine::RequestState& state, engine::TimePoint now) override;

  void enqueue(AdmittedRequest admitted, engine::TimePoint now);
  engine::Duration retryAfterNow() const;
  void applyCancel(engine::RequestId id, engine::TimePoint now);

  const std::int64_t kvBlocks_;
  std::string executorDescription_;
  std::optional<std::int64_t> maxContextTokens_;
  ServingMetrics metrics_;
  AdmissionQueue admission_;
  std::unique_ptr<RetryAfterEstimator> retryAfter_;  // set in the constructor, before the loop starts

  std::atomic<bool> draining_{false};
  std::atomic<std::chrono::steady_clock::time_point> drainDeadline_{};
  std::mutex stoppedMutex_;
  std::condition_variable stoppedChanged_;
  bool loopStopped_ = false;  // guarded by stoppedMutex_

  mutable std::mutex configMutex_;
  engine::SchedulerConfig schedulerConfig_;  // guarded by configMutex_

  // Loop thread only (after construction).
  ReplyText replies_;
  TokenTapExecutor* tap_ = nullptr;
  std::unique_ptr<engine::Instance> instance_;
  std::vector<engine::RequestId> stops_;  // replies that ended (EOS, stop string) while still decoding
  int failedIterationsInARow_ = 0;

  engine::WallClock clock_;
  std::unique_ptr<engine::InstanceDriver> driver_;  // last: its thread stops before the rest goes
};

}  // namespace headroom::serve
