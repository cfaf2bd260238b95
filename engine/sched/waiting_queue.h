#pragma once

#include <cstddef>
#include <cstdint>
#include <set>
#include <utility>
#include <vector>

#include "engine/core/qos_class.h"
#include "engine/core/time.h"
#include "engine/sched/priority_key.h"

namespace headroom::engine {

// One place of a class in the order among classes: the key it competes with (Ordering::key) and the
// class deadlines that key came from.
struct ClassTurn {
  PriorityKey key;
  TimePoint firstTokenDeadline{};
  TimePoint finalDeadline{};
};

// The requests of one scheduler that wait to start, by slot. Classes compete with one another by their
// turns, the class keys of their waiting requests (Ordering::key, which no hint changes); which of a
// class's requests takes the class's next turn is decided by their hinted keys (Ordering::hintedKey).
// So a deadline hint reorders a request among the requests of its class, and a class keeps the place
// among classes that its requests would have without hints, whatever they ask for.
//
// front() is O(classes); push and removal O(log n). A value type; not thread-safe (the scheduler's).
class WaitingQueue {
 public:
  using Slot = std::uint32_t;

  struct Front {
    Slot slot = 0;
    ClassId classId = 0;
    ClassTurn turn;  // the class's turn it takes: the request carries these deadlines once it starts
  };

  // `turn` is the request's own class key and deadlines, `hintedKey` its key within the class.
  void push(ClassId classId, Slot slot, const ClassTurn& turn, const PriorityKey& hintedKey);
  bool empty() const { return size_ == 0; }
  std::size_t size() const { return size_; }
  bool contains(Slot slot) const { return slot < members_.size() && members_[slot].waiting; }

  // The request that runs next: the most urgent by hint of the class whose earliest turn comes first.
  // Precondition: !empty().
  Front front() const;
  // Removes front(); its class gives up that turn.
  void popFront();
  // Removes a waiting request that leaves without running here (relegated, taken back, cancelled): its
  // class gives up the request's own turn, or its latest one when another request already took that.
  void remove(Slot slot);
  void clear();

  // Every waiting slot, in no particular order.
  std::vector<Slot> waitingSlots() const;

 private:
  struct TurnOrder {
    bool operator()(const ClassTurn& a, const ClassTurn& b) const { return a.key < b.key; }
  };
  struct ClassQueue {
    std::set<ClassTurn, TurnOrder> turns;
    std::set<std::pair<PriorityKey, Slot>> requests;  // by hinted key
  };
  struct Member {
    bool waiting = false;
    ClassId classId = 0;
    PriorityKey turnKey;
    PriorityKey hintedKey;
  };

  std::size_t frontClass() const;

  std::vector<ClassQueue> classes_;
  std::vector<Member> members_;  // by slot
  std::size_t size_ = 0;
};

}  // namespace headroom::engine
