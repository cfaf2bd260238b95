#include "engine/sched/waiting_queue.h"

#include <cassert>
#include <iterator>

namespace headroom::engine {

void WaitingQueue::push(ClassId classId, Slot slot, const ClassTurn& turn, const PriorityKey& hintedKey) {
  if (classId >= classes_.size()) classes_.resize(std::size_t{classId} + 1);
  if (slot >= members_.size()) members_.resize(std::size_t{slot} + 1);
  assert(!members_[slot].waiting);
  ClassQueue& queue = classes_[classId];
  queue.turns.insert(turn);
  queue.requests.emplace(hintedKey, slot);
  members_[slot] = {true, classId, turn.key, hintedKey};
  ++size_;
}

std::size_t WaitingQueue::frontClass() const {
  std::size_t best = classes_.size();
  for (std::size_t c = 0; c < classes_.size(); ++c) {
    if (classes_[c].turns.empty()) continue;
    if (best == classes_.size() || classes_[c].turns.begin()->key < classes_[best].turns.begin()->key) best = c;
  }
  assert(best < classes_.size());
  return best;
}

WaitingQueue::Front WaitingQueue::front() const {
  const std::size_t c = frontClass();
  const ClassQueue& queue = classes_[c];
  return {queue.requests.begin()->second, static_cast<ClassId>(c), *queue.turns.begin()};
}

void WaitingQueue::popFront() {
  ClassQueue& queue = classes_[frontClass()];
  const Slot slot = queue.requests.begin()->second;
  queue.turns.erase(queue.turns.begin());
  queue.requests.erase(queue.requests.begin());
  members_[slot].waiting = false;
  --size_;
}

void WaitingQueue::remove(Slot slot) {
  assert(contains(slot));
  Member& member = members_[slot];
  ClassQueue& queue = classes_[member.classId];
  queue.requests.erase({member.hintedKey, slot});
  if (const auto own = queue.turns.find(ClassTurn{member.turnKey, {}, {}}); own != queue.turns.end()) {
    queue.turns.erase(own);
  } else {
    queue.turns.erase(std::prev(queue.turns.end()));
  }
  member.waiting = false;
  --size_;
}

void WaitingQueue::clear() {
  classes_.clear();
  members_.clear();
  size_ = 0;
}

std::vector<WaitingQueue::Slot> WaitingQueue::waitingSlots() const {
  std::vector<Slot> result;
  result.reserve(size_);
  for (const ClassQueue& queue : classes_) {
    for (const auto& [key, slot] : queue.requests) result.push_back(slot);
  }
  return result;
}

}  // namespace headroom::engine
