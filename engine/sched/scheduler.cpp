#include "engine/sched/scheduler.h"

#include <algorithm>
#include <array>
#include <optional>
#include <stdexcept>
#include <string>

namespace headroom::engine {

namespace {

// Far enough to never be reached, near enough that adding alpha x tokens cannot overflow.
constexpr TimePoint kFarFuture{Duration{std::int64_t{1'000'000'000'000'000}}};

// Dynamic chunking candidates (QoServe): ~2500, then 2048 down to 256 in steps of 256, then 128.
constexpr std::array<std::int32_t, 10> kDynamicChunks = {2560, 2048, 1792, 1536, 1280, 1024, 768, 512, 256, 128};
// With the KV cache this full, dynamic chunking keeps to the smaller range.
constexpr double kKvLowFraction = 0.9;
constexpr std::int32_t kKvLowChunkCap = 512;
// Weight of the newest observation in the throughput and step-time averages.
constexpr double kEmaWeight = 0.2;

bool heapAfter(const auto& a, const auto& b) { return a.key > b.key; }

}  // namespace

Scheduler::Scheduler(std::vector<QosClass> classes, SchedulerConfig config, BlockManager blocks,
                     const IterationTimeModel& timeModel, RequestObserver& observer)
    : classes_(std::move(classes)),
      config_(config),
      blocks_(blocks),
      timeModel_(timeModel),
      observer_(observer),
      ordering_(config.policy, config.alphaSPerToken, classes_) {
  watermarkBlocks_ = blocks_.unbounded() ? 0 : std::max<std::int64_t>(1, blocks_.totalBlocks() / 100);
  BatchShape prefillShape;
  prefillShape.addPrefill(512, 0);
  const double prefillS = std::max(1e-6, toSeconds(timeModel_.predict(prefillShape)));
  prefillTokensPerS_ = 512.0 / prefillS;
  BatchShape decodeShape;
  decodeShape.addDecode(1024);
  decodeStep_ = timeModel_.predict(decodeShape);
}

Scheduler::Slot Scheduler::allocateSlot(const Request& request) {
  Slot slot;
  if (!freeSlots_.empty()) {
    slot = freeSlots_.back();
    freeSlots_.pop_back();
    states_[slot] = RequestState{};
  } else {
    slot = static_cast<Slot>(states_.size());
    states_.emplace_back();
    inBatch_.push_back(0);
    hints_.emplace_back();
  }
  RequestState& state = states_[slot];
  state.request = request;
  state.prefillTarget = request.promptTokens;
  return slot;
}

void Scheduler::freeSlot(Slot slot) { freeSlots_.push_back(slot); }

int Scheduler::importanceOf(Slot slot) const {
  const Importance own = classes_[states_[slot].request.classId].importance;
  return static_cast<int>(effectiveImportance(own, hints_[slot]));
}

void Scheduler::initDeadlines(RequestState& state, const RequestHints& hints) const {
  const Slo& slo = classes_[state.request.classId].slo;
  const TimePoint arrival = state.request.arrival;
  const std::int32_t laterTokens = std::max(0, state.request.outputTokens - 1);
  if (slo.ttft) {
    state.firstTokenDeadline = arrival + *slo.ttft;
  } else if (slo.ttlt) {
    // A TTLT class's internal first-token target leaves room for the expected decode time.
    state.firstTokenDeadline = arrival + *slo.ttlt - decodeStep_ * laterTokens;
  } else if (slo.tbt) {
    state.firstTokenDeadline = arrival + *slo.tbt;
  } else {
    state.firstTokenDeadline = kFarFuture;
  }
  if (slo.ttlt) {
    state.finalDeadline = arrival + *slo.ttlt;
  } else if (slo.tbt) {
    state.finalDeadline = state.firstTokenDeadline + *slo.tbt * laterTokens;
  } else {
    state.finalDeadline = kFarFuture;
  }
  // The class's own deadlines place the request among other classes; the hint below only reorders it
  // within its class (see Ordering and WaitingQueue).
  state.classFirstTokenDeadline = state.firstTokenDeadline;
  state.classFinalDeadline = state.finalDeadline;
  if (hints.deadline && *hints.deadline > Duration{0}) {
    // A hint only tightens: the last token by arrival + deadline, the first early enough to decode the rest.
    const TimePoint hinted = arrival + *hints.deadline;
    state.finalDeadline = std::min(state.finalDeadline, hinted);
    state.firstTokenDeadline = std::min(state.firstTokenDeadline, std::max(arrival, hinted - decodeStep_ * laterTokens));
  }
}

TimePoint Scheduler::tbtAnchor(const RequestState& state) const {
  const Slo& slo = classes_[state.request.classId].slo;
  return slo.ttft ? state.request.arrival + *slo.ttft : state.firstToken;
}

TimePoint Scheduler::tokenDeadline(const RequestState& state, std::int32_t tokenIndex) const {
  const Slo& slo = classes_[state.request.classId].slo;
  return tbtAnchor(state) + *slo.tbt * (tokenIndex - 1);
}

std::int32_t Scheduler::tokenBudget() const {
  switch (config_.chunking.mode) {
    case ChunkingMode::Fixed: return std::min(config_.chunking.fixedTokens, config_.maxBatchTokens);
    case ChunkingMode::Dynamic: return std::min(kDynamicChunks.front(), config_.maxBatchTokens);
    case ChunkingMode::None: return config_.maxBatchTokens;
  }
  return config_.maxBatchTokens;
}

std::int64_t Scheduler::pendingPrefillTokensCounted() const {
  std::int64_t tokens = 0;
  for (const Slot slot : waiting_.waitingSlots()) tokens += states_[slot].remainingPrefill();
  for (const HeapEntry& entry : relegated_) tokens += states_[entry.slot].remainingPrefill();
  for (const Slot slot : prefilling_) tokens += states_[slot].remainingPrefill();
  return tokens;
}

void Scheduler::enqueueWaiting(Slot slot) {
  const RequestState& state = states_[slot];
  const ClassTurn turn{ordering_.key(state), state.classFirstTokenDeadline, state.classFinalDeadline};
  waiting_.push(state.request.classId, slot, turn, ordering_.hintedKey(state));
}

void Scheduler::pushWaiting(Slot slot) {
  enqueueWaiting(slot);
  ++waitingByImportance_[importanceOf(slot)];
}

void Scheduler::rebuildWaiting() {
  const std::vector<Slot> slots = waiting_.waitingSlots();
  waiting_.clear();
  for (const Slot slot : slots) enqueueWaiting(slot);
}

void Scheduler::pushRelegated(Slot slot) {
  relegated_.push_back({ordering_.key(states_[slot]), slot});
  std::push_heap(relegated_.begin(), relegated_.end(), heapAfter<HeapEntry, HeapEntry>);
}

Scheduler::Slot Scheduler::popHeap(std::vector<HeapEntry>& heap) {
  std::pop_heap(heap.begin(), heap.end(), heapAfter<HeapEntry, HeapEntry>);
  const Slot slot = heap.back().slot;
  heap.pop_back();
  return slot;
}

void Scheduler::checkFits(const Request& request) const {
  if (request.classId >= classes_.size()) {
    throw std::runtime_error("request " + std::to_string(request.id) + " names class " +
                             std::to_string(request.classId) + " but the instance has " +
                             std::to_string(classes_.size()) + " classes");
  }
  const std::int64_t peakBlocks = blocks_.blocksFor(std::int64_t{request.promptTokens} + request.outputTokens);
  if (peakBlocks + watermarkBlocks_ > blocks_.totalBlocks()) {
    throw std::runtime_error("request " + std::to_string(request.id) + " needs " + std::to_string(peakBlocks) +
                             " KV blocks but the instance has " + std::to_string(blocks_.totalBlocks()) +
                             " (raise scheduler.kv_blocks or shorten the requests)");
  }
}

void Scheduler::admit(const Request& request, bool relegated, const RequestHints& hints) {
  const Slot slot = allocateSlot(request);
  hints_[slot] = hints;
  initDeadlines(states_[slot], hints);
  outstandingTokens_ += std::int64_t{request.promptTokens} + request.outputTokens;
  pendingPrefillTokens_ += request.promptTokens;
  if (relegated) {
    states_[slot].relegated = true;
    pushRelegated(slot);
  } else {
    pushWaiting(slot);
  }
}

void Scheduler::enqueue(const Request& request, TimePoint now) { enqueue(request, now, RequestHints{}); }

void Scheduler::enqueue(const Request& request, TimePoint now, const RequestHints& hints) {
  checkFits(request);
  observer_.onArrival(request, now);
  admit(request, false, hints);
}

void Scheduler::adopt(const UnstartedRequest& unstarted, TimePoint) {
  checkFits(unstarted.request);
  admit(unstarted.request, unstarted.relegated, unstarted.hints);
}

std::vector<UnstartedRequest> Scheduler::takeUnstarted() {
  std::vector<UnstartedRequest> taken;
  auto take = [&](Slot slot) {
    const RequestState& state = states_[slot];
    taken.push_back({state.request, state.relegated, hints_[slot]});
    outstandingTokens_ -= std::int64_t{state.remainingPrefill()} + state.remainingDecode();
    pendingPrefillTokens_ -= state.remainingPrefill();
    freeSlot(slot);
  };
  for (const Slot slot : waiting_.waitingSlots()) {
    if (states_[slot].started) continue;
    waiting_.remove(slot);
    --waitingByImportance_[importanceOf(slot)];
    take(slot);
  }
  auto keep = relegated_.begin();
  for (auto it = relegated_.begin(); it != relegated_.end(); ++it) {
    if (states_[it->slot].started) {
      *keep++ = *it;
      continue;
    }
    take(it->slot);
  }
  relegated_.erase(keep, relegated_.end());
  std::make_heap(relegated_.begin(), relegated_.end(), heapAfter<HeapEntry, HeapEntry>);
  std::sort(taken.begin(), taken.end(), [](const UnstartedRequest& a, const UnstartedRequest& b) {
    return a.request.arrival != b.request.arrival ? a.request.arrival < b.request.arrival : a.request.id < b.request.id;
  });
  return taken;
}

bool Scheduler::hasWork() const {
  return !waiting_.empty() || !relegated_.empty() || !prefilling_.empty() || !decoding_.empty();
}

SchedulerLoad Scheduler::load() const {
  SchedulerLoad load;
  load.waiting = static_cast<std::int32_t>(waiting_.size());
  load.relegated = static_cast<std::int32_t>(relegated_.size());
  load.prefilling = static_cast<std::int32_t>(prefilling_.size());
  load.decoding = static_cast<std::int32_t>(decoding_.size());
  load.outstandingTokens = outstandingTokens_;
  return load;
}

void Scheduler::setClasses(std::vector<QosClass> classes) {
  if (classes.size() != classes_.size()) {
    throw std::invalid_argument("setClasses: expected " + std::to_string(classes_.size()) + " classes, got " +
                                std::to_string(classes.size()));
  }
  classes_ = std::move(classes);
  ordering_ = Ordering(config_.policy, config_.alphaSPerToken, classes_);
  std::fill(std::begin(waitingByImportance_), std::end(waitingByImportance_), 0);
  for (const Slot slot : waiting_.waitingSlots()) ++waitingByImportance_[importanceOf(slot)];
  rebuildWaiting();
  for (HeapEntry& entry : relegated_) entry.key = ordering_.key(states_[entry.slot]);
  std::make_heap(relegated_.begin(), relegated_.end(), heapAfter<HeapEntry, HeapEntry>);
}

void Scheduler::setConfig(const SchedulerConfig& config) {
  if (config.kvBlockTokens != config_.kvBlockTokens || config.kvBlocksOverride != config_.kvBlocksOverride) {
    throw std::invalid_argument("setConfig: the KV layout (kv_block_tokens, kv_blocks) cannot change while running");
  }
  config_ = config;
  ordering_ = Ordering(config_.policy, config_.alphaSPerToken, classes_);
  rebuildWaiting();
  for (HeapEntry& entry : relegated_) entry.key = ordering_.key(states_[entry.slot]);
  std::make_heap(relegated_.begin(), relegated_.end(), heapAfter<HeapEntry, HeapEntry>);
}

bool Scheduler::finishEarly(RequestId id, TimePoint now) {
  const auto found = std::find_if(decoding_.begin(), decoding_.end(),
                                  [&](Slot slot) { return states_[slot].request.id == id; });
  if (found == decoding_.end()) return false;
  const Slot slot = *found;
  decoding_.erase(found);
  RequestState& state = states_[slot];
  outstandingTokens_ -= state.remainingDecode();
  state.request.outputTokens = state.generatedTokens;
  finish(slot, now);
  return true;
}

bool Scheduler::eraseFromHeap(std::vector<HeapEntry>& heap, Slot slot) {
  const auto found = std::find_if(heap.begin(), heap.end(), [slot](const HeapEntry& entry) { return entry.slot == slot; });
  if (found == heap.end()) return false;
  heap.erase(found);
  std::make_heap(heap.begin(), heap.end(), heapAfter<HeapEntry, HeapEntry>);
  return true;
}

bool Scheduler::cancel(RequestId id, TimePoint now) {
  // A held request is in exactly one of the four places.
  const auto isRequest = [&](Slot slot) { return states_[slot].request.id == id; };
  std::optional<Slot> slot;
  for (std::vector<Slot>* list : {&decoding_, &prefilling_}) {
    if (const auto it = std::find_if(list->begin(), list->end(), isRequest); it != list->end()) {
      slot = *it;
      list->erase(it);
      break;
    }
  }
  if (!slot) {
    const auto it = std::find_if(relegated_.begin(), relegated_.end(), [&](const HeapEntry& entry) { return isRequest(entry.slot); });
    if (it != relegated_.end()) {
      slot = it->slot;
      eraseFromHeap(relegated_, *slot);
    }
  }
  if (!slot) {
    const std::vector<Slot> waiting = waiting_.waitingSlots();
    if (const auto it = std::find_if(waiting.begin(), waiting.end(), isRequest); it != waiting.end()) {
      slot = *it;
      waiting_.remove(*slot);
      --waitingByImportance_[importanceOf(*slot)];
    }
  }
  if (!slot) return false;
  RequestState& state = states_[*slot];
  outstandingTokens_ -= std::int64_t{state.remainingPrefill()} + state.remainingDecode();
  pendingPrefillTokens_ -= state.remainingPrefill();
  observer_.onCancelled(state, now);
  blocks_.release(state.kvBlocks);
  state.kvBlocks = 0;
  freeSlot(*slot);
  return true;
}

void Scheduler::schedule(TimePoint now, Batch& batch) {
  batch.clear();
  batchSlots_.clear();
  iterationStart_ = now;
  std::int64_t minSlackUs = kNoSlackUs;
  scheduleDecodes(now, batch, minSlackUs);
  schedulePrefills(now, batch, prefillBudget(batch, minSlackUs));
}

void Scheduler::scheduleDecodes(TimePoint now, Batch& batch, std::int64_t& minSlackUs) {
  std::int64_t needed = 0;
  for (const Slot slot : decoding_) {
    const RequestState& state = states_[slot];
    needed += blocks_.extraBlocksFor(state.kvBlocks, state.cachedTokens + 1);
  }
  if (needed > blocks_.freeBlocks()) {
    // Not every decode can grow: recompute-preempt the lowest-priority running requests until they can.
    scratch_.assign(decoding_.begin(), decoding_.end());
    scratch_.insert(scratch_.end(), prefilling_.begin(), prefilling_.end());
    std::sort(scratch_.begin(), scratch_.end(),
              [this](Slot a, Slot b) { return ordering_.key(states_[a]) > ordering_.key(states_[b]); });
    for (const Slot victim : scratch_) {
      if (needed <= blocks_.freeBlocks()) break;
      const RequestState& state = states_[victim];
      if (state.decoding()) needed -= blocks_.extraBlocksFor(state.kvBlocks, state.cachedTokens + 1);
      preempt(victim, now);
    }
  }
  for (const Slot slot : decoding_) {
    RequestState& state = states_[slot];
    const std::int64_t extra = blocks_.extraBlocksFor(state.kvBlocks, state.cachedTokens + 1);
    if (extra > 0) {
      blocks_.tryAllocate(extra);
      state.kvBlocks += static_cast<std::int32_t>(extra);
    }
    batch.addDecode(state.request.id, state.cachedTokens);
    batchSlots_.push_back(slot);
    inBatch_[slot] = 1;
    const Slo& slo = classes_[state.request.classId].slo;
    if (slo.tbt) {
      const std::int64_t slackUs = (tokenDeadline(state, state.generatedTokens + 1) - now).count();
      minSlackUs = std::min(minSlackUs, slackUs);
    }
  }
}

void Scheduler::preempt(Slot slot, TimePoint now) {
  RequestState& state = states_[slot];
  const std::int32_t remainingBefore = state.remainingPrefill();
  blocks_.release(state.kvBlocks);
  state.kvBlocks = 0;
  state.cachedTokens = 0;
  state.prefillTarget = state.request.promptTokens + state.generatedTokens;
  state.preemptions += 1;
  outstandingTokens_ += state.remainingPrefill() - remainingBefore;
  pendingPrefillTokens_ += state.remainingPrefill() - remainingBefore;
  auto removeFrom = [slot](std::vector<Slot>& list) {
    if (const auto it = std::find(list.begin(), list.end(), slot); it != list.end()) list.erase(it);
  };
  removeFrom(decoding_);
  removeFrom(prefilling_);
  observer_.onPreempted(state, now);
  if (state.relegated) {
    pushRelegated(slot);
  } else {
    pushWaiting(slot);
  }
}

std::int32_t Scheduler::prefillBudget(const Batch& batch, std::int64_t minSlackUs) const {
  const std::int32_t decodes = batch.shape.decodeTokens;
  const std::int32_t room = std::max(0, config_.maxBatchTokens - decodes);
  switch (config_.chunking.mode) {
    case ChunkingMode::Fixed: return std::max(0, std::min(config_.chunking.fixedTokens - decodes, room));
    case ChunkingMode::None: return room;
    case ChunkingMode::Dynamic: return std::min(dynamicChunk(batch.shape, minSlackUs), room);
  }
  return room;
}

std::int32_t Scheduler::dynamicChunk(const BatchShape& shape, std::int64_t minSlackUs) const {
  const std::int32_t cap = blocks_.usedFraction() > kKvLowFraction ? kKvLowChunkCap : kDynamicChunks.front();
  if (minSlackUs == kNoSlackUs) return cap;
  std::int64_t context = 0;
  for (const Slot slot : prefilling_) context = std::max(context, states_[slot].cachedTokens);
  for (const std::int32_t chunk : kDynamicChunks) {
    if (chunk > cap) continue;
    BatchShape candidate = shape;
    candidate.addPrefill(chunk, context);
    const double predictedUs = static_cast<double>(timeModel_.predict(candidate).count());
    if (predictedUs * config_.dynamicSafetyFactor <= static_cast<double>(minSlackUs)) return chunk;
  }
  return std::min(config_.dynamicFloorTokens, cap);
}

bool Scheduler::isProtected(const RequestState& state, TimePoint now, std::int32_t budget) const {
  const auto finish = now + durationFromSeconds(state.remainingPrefill() / prefillTokensPerS_);
  const auto delay = durationFromSeconds(budget / prefillTokensPerS_);
  // Only a prefill that can still make its deadline, but not after one more iteration's delay. The
  // class's deadline: protection puts it before other classes' newcomers, which a hint may not buy.
  const TimePoint deadline = state.classFirstTokenDeadline;
  return finish <= deadline && finish + delay > deadline;
}

bool Scheduler::shouldRelegate(const RequestState& state, TimePoint now) const {
  const auto eta = now + durationFromSeconds(state.remainingPrefill() / prefillTokensPerS_);
  if (eta <= state.firstTokenDeadline) return false;
  // Low importance goes first: a request is relegated only when nothing less important is waiting.
  const int importance = importanceOf(static_cast<Slot>(&state - states_.data()));
  for (int lower = importance + 1; lower <= static_cast<int>(Importance::Low); ++lower) {
    if (waitingByImportance_[lower] > 0) return false;
  }
  return true;
}

void Scheduler::relegate(Slot slot, TimePoint now) {
  RequestState& state = states_[slot];
  state.relegated = true;
  observer_.onRelegated(state, now);
  pushRelegated(slot);
}

std::int32_t Scheduler::addPrefillChunk(Slot slot, TimePoint now, Batch& batch, std::int32_t budget,
                                        bool firstPrefill) {
  RequestState& state = states_[slot];
  const std::int32_t remaining = state.remainingPrefill();
  std::int32_t chunk = std::min(remaining, budget);
  const bool whole = config_.chunking.mode == ChunkingMode::None;
  if (whole) {
    if (!firstPrefill && remaining > budget) return 0;
    chunk = remaining;
  }
  if (chunk <= 0) return 0;
  const std::int64_t reserve = state.started ? 0 : watermarkBlocks_;
  std::int64_t extra = blocks_.extraBlocksFor(state.kvBlocks, state.cachedTokens + chunk);
  if (extra + reserve > blocks_.freeBlocks()) {
    if (whole) return 0;
    const std::int64_t usable = std::max<std::int64_t>(0, blocks_.freeBlocks() - reserve);
    const std::int64_t fits = (state.kvBlocks + usable) * blocks_.blockTokens() - state.cachedTokens;
    chunk = static_cast<std::int32_t>(std::min<std::int64_t>(chunk, fits));
    if (chunk <= 0) return 0;
    extra = blocks_.extraBlocksFor(state.kvBlocks, state.cachedTokens + chunk);
  }
  blocks_.tryAllocate(extra);
  state.kvBlocks += static_cast<std::int32_t>(extra);
  if (!state.started) {
    state.started = true;
    state.firstScheduled = now;
    observer_.onFirstScheduled(state, now);
  }
  batch.addPrefill(state.request.id, chunk, state.cachedTokens);
  batchSlots_.push_back(slot);
  inBatch_[slot] = 1;
  return chunk;
}

void Scheduler::schedulePrefills(TimePoint now, Batch& batch, std::int32_t budget) {
  if (budget <= 0) return;
  const auto keyOf = [this](Slot slot) { return ordering_.key(states_[slot]); };
  std::int32_t running = static_cast<std::int32_t>(decoding_.size() + prefilling_.size());
  bool firstPrefill = true;
  auto take = [&](Slot slot) {
    const std::int32_t added = addPrefillChunk(slot, now, batch, budget, firstPrefill);
    budget -= added;
    if (added > 0) firstPrefill = false;
    return added;
  };

  // Started prefills, most urgent first. Those a delay would push past their deadline go before any
  // newcomer; the others compete with the waiting queue by key (selective preemption).
  scratch_.assign(prefilling_.begin(), prefilling_.end());
  std::sort(scratch_.begin(), scratch_.end(), [&](Slot a, Slot b) { return keyOf(a) < keyOf(b); });
  auto firstOpen = scratch_.begin();
  if (config_.selectivePreemption) {
    firstOpen = std::stable_partition(scratch_.begin(), scratch_.end(),
                                      [&](Slot slot) { return isProtected(states_[slot], now, budget); });
  } else {
    firstOpen = scratch_.end();
  }
  for (auto it = scratch_.begin(); it != firstOpen && budget > 0; ++it) take(*it);

  auto open = firstOpen;
  bool admit = true;
  while (budget > 0) {
    const bool havePartial = open != scratch_.end();
    const bool haveWaiting = admit && !waiting_.empty();
    if (!havePartial && !haveWaiting) break;
    if (havePartial && (!haveWaiting || keyOf(*open) < waiting_.front().turn.key)) {
      take(*open++);
      continue;
    }
    const WaitingQueue::Front next = waiting_.front();
    const Slot slot = next.slot;
    if (config_.relegation == Relegation::On && shouldRelegate(states_[slot], now)) {
      waiting_.remove(slot);
      --waitingByImportance_[importanceOf(slot)];
      relegate(slot, now);
      continue;
    }
    if (running >= config_.maxBatchSize || take(slot) == 0) {
      admit = false;
      continue;
    }
    waiting_.popFront();
    --waitingByImportance_[importanceOf(slot)];
    // It runs in its class's turn, with that turn's place among the classes.
    states_[slot].classFirstTokenDeadline = next.turn.firstTokenDeadline;
    states_[slot].classFinalDeadline = next.turn.finalDeadline;
    prefilling_.push_back(slot);
    ++running;
  }

  // Relegated work runs only when nothing else is waiting.
  while (budget > 0 && admit && waiting_.empty() && !relegated_.empty() && running < config_.maxBatchSize) {
    const Slot slot = relegated_.front().slot;
    if (take(slot) == 0) break;
    popHeap(relegated_);
    prefilling_.push_back(slot);
    ++running;
  }
}

void Scheduler::emitToken(RequestState& state, TimePoint end) {
  state.generatedTokens += 1;
  outstandingTokens_ -= 1;
  Duration gap{};
  if (state.generatedTokens == 1) {
    state.firstToken = end;
  } else {
    gap = end - state.lastToken;
    // Token n is due by anchor + (n - 1) x tbt, so its lateness as a pace is (end - anchor) / (n - 1),
    // rounded up: the pace exceeds the bound exactly when the token missed its deadline.
    const std::int64_t sinceAnchorUs = (end - tbtAnchor(state)).count();
    const std::int64_t laterTokens = state.generatedTokens - 1;
    const Duration pace{sinceAnchorUs <= 0 ? 0 : (sinceAnchorUs + laterTokens - 1) / laterTokens};
    state.worstTokenPace = std::max(state.worstTokenPace, pace);
    const Slo& slo = classes_[state.request.classId].slo;
    if (slo.tbt && end > tokenDeadline(state, state.generatedTokens)) state.tbtDeadlineMissed = true;
  }
  state.lastToken = end;
  observer_.onToken(state, end, gap);
}

void Scheduler::finish(Slot slot, TimePoint end) {
  RequestState& state = states_[slot];
  observer_.onFinished(state, end);
  blocks_.release(state.kvBlocks);
  state.kvBlocks = 0;
  freeSlot(slot);
}

void Scheduler::complete(const Batch& batch, TimePoint end) {
  const double durationS = std::max(1e-9, toSeconds(end - iterationStart_));
  if (batch.shape.prefillTokens > 0) {
    const double rate = batch.shape.prefillTokens / durationS;
    prefillTokensPerS_ = (1.0 - kEmaWeight) * prefillTokensPerS_ + kEmaWeight * rate;
  }
  if (batch.shape.decodeTokens > 0) {
    const double stepUs = (1.0 - kEmaWeight) * static_cast<double>(decodeStep_.count()) +
                          kEmaWeight * static_cast<double>((end - iterationStart_).count());
    decodeStep_ = Duration{static_cast<std::int64_t>(stepUs)};
  }

  std::vector<Slot>& nextPrefilling = nextPrefilling_;
  std::vector<Slot>& nextDecoding = nextDecoding_;
  nextPrefilling.clear();
  nextDecoding.clear();
  for (const Slot slot : prefilling_) {
    if (!inBatch_[slot]) nextPrefilling.push_back(slot);
  }
  for (std::size_t i = 0; i < batch.entries.size(); ++i) {
    const BatchEntry& entry = batch.entries[i];
    const Slot slot = batchSlots_[i];
    inBatch_[slot] = 0;
    RequestState& state = states_[slot];
    state.cachedTokens += entry.newTokens;
    if (entry.decode) {
      emitToken(state, end);
    } else {
      outstandingTokens_ -= entry.newTokens;
      pendingPrefillTokens_ -= entry.newTokens;
      if (!state.prefilling()) emitToken(state, end);
    }
    if (state.finished()) {
      finish(slot, end);
    } else if (state.prefilling()) {
      nextPrefilling.push_back(slot);
    } else {
      nextDecoding.push_back(slot);
    }
  }
  prefilling_.swap(nextPrefilling);
  decoding_.swap(nextDecoding);
}

std::vector<RequestId> Scheduler::dropBatch(const Batch& batch) {
  std::vector<RequestId> dropped;
  dropped.reserve(batch.entries.size());
  const auto removeFrom = [](std::vector<Slot>& list, Slot slot) {
    if (const auto it = std::find(list.begin(), list.end(), slot); it != list.end()) list.erase(it);
  };
  for (std::size_t i = 0; i < batch.entries.size() && i < batchSlots_.size(); ++i) {
    const Slot slot = batchSlots_[i];
    inBatch_[slot] = 0;
    RequestState& state = states_[slot];
    removeFrom(prefilling_, slot);
    removeFrom(decoding_, slot);
    outstandingTokens_ -= std::int64_t{state.remainingPrefill()} + state.remainingDecode();
    pendingPrefillTokens_ -= state.remainingPrefill();
    blocks_.release(state.kvBlocks);
    state.kvBlocks = 0;
    dropped.push_back(state.request.id);
    freeSlot(slot);
  }
  batchSlots_.clear();
  return dropped;
}

}  // namespace headroom::engine
