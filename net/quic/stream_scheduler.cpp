#include "net/quic/stream_scheduler.h"

#include <algorithm>
#include <array>
#include <deque>
#include <map>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <utility>

namespace headroom::net::quic {

namespace {

constexpr std::array<std::pair<StreamSchedulerKind, std::string_view>, 5> kNames{{
    {StreamSchedulerKind::RoundRobin, "rr"},
    {StreamSchedulerKind::Fcfs, "fcfs"},
    {StreamSchedulerKind::AbsolutePriority, "abs"},
    {StreamSchedulerKind::Edf, "edf"},
    {StreamSchedulerKind::MultiLevel, "ml"},
}};

// One open stream as the scheduler sees it.
struct Entry {
  StreamId id = 0;
  StreamAttributes attributes;
  std::uint64_t unsentBytes = 0;
  bool flowBlocked = false;

  bool sendable() const { return unsentBytes > 0 && !flowBlocked; }
};

// The open streams keyed by opening order (a sequence number), with a lookup by stream id.
class StreamTable {
 public:
  using Entries = std::map<std::uint64_t, Entry>;

  void open(StreamId id, const StreamAttributes& attributes) {
    if (Entry* existing = find(id)) {  // opened again: new attributes, same place in the order
      existing->attributes = attributes;
      return;
    }
    const std::uint64_t sequence = nextSequence_++;
    entries_.emplace(sequence, Entry{id, attributes, 0, false});
    sequenceOf_.emplace(id, sequence);
  }
  void close(StreamId id) {
    const auto found = sequenceOf_.find(id);
    if (found == sequenceOf_.end()) return;
    entries_.erase(found->second);
    sequenceOf_.erase(found);
  }
  Entry* find(StreamId id) {
    const auto found = sequenceOf_.find(id);
    return found == sequenceOf_.end() ? nullptr : &entries_.at(found->second);
  }
  std::optional<std::uint64_t> sequenceOf(StreamId id) const {
    const auto found = sequenceOf_.find(id);
    if (found == sequenceOf_.end()) return std::nullopt;
    return found->second;
  }
  const Entries& entries() const { return entries_; }

 private:
  Entries entries_;
  std::unordered_map<StreamId, std::uint64_t> sequenceOf_;
  std::uint64_t nextSequence_ = 0;
};

// Round robin over the streams a predicate admits: the current stream keeps its turn until it has sent
// a quantum or has nothing sendable; then the next admitted stream in opening order (wrapping) goes.
class RoundRobinCursor {
 public:
  template <typename Eligible>
  std::optional<StreamId> pick(const StreamTable::Entries& entries, std::uint64_t quantumBytes, Eligible eligible) {
    if (hasCurrent_) {
      const auto current = entries.find(currentSequence_);
      if (current != entries.end() && eligible(current->second) && turnBytes_ < quantumBytes) return current->second.id;
    }
    const auto start = hasCurrent_ ? entries.upper_bound(currentSequence_) : entries.begin();
    for (auto it = start; it != entries.end(); ++it) {
      if (eligible(it->second)) return take(it);
    }
    for (auto it = entries.begin(); it != start; ++it) {
      if (eligible(it->second)) return take(it);
    }
    return std::nullopt;
  }
  void sent(std::uint64_t sequence, std::uint64_t bytes) {
    if (hasCurrent_ && sequence == currentSequence_) turnBytes_ += bytes;
  }

 private:
  std::optional<StreamId> take(StreamTable::Entries::const_iterator it) {
    hasCurrent_ = true;
    currentSequence_ = it->first;
    turnBytes_ = 0;
    return it->second.id;
  }

