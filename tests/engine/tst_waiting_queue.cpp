// The waiting queue: classes compete by their turns (class keys), requests within a class by their
// hinted keys; a request that leaves unserved takes its own turn with it, or its class's latest.
#include <QtTest>

#include <algorithm>

#include "engine/sched/waiting_queue.h"

using namespace headroom::engine;

namespace {

PriorityKey key(std::int64_t primary, std::uint64_t id) { return PriorityKey{0, primary, 0, id}; }

ClassTurn turn(std::int64_t primary, std::uint64_t id) {
  return ClassTurn{key(primary, id), TimePoint{Duration{primary}}, TimePoint{Duration{primary + 1000}}};
}

}  // namespace

class TestWaitingQueue : public QObject {
  Q_OBJECT

 private slots:
  void classesByTurnRequestsByHint() {
    WaitingQueue queue;
    queue.push(0, 0, turn(10, 0), key(10, 0));
    queue.push(1, 1, turn(5, 1), key(5, 1));
    queue.push(1, 2, turn(20, 2), key(1, 2));  // hinted ahead of its class, not of class 0's turn at 10
    QCOMPARE(queue.size(), std::size_t{3});

    WaitingQueue::Front front = queue.front();
    QCOMPARE(front.classId, ClassId{1});
    QCOMPARE(front.slot, WaitingQueue::Slot{2});
    QCOMPARE(front.turn.key, key(5, 1));  // it takes its class's earliest turn, and that turn's deadlines
    QCOMPARE(front.turn.firstTokenDeadline, TimePoint{Duration{5}});
    queue.popFront();

    front = queue.front();
    QCOMPARE(front.classId, ClassId{0});
    QCOMPARE(front.slot, WaitingQueue::Slot{0});
    queue.popFront();

    front = queue.front();
    QCOMPARE(front.slot, WaitingQueue::Slot{1});
    QCOMPARE(front.turn.key, key(20, 2));  // class 1's remaining turn
    queue.popFront();
    QVERIFY(queue.empty());
  }

  void removedRequestTakesItsOwnTurnOrTheLatest() {
    WaitingQueue queue;
    queue.push(0, 0, turn(1, 0), key(1, 0));
    queue.push(0, 1, turn(2, 1), key(2, 1));
    queue.push(0, 2, turn(3, 2), key(0, 2));
    queue.push(0, 3, turn(4, 3), key(4, 3));
    QCOMPARE(queue.front().slot, WaitingQueue::Slot{2});
    QCOMPARE(queue.front().turn.key, key(1, 0));

    // Slot 2 leaves unserved (relegated): its own turn 3 goes, slot 0 keeps turn 1.
    queue.remove(2);
    QVERIFY(!queue.contains(2));
    QCOMPARE(queue.front().slot, WaitingQueue::Slot{0});
    QCOMPARE(queue.front().turn.key, key(1, 0));

    // Slot 2 comes back hinted to the front and runs in turn 1; then slot 0, whose own turn it took,
    // leaves: the class gives up its latest turn (5), and slot 1 keeps turn 2, slot 3 turn 4.
    queue.push(0, 2, turn(5, 2), key(-1, 2));
    QCOMPARE(queue.front().slot, WaitingQueue::Slot{2});
    queue.popFront();
    queue.remove(0);
    QCOMPARE(queue.size(), std::size_t{2});
    QCOMPARE(queue.front().slot, WaitingQueue::Slot{1});
    QCOMPARE(queue.front().turn.key, key(2, 1));
    queue.popFront();
    QCOMPARE(queue.front().slot, WaitingQueue::Slot{3});
    QCOMPARE(queue.front().turn.key, key(4, 3));
  }

  void waitingSlotsAndClear() {
    WaitingQueue queue;
    queue.push(2, 7, turn(1, 7), key(1, 7));
    queue.push(0, 3, turn(2, 3), key(2, 3));
    std::vector<WaitingQueue::Slot> waiting = queue.waitingSlots();
    std::sort(waiting.begin(), waiting.end());
    QCOMPARE(waiting, (std::vector<WaitingQueue::Slot>{3, 7}));
    QVERIFY(queue.contains(7));
    QVERIFY(!queue.contains(4));
    queue.clear();
    QVERIFY(queue.empty());
    QVERIFY(!queue.contains(7));
  }
};

QTEST_GUILESS_MAIN(TestWaitingQueue)
#include "tst_waiting_queue.moc"
