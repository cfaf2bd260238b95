#pragma once

#include <chrono>
#include <cstdint>
#include <mutex>
#include <string>
#include <vector>

#include "engine/core/qos_class.h"
#include "engine/core/time.h"
#include "engine/pool/weighted_round_robin.h"
#include "serve/router/route_config.h"

namespace headroom::serve {

// One member as the router sees it now.
struct MemberState {
  std::string name;
  bool up = true;
  std::int64_t inFlight = 0;
  std::uint64_t requests = 0;  // attempts sent to it
  std::uint64_t failures = 0;  // attempts that failed: unreachable, or broken off (it was then marked down)
  std::string downReason;      // why its last health check failed, when the transport said (QUIC members)
};

// The router's members, their health and the routing policy: which member takes the next attempt of a
// class. A member whose attempt failed is down (skipped by pick) for at least `downFor`, and after that
// until a health check started after the failure answers; a failed health check takes a member down
// too. Weighted: the class's shares over the members that are up and untried (smooth weighted
// round-robin); least-loaded (or a class with no share on any such member): the fewest in flight, ties
// rotating. Thread-safe.
class MemberTable {
 public:
  MemberTable(const std::vector<RouteMember>& members, RoutePolicy policy, std::vector<std::vector<double>> shares,
              engine::Duration downFor);

  // The member for the next attempt of class `classId`: not in `tried`, not down; -1 when none is left.
  int pick(engine::ClassId classId, const std::vector<bool>& tried);
  void attemptStarted(int member);
  // `failed`: the member could not be reached or broke off; it is down until a later health check
  // answers (and at least downFor). Otherwise it answered.
  void attemptEnded(int member, bool failed);
  // A health check of `member` that started at `startedAt` ended: `answered` (in time, below 500) or not.
  // `reason`: why it did not answer, when known (kept in MemberState::downReason until it answers).
  void healthChecked(int member, std::chrono::steady_clock::time_point startedAt, bool answered, std::string_view reason = {});

  std::vector<MemberState> states() const;
  std::size_t size() const { return members_.size(); }

  // Replaces the policy and the shares ([class][member]; an empty row routes that class least-loaded);
  // the weighted rotation restarts.
  void setRouting(RoutePolicy policy, std::vector<std::vector<double>> shares);
  RouteRouting routing() const;

 private:
  struct Member {
    MemberState state;
    bool answering = true;  // false from a failure until a health check started after it answers
    std::chrono::steady_clock::time_point failedAt{};
    std::chrono::steady_clock::time_point downUntil{};

    bool up(std::chrono::steady_clock::time_point now) const { return answering && downUntil <= now; }
  };

  const engine::Duration downFor_;
  mutable std::mutex mutex_;
  std::vector<Member> members_;
  RoutePolicy policy_;
  engine::WeightedRoundRobin weighted_;
  std::uint64_t rotation_ = 0;  // least-loaded tie rotation
};

}  // namespace headroom::serve