  bool hasCurrent_ = false;
  std::uint64_t currentSequence_ = 0;
  std::uint64_t turnBytes_ = 0;
};

// Whether a stream's unsent bytes, at the pacing rate, plus half an RTT still reach the far end by its
// deadline.
bool canFinishInTime(const Entry& entry, QuicTime deadline, QuicTime now, const LinkEstimate& link) {
  std::chrono::nanoseconds needed = link.smoothedRtt / 2;
  if (link.pacingBytesPerSecond > 0) {
    needed += std::chrono::nanoseconds(
        static_cast<std::int64_t>(static_cast<double>(entry.unsentBytes) * 1e9 / link.pacingBytesPerSecond));
  }
  return now + needed <= deadline;
}

// EDF over the streams a predicate admits: drops those past their deadline (into `expired`, and out of
// the table), then picks the earliest deadline that can still finish, else the first stream without a
// deadline, else (`skipped`) the earliest deadline that can no longer finish.
struct EdfPick {
  std::optional<StreamId> primary;
  std::optional<StreamId> skipped;
};

template <typename Admitted>
EdfPick pickEarliestDeadline(StreamTable& table, QuicTime now, const LinkEstimate& link, Admitted admitted,
                             std::vector<StreamId>& expired) {
  const std::size_t firstExpired = expired.size();
  for (const auto& [sequence, entry] : table.entries()) {
    if (admitted(entry) && entry.attributes.deadline && *entry.attributes.deadline <= now) expired.push_back(entry.id);
  }
  for (std::size_t i = firstExpired; i < expired.size(); ++i) table.close(expired[i]);

  const Entry* feasible = nullptr;
  const Entry* infeasible = nullptr;
  const Entry* withoutDeadline = nullptr;
  for (const auto& [sequence, entry] : table.entries()) {
    if (!admitted(entry) || !entry.sendable()) continue;
    if (!entry.attributes.deadline) {
      if (withoutDeadline == nullptr) withoutDeadline = &entry;
      continue;
    }
    const QuicTime deadline = *entry.attributes.deadline;
    const Entry*& best = canFinishInTime(entry, deadline, now, link) ? feasible : infeasible;
    if (best == nullptr || deadline < *best->attributes.deadline) best = &entry;  // ties: opening order
  }
  EdfPick pick;
  if (feasible != nullptr) {
    pick.primary = feasible->id;
  } else if (withoutDeadline != nullptr) {
    pick.primary = withoutDeadline->id;
  }
  if (infeasible != nullptr) pick.skipped = infeasible->id;
  return pick;
}

// The state every policy shares: the table, the pending bytes, and the bookkeeping of sent().
class TableScheduler : public StreamScheduler {
 public:
  void open(StreamId id, const StreamAttributes& attributes, QuicTime /*now*/) override { table_.open(id, attributes); }
  void close(StreamId id) override { table_.close(id); }
  void setPending(StreamId id, std::uint64_t unsentBytes, bool flowBlocked) override {
    if (Entry* entry = table_.find(id)) {
      entry->unsentBytes = unsentBytes;
      entry->flowBlocked = flowBlocked;
    }
  }
  void sent(StreamId id, std::uint64_t bytes) override {
    Entry* entry = table_.find(id);
    if (entry == nullptr) return;
    entry->unsentBytes -= std::min(entry->unsentBytes, bytes);
    onSent(*table_.sequenceOf(id), *entry, bytes);
  }

 protected:
  virtual void onSent(std::uint64_t /*sequence*/, const Entry& /*entry*/, std::uint64_t /*bytes*/) {}

  StreamTable table_;
};

bool isSendable(const Entry& entry) { return entry.sendable(); }

class RoundRobinScheduler final : public TableScheduler {
 public:
  explicit RoundRobinScheduler(std::uint64_t quantumBytes) : quantumBytes_(quantumBytes) {}
  Decision next(QuicTime /*now*/, const LinkEstimate& /*link*/) override {
    return Decision{cursor_.pick(table_.entries(), quantumBytes_, isSendable), {}};
  }

 private:
  void onSent(std::uint64_t sequence, const Entry& /*entry*/, std::uint64_t bytes) override { cursor_.sent(sequence, bytes); }

  std::uint64_t quantumBytes_;
  RoundRobinCursor cursor_;
};

class FcfsScheduler final : public TableScheduler {
 public:
  Decision next(QuicTime /*now*/, const LinkEstimate& /*link*/) override {
    for (const auto& [sequence, entry] : table_.entries()) {
      if (entry.sendable()) return Decision{entry.id, {}};
    }
    return {};
  }
};

class AbsolutePriorityScheduler final : public TableScheduler {
 public:
  Decision next(QuicTime /*now*/, const LinkEstimate& /*link*/) override {
    const Entry* best = nullptr;
    for (const auto& [sequence, entry] : table_.entries()) {
      if (entry.sendable() && (best == nullptr || entry.attributes.level < best->attributes.level)) best = &entry;
    }
    if (best == nullptr) return {};
    return Decision{best->id, {}};
  }
};

class EdfScheduler final : public TableScheduler {
 public:
  Decision next(QuicTime now, const LinkEstimate& link) override {
    Decision decision;
    const EdfPick pick = pickEarliestDeadline(table_, now, link, [](const Entry&) { return true; }, decision.expired);
    decision.send = pick.primary ? pick.primary : pick.skipped;
    return decision;
  }
};

// Level 0 by EDF (with dropping); levels >= 1 strictly by level, round robin within one. While both
// have sendable bytes, the bytes sent are remembered over a window; when best-effort's share of it is
// below the minimum, best-effort goes next.
class MultiLevelScheduler final : public TableScheduler {
 public:
  MultiLevelScheduler(std::uint64_t quantumBytes, double bestEffortMinShare)
      : quantumBytes_(quantumBytes), bestEffortMinShare_(bestEffortMinShare) {}

