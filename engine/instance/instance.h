#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <unordered_map>
#include <vector>

#include "engine/core/qos_class.h"
#include "engine/core/request.h"
#include "engine/core/time.h"
#include "engine/exec/batch.h"
#include "engine/exec/executor.h"
#include "engine/sched/scheduler.h"

namespace headroom::engine {

// What an instance is doing, for routers and the pool view.
struct InstanceStatus {
  std::int32_t id = 0;
  GroupId group = 0;  // the pool group it belongs to (set by the pool)
  bool busy = false;
  SchedulerLoad load;
  double kvUsedFraction = 0.0;
  std::int32_t lastBatchTokens = 0;
  std::int32_t lastBatchSize = 0;
  std::int64_t iterations = 0;
  Duration busyTime{};  // total time spent running iterations
  bool draining = false;  // being removed: takes no new work, finishes what it runs
  std::int32_t tokenBudget = 0;  // the most tokens one iteration may hold under the current chunking
  Duration queuedPrefill{};      // prompt tokens held but not yet computed, at the recent prefill rate
  std::int64_t queuedPrefillTokens = 0;  // those prompt tokens (waiting, relegated and partly prefilled)

  // Whether it holds any request (running or queued); `busy` only says an iteration is in progress now.
  bool holdsWork() const { return load.waiting + load.relegated + load.prefilling + load.decoding > 0; }
};

// A request that had not started, on its way from one instance to another, with its text (prompt
// tokens and sampling parameters) when it was enqueued with text.
struct MovedRequest {
  UnstartedRequest unstarted;
  std::optional<std::vector<std::int32_t>> promptTokens;
  SamplingParams params;
};

// One serving instance: a scheduler, its KV block manager and an executor, driven one iteration at a
// time. The caller owns time: startIteration() forms and runs a batch and says how long it takes;
// finishIteration() is called when that time has passed (virtual or wall). Not thread-safe.
//
// The executor hears each request's life: admit() on arrival, release() when it finishes, and
// release() then admit() with everything it has so far when it is preempted (it is recomputed later).
class Instance {
 public:
  // Called with a request's generated tokens when it finishes (requests enqueued with text only).
  using TextSink = std::function<void(RequestId id, const std::vector<std::int32_t>& generated)>;

  Instance(std::int32_t id, std::vector<QosClass> classes, const SchedulerConfig& config,
           std::unique_ptr<Executor> executor, std::int64_t kvBlocks, RequestObserver& observer);

  std::int32_t id() const { return id_; }
  // A request without text: executors that compute make up a prompt for it.
  void enqueue(const Request& request, TimePoint now);
  // A request with text: `promptTokens` (request.promptTokens of them, else std::invalid_argument) go
  // to the executor, and the instance keeps what is sampled until the request finishes. A request the
  // executor refuses (std::invalid_argument: a token, its sampling parameters) is not queued.
  void enqueue(const Request& request, TimePoint now, std::vector<std::int32_t> promptTokens, SamplingParams params);
  // The same two with per-request hints (see RequestHints: they only tighten).
  void enqueue(const Request& request, TimePoint now, const RequestHints& hints);
  void enqueue(const Request& request, TimePoint now, std::vector<std::int32_t> promptTokens, SamplingParams params,
               const RequestHints& hints);
  void setTextSink(TextSink sink) { textSink_ = std::move(sink); }
  // Moving queued work between instances: takeUnstarted() removes every request none of whose work has
  // run (see Scheduler::takeUnstarted) and releases it from the executor; adopt() queues one here
  // without a second arrival event, with its text when it had one.
  std::vector<MovedRequest> takeUnstarted();
  void adopt(MovedRequest moved, TimePoint now);

  // Ends a decoding request now (see Scheduler::finishEarly); not while an iteration runs.
  bool finishEarly(RequestId id, TimePoint now);
  // Removes a request whose client left, wherever it is, and frees its KV blocks and the executor's
  // state for it (see Scheduler::cancel); not while an iteration runs (std::logic_error). False when
  // the instance holds no request with this id.
  bool cancel(RequestId id, TimePoint now);

  // Thread-safe, unlike the rest: hands a new scheduler policy (ordering, chunking, relegation, batch
  // caps) to the instance, which applies it at the start of its next iteration, between iterations.
  // Throws std::invalid_argument at once when the KV layout differs from the running one.
  void postSchedulerConfig(const SchedulerConfig& config);

  // Forms and runs the next batch when idle and there is work; returns its duration, else nullopt.
  // When the executor throws, the batch's requests are taken out (see IterationFailed, thrown then)
  // and the instance stays usable.
  std::optional<Duration> startIteration(TimePoint now);
  // Applies the running batch's outcome at `end`.
  void finishIteration(TimePoint end);

  bool busy() const { return busy_; }
  bool hasWork() const { return scheduler_.hasWork(); }
  std::int64_t outstandingTokens() const { return scheduler_.load().outstandingTokens; }
  InstanceStatus status() const;
  // The iteration-time model its scheduler plans with (the executor's).
  const IterationTimeModel& timeModel() const { return executor_->timeModel(); }
  Scheduler& scheduler() { return scheduler_; }
  const Scheduler& scheduler() const { return scheduler_; }

 private:
  // Forwards the scheduler's events to the caller's observer and keeps the executor in step.
  class ExecutorNotifier final : public RequestObserver {
   public:
    ExecutorNotifier(Instance& instance, RequestObserver& outer) : instance_(instance), outer_(outer) {}
    void onArrival(const Request& request, TimePoint now) override { outer_.onArrival(request, now); }
    void onFirstScheduled(const RequestState& state, TimePoint now) override { outer_.onFirstScheduled(state, now); }
    void onToken(const RequestState& state, TimePoint now, Duration gap) override { outer_.onToken(state, now, gap); }
    void onRelegated(const RequestState& state, TimePoint now) override { outer_.onRelegated(state, now); }
    void onPreempted(const RequestState& state, TimePoint now) override;
    void onFinished(const RequestState& state, TimePoint now) override;
    void onCancelled(const RequestState& state, TimePoint now) override;

   private:
    Instance& instance_;
    RequestObserver& outer_;
  };
  // A request's text: its prompt followed by the tokens sampled for it so far.
  struct Text {
    std::vector<std::int32_t> tokens;
    std::int32_t promptTokens = 0;
    SamplingParams params;
  };

  void recordTokens(const IterationResult& result);
  void admitThenEnqueue(const Request& request, TimePoint now, const std::vector<std::int32_t>& promptTokens,
                        SamplingParams params, const RequestHints& hints);
  // Takes the current batch's requests out of the scheduler and the executor; their ids.
  std::vector<RequestId> dropBatch();
  void applyPostedConfig();

  std::int32_t id_;
  std::unique_ptr<Executor> executor_;
  ExecutorNotifier notifier_;
  Scheduler scheduler_;
  std::unordered_map<RequestId, Text> texts_;
  TextSink textSink_;
  Batch batch_;
  bool busy_ = false;
  std::int64_t iterations_ = 0;
  Duration busyTime_{};
  const std::int32_t kvBlockTokens_;
  const std::optional<std::int64_t> kvBlocksOverride_;
  std::mutex postedMutex_;
  std::optional<SchedulerConfig> postedConfig_;  // guarded by postedMutex_
};

}  // namespace headroom::engine
