#pragma once

#include <cstdint>
#include <limits>
#include <optional>
#include <vector>

#include "engine/core/qos_class.h"
#include "engine/core/request.h"
#include "engine/core/time.h"
#include "engine/exec/batch.h"
#include "engine/exec/iteration_time_model.h"
#include "engine/kv/block_manager.h"
#include "engine/sched/ordering.h"
#include "engine/sched/request_hints.h"
#include "engine/sched/request_state.h"
#include "engine/sched/scheduler_config.h"
#include "engine/sched/waiting_queue.h"

namespace headroom::engine {

// Counts describing one scheduler's state, for routers and dashboards.
struct SchedulerLoad {
  std::int32_t waiting = 0;     // not started, not relegated
  std::int32_t relegated = 0;   // relegated and not started
  std::int32_t prefilling = 0;  // started, prompt not fully cached
  std::int32_t decoding = 0;
  std::int64_t outstandingTokens = 0;  // prefill + decode tokens still to compute, all requests held
};

// A request taken back from a scheduler before any of its work ran, to be served elsewhere.
struct UnstartedRequest {
  Request request;
  bool relegated = false;  // it had been relegated; it stays relegated where it goes
  RequestHints hints;      // what it asked of its class; it keeps asking where it goes
};

// The per-instance QoServe scheduler. Each iteration: order waiting work by the policy, relegate what
// can no longer meet its deadline, form a batch of every running decode plus prefill chunks within the
// token budget (fixed, whole-prompt, or dynamic from the iteration-time model and the decodes' TBT
// slack), and keep the KV cache within its blocks by preempting (recompute) the lowest-priority running
// request. complete() applies an iteration's outcome and reports tokens to the observer.
//
// Not thread-safe: one instance's thread drives it. The model and observer must outlive it.
class Scheduler {
 public:
  Scheduler(std::vector<QosClass> classes, SchedulerConfig config, BlockManager blocks,
            const IterationTimeModel& timeModel, RequestObserver& observer);

  // Takes a new request. Throws std::runtime_error if it could never fit in the KV cache.
  void enqueue(const Request& request, TimePoint now);
  // The same with per-request hints: a deadline that tightens the class's, an importance below it.
  void enqueue(const Request& request, TimePoint now, const RequestHints& hints);

  // Takes a request another scheduler already accepted (its arrival was reported there): queued here
  // without a second arrival event. Throws like enqueue().
  void adopt(const UnstartedRequest& unstarted, TimePoint now);
  // Removes and returns every request none of whose work has run yet (waiting or relegated, never
  // scheduled), in arrival order; started and running requests stay. Safe while an iteration runs.
  std::vector<UnstartedRequest> takeUnstarted();

  // Forms the next iteration's batch into `batch` (cleared first). Empty when there is nothing to run.
  void schedule(TimePoint now, Batch& batch);

  // Applies the outcome of the batch last returned by schedule(), which ended at `end`.
  void complete(const Batch& batch, TimePoint end);
  // The batch last returned by schedule() could not be run (its executor failed): every request in it
  // leaves the scheduler, its KV blocks freed, with no observer event (the caller reports the failure).
  // Returns their ids, in batch order. Requests outside the batch are untouched.
  std::vector<RequestId> dropBatch(const Batch& batch);

  bool hasWork() const;
  SchedulerLoad load() const;
  const BlockManager& blocks() const { return blocks_; }
  const SchedulerConfig& config() const { return config_; }
  const std::vector<QosClass>& classes() const { return classes_; }

  // Replaces class SLOs and ranks (same classes, same order), e.g. when an operator edits them live.
  // Deadlines of requests already queued are kept.
  void setClasses(std::vector<QosClass> classes);

  // Replaces the policy, chunking, relegation and batch caps from the next schedule() on; waiting work
  // is re-ordered under the new policy. The KV layout (kvBlockTokens, kvBlocksOverride) cannot change:
  // std::invalid_argument when it differs.
  void setConfig(const SchedulerConfig& config);

  // Ends a request that is decoding now (its client saw an end-of-sequence token or a stop string):
  // the observer hears onFinished with the tokens generated so far. Call between iterations only.
  // Returns false when no decoding request has this id.
  bool finishEarly(RequestId id, TimePoint now);