  Decision next(QuicTime now, const LinkEstimate& link) override {
    Decision decision;
    const EdfPick realTime = pickEarliestDeadline(
        table_, now, link, [](const Entry& entry) { return entry.attributes.level == 0; }, decision.expired);
    const std::optional<StreamId> bestEffort = pickBestEffort();
    contended_ = realTime.primary.has_value() && bestEffort.has_value();
    if (contended_ && windowBytes_ > 0 &&
        static_cast<double>(windowBestEffortBytes_) < bestEffortMinShare_ * static_cast<double>(windowBytes_)) {
      decision.send = bestEffort;
    } else if (realTime.primary) {
      decision.send = realTime.primary;
    } else if (bestEffort) {
      decision.send = bestEffort;
    } else {
      decision.send = realTime.skipped;
    }
    return decision;
  }

 private:
  static constexpr std::uint64_t kShareWindowBytes = 64 * 1024;

  std::optional<StreamId> pickBestEffort() {
    std::optional<std::uint8_t> level;
    for (const auto& [sequence, entry] : table_.entries()) {
      if (entry.attributes.level >= 1 && entry.sendable() && (!level || entry.attributes.level < *level)) {
        level = entry.attributes.level;
      }
    }
    if (!level) return std::nullopt;
    return cursors_[*level].pick(table_.entries(), quantumBytes_, [level](const Entry& entry) {
      return entry.attributes.level == *level && entry.sendable();
    });
  }

  void onSent(std::uint64_t sequence, const Entry& entry, std::uint64_t bytes) override {
    const bool bestEffort = entry.attributes.level >= 1;
    if (bestEffort) cursors_[entry.attributes.level].sent(sequence, bytes);
    if (!contended_ || bytes == 0) return;
    window_.emplace_back(bytes, bestEffort);
    windowBytes_ += bytes;
    if (bestEffort) windowBestEffortBytes_ += bytes;
    while (window_.size() > 1 && windowBytes_ - window_.front().first >= kShareWindowBytes) {
      windowBytes_ -= window_.front().first;
      if (window_.front().second) windowBestEffortBytes_ -= window_.front().first;
      window_.pop_front();
    }
  }

  std::uint64_t quantumBytes_;
  double bestEffortMinShare_;
  std::map<std::uint8_t, RoundRobinCursor> cursors_;
  bool contended_ = false;
  std::deque<std::pair<std::uint64_t, bool>> window_;  // bytes, best-effort
  std::uint64_t windowBytes_ = 0;
  std::uint64_t windowBestEffortBytes_ = 0;
};

}  // namespace

std::string_view streamSchedulerName(StreamSchedulerKind kind) {
  for (const auto& [candidate, name] : kNames) {
    if (candidate == kind) return name;
  }
  return kNames[0].second;
}

std::optional<StreamSchedulerKind> parseStreamSchedulerName(std::string_view name) {
  for (const auto& [kind, candidate] : kNames) {
    if (candidate == name) return kind;
  }
  return std::nullopt;
}

std::string_view streamSchedulerNames() { return "rr, fcfs, abs, edf, ml"; }

std::unique_ptr<StreamScheduler> makeStreamScheduler(const StreamSchedulerOptions& options) {
  if (options.quantumBytes == 0) throw std::invalid_argument("stream scheduler: quantum 0 bytes: allowed >= 1");
  if (!(options.bestEffortMinShare >= 0 && options.bestEffortMinShare <= 0.5)) {
    throw std::invalid_argument("stream scheduler: best-effort minimum share " +
                                std::to_string(options.bestEffortMinShare) + ": allowed 0..0.5");
  }
  switch (options.kind) {
    case StreamSchedulerKind::RoundRobin:
      return std::make_unique<RoundRobinScheduler>(options.quantumBytes);
    case StreamSchedulerKind::Fcfs:
      return std::make_unique<FcfsScheduler>();
    case StreamSchedulerKind::AbsolutePriority:
      return std::make_unique<AbsolutePriorityScheduler>();
    case StreamSchedulerKind::Edf:
      return std::make_unique<EdfScheduler>();
    case StreamSchedulerKind::MultiLevel:
      return std::make_unique<MultiLevelScheduler>(options.quantumBytes, options.bestEffortMinShare);
  }
  throw std::invalid_argument("stream scheduler: unknown kind; allowed " + std::string(streamSchedulerNames()));
}

}  // namespace headroom::net::quic
