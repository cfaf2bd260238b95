#include "serve/router/member_table.h"

namespace headroom::serve {

using SteadyClock = std::chrono::steady_clock;

MemberTable::MemberTable(const std::vector<RouteMember>& members, RoutePolicy policy,
                         std::vector<std::vector<double>> shares, engine::Duration downFor)
    : downFor_(downFor), policy_(policy), weighted_(std::move(shares)) {
  for (const RouteMember& member : members) {
    Member entry;
    entry.state.name = member.name;
    members_.push_back(entry);
  }
}

int MemberTable::pick(engine::ClassId classId, const std::vector<bool>& tried) {
  std::lock_guard lock(mutex_);
  const auto now = SteadyClock::now();
  std::vector<bool> eligible(members_.size(), false);
  std::vector<int> candidates;
  for (std::size_t m = 0; m < members_.size(); ++m) {
    eligible[m] = !tried[m] && members_[m].up(now);
    if (eligible[m]) candidates.push_back(static_cast<int>(m));
  }
  if (candidates.empty()) return -1;
  if (policy_ == RoutePolicy::Weighted) {
    if (const std::optional<std::size_t> member = weighted_.pick(classId, eligible)) return static_cast<int>(*member);
  }
  // Least in flight; ties rotate so idle members share the work.
  const std::size_t offset = rotation_++ % candidates.size();
  int best = -1;
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    const int m = candidates[(i + offset) % candidates.size()];
    if (best < 0 || members_[static_cast<std::size_t>(m)].state.inFlight < members_[static_cast<std::size_t>(best)].state.inFlight) best = m;
  }
  return best;
}

void MemberTable::attemptStarted(int member) {
  std::lock_guard lock(mutex_);
  MemberState& state = members_[static_cast<std::size_t>(member)].state;
  ++state.inFlight;
  ++state.requests;
}

void MemberTable::attemptEnded(int member, bool failed) {
  std::lock_guard lock(mutex_);
  Member& entry = members_[static_cast<std::size_t>(member)];
  --entry.state.inFlight;
  if (!failed) return;
  ++entry.state.failures;
  const auto now = SteadyClock::now();
  entry.answering = false;
  entry.failedAt = now;
  entry.downUntil = now + std::chrono::microseconds(downFor_.count());
}

void MemberTable::healthChecked(int member, SteadyClock::time_point startedAt, bool answered, std::string_view reason) {
  std::lock_guard lock(mutex_);
  Member& entry = members_[static_cast<std::size_t>(member)];
  if (!answered) {
    entry.answering = false;
    if (!reason.empty()) entry.state.downReason = std::string(reason);
    return;
  }
  entry.state.downReason.clear();
  // An answer to a check sent before the last failure says nothing about the member since.
  if (startedAt >= entry.failedAt) entry.answering = true;
}

std::vector<MemberState> MemberTable::states() const {
  std::lock_guard lock(mutex_);
  std::vector<MemberState> states;
  const auto now = SteadyClock::now();
  for (const Member& member : members_) {
    MemberState state = member.state;
    state.up = member.up(now);
    states.push_back(state);
  }
  return states;
}

void MemberTable::setRouting(RoutePolicy policy, std::vector<std::vector<double>> shares) {
  std::lock_guard lock(mutex_);
  policy_ = policy;
  weighted_ = engine::WeightedRoundRobin(std::move(shares));
}

RouteRouting MemberTable::routing() const {
  std::lock_guard lock(mutex_);
  return {policy_, weighted_.shares()};
}

}  // namespace headroom::serve