  // The most tokens one iteration may hold under the current chunking and batch cap (fixed: the chunk;
  // dynamic: its largest chunk; none: the batch cap). A dashboard's measure of how full a batch is.
  std::int32_t tokenBudget() const;
  // Prompt tokens of every request held that are not yet in the KV cache (waiting, relegated and
  // partly prefilled): a running total, O(1).
  std::int64_t pendingPrefillTokens() const { return pendingPrefillTokens_; }
  // The same added up from the requests held, O(requests held): the running total's check.
  std::int64_t pendingPrefillTokensCounted() const;
  // Removes a request wherever it is (waiting, relegated, prefilling or decoding) because its client
  // left: its KV blocks are freed, its remaining work leaves the outstanding tokens, and the observer
  // hears onCancelled (not onFinished). Call between iterations only (not between schedule() and
  // complete()). Returns false when no request has this id (it already finished, or never came).
  bool cancel(RequestId id, TimePoint now);

  // Estimates the scheduler uses; exposed for tests and dashboards.
  double prefillTokensPerS() const { return prefillTokensPerS_; }
  Duration decodeStep() const { return decodeStep_; }

  static constexpr std::int64_t kNoSlackUs = std::numeric_limits<std::int64_t>::max();

 private:
  using Slot = std::uint32_t;
  struct HeapEntry {
    PriorityKey key;
    Slot slot;
  };

  void checkFits(const Request& request) const;
  void admit(const Request& request, bool relegated, const RequestHints& hints);
  Slot allocateSlot(const Request& request);
  void freeSlot(Slot slot);
  void initDeadlines(RequestState& state, const RequestHints& hints) const;
  int importanceOf(Slot slot) const;
  // When token 1's TBT clock starts: arrival + TTFT bound, or the first token without one.
  TimePoint tbtAnchor(const RequestState& state) const;
  TimePoint tokenDeadline(const RequestState& state, std::int32_t tokenIndex) const;
  void pushWaiting(Slot slot);
  void enqueueWaiting(Slot slot);  // pushWaiting without counting its importance
  void rebuildWaiting();           // after the keys changed (policy, classes)
  void pushRelegated(Slot slot);
  Slot popHeap(std::vector<HeapEntry>& heap);

  void scheduleDecodes(TimePoint now, Batch& batch, std::int64_t& minSlackUs);
  bool makeRoomForDecodes();
  void preempt(Slot slot, TimePoint now);
  std::int32_t prefillBudget(const Batch& batch, std::int64_t minSlackUs) const;
  std::int32_t dynamicChunk(const BatchShape& shape, std::int64_t minSlackUs) const;
  void schedulePrefills(TimePoint now, Batch& batch, std::int32_t budget);
  bool shouldRelegate(const RequestState& state, TimePoint now) const;
  void relegate(Slot slot, TimePoint now);
  // Adds up to `budget` tokens of `slot`'s prefill; returns the tokens added (0 when KV is short).
  std::int32_t addPrefillChunk(Slot slot, TimePoint now, Batch& batch, std::int32_t budget, bool firstPrefill);
  bool isProtected(const RequestState& state, TimePoint now, std::int32_t budget) const;
  void emitToken(RequestState& state, TimePoint end);
  void finish(Slot slot, TimePoint end);
  // Removes `slot`'s entry from `heap` if it is there; true when it was.
  bool eraseFromHeap(std::vector<HeapEntry>& heap, Slot slot);

  std::vector<QosClass> classes_;
  SchedulerConfig config_;
  BlockManager blocks_;
  const IterationTimeModel& timeModel_;
  RequestObserver& observer_;
  Ordering ordering_;

  std::vector<RequestState> states_;
  std::vector<std::uint8_t> inBatch_;
  std::vector<RequestHints> hints_;  // per slot
  std::vector<Slot> freeSlots_;
  WaitingQueue waiting_;              // not started (or preempted back), by class turn then hint
  std::vector<HeapEntry> relegated_;  // min-heap on key: relegated, not started
  std::vector<Slot> prefilling_;      // started, prefill not done (holds KV)
  std::vector<Slot> decoding_;
  std::vector<Slot> batchSlots_;      // slot of each entry of the last batch
  std::vector<Slot> scratch_;
  std::vector<Slot> nextPrefilling_;
  std::vector<Slot> nextDecoding_;
  std::int32_t waitingByImportance_[3] = {0, 0, 0};
  std::int64_t outstandingTokens_ = 0;
  std::int64_t pendingPrefillTokens_ = 0;  // remaining prefill of every request held
  std::int64_t watermarkBlocks_ = 0;

  TimePoint iterationStart_{};
  double prefillTokensPerS_ = 0.0;
  Duration decodeStep_{};
};

}  // namespace headroom::engine
