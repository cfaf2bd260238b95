// AdmissionQueue: per-class bounded queues, the relegate-on-overload hold-back, the KV size check and
// closing. Single-threaded: the queue's own bookkeeping, without a host or a loop.
#include <QtTest>

#include <memory>
#include <stdexcept>

#include "engine/kv/block_manager.h"
#include "serve/server/admission_queue.h"

using namespace headroom::engine;
using namespace headroom::serve;

namespace {

std::vector<ServedClass> twoClasses() {
  ServedClass chat;
  chat.qos = QosClass{"chat", 0, Importance::High, {}};
  chat.queueLimit = 2;
  ServedClass batch;
  batch.qos = QosClass{"batch", 1, Importance::Normal, {}};
  batch.queueLimit = 1;
  batch.overload = OverloadAction::Relegate;
  batch.relegatedLimit = 2;
  return {chat, batch};
}

ServeRequest request(ClassId classId, std::int32_t promptTokens = 10, std::int32_t maxTokens = 10) {
  ServeRequest out;
  out.classId = classId;
  out.promptTokens = promptTokens;
  out.maxTokens = maxTokens;
  return out;
}

std::vector<RequestId> idsOf(const std::vector<AdmittedRequest>& admitted) {
  std::vector<RequestId> ids;
  for (const AdmittedRequest& one : admitted) ids.push_back(one.request.id);
  return ids;
}

}  // namespace

class TestAdmissionQueue : public QObject {
  Q_OBJECT

 private slots:
  void aFullRejectingClassRefuses() {
    AdmissionQueue queue(twoClasses(), 16, BlockManager::kUnbounded);
    QCOMPARE(queue.admit(request(0), nullptr, TimePoint{}).outcome, AdmissionOutcome::Admitted);
    QCOMPARE(queue.admit(request(0), nullptr, TimePoint{}).outcome, AdmissionOutcome::Admitted);
    QCOMPARE(queue.admit(request(0), nullptr, TimePoint{}).outcome, AdmissionOutcome::Rejected);
    // Reaching the scheduler's first iteration frees a place.
    QCOMPARE(queue.takeArrivals().size(), std::size_t{2});
    QCOMPARE(queue.admit(request(0), nullptr, TimePoint{}).outcome, AdmissionOutcome::Rejected);
    queue.leftQueue(0);
    QCOMPARE(queue.admit(request(0), nullptr, TimePoint{}).outcome, AdmissionOutcome::Admitted);
  }

  void aFullRelegatingClassHoldsBackWithinItsBound() {
    AdmissionQueue queue(twoClasses(), 16, BlockManager::kUnbounded);
    const Admission first = queue.admit(request(1), nullptr, TimePoint{});
    const Admission second = queue.admit(request(1), nullptr, TimePoint{});
    const Admission third = queue.admit(request(1), nullptr, TimePoint{});
    QCOMPARE(first.outcome, AdmissionOutcome::Admitted);
    QCOMPARE(second.outcome, AdmissionOutcome::Relegated);
    QCOMPARE(third.outcome, AdmissionOutcome::Relegated);
    QCOMPARE(queue.admit(request(1), nullptr, TimePoint{}).outcome, AdmissionOutcome::Rejected);
    // Only the admitted one goes to the scheduler; the held ones come out oldest first.
    QCOMPARE(idsOf(queue.takeArrivals()), std::vector<RequestId>{first.id});
    const std::optional<AdmittedRequest> held = queue.takeHeldBack();
    QVERIFY(held.has_value());
    QCOMPARE(held->request.id, second.id);
    // A cancelled held request leaves the hold-back; a second cancel finds nothing.
    QVERIFY(queue.takeHeldBack(third.id).has_value());
    QVERIFY(!queue.takeHeldBack(third.id).has_value());
    QVERIFY(!queue.takeHeldBack().has_value());
    // Two held places are free again, the queue itself is full (first and the fed second).
    QCOMPARE(queue.admit(request(1), nullptr, TimePoint{}).outcome, AdmissionOutcome::Relegated);
  }

  void requestsLargerThanTheCacheAreTooLarge() {
    AdmissionQueue queue(twoClasses(), 16, 10);  // 160 tokens, watermark 1 block
    QCOMPARE(queue.admit(request(0, 100, 60), nullptr, TimePoint{}).outcome, AdmissionOutcome::TooLarge);
    QCOMPARE(queue.admit(request(0, 100, 44), nullptr, TimePoint{}).outcome, AdmissionOutcome::Admitted);
  }

  void arrivalsKeepTheirOrderAndArrivalTime() {
    AdmissionQueue queue(twoClasses(), 16, BlockManager::kUnbounded);
    const Admission a = queue.admit(request(0), nullptr, timeFromSeconds(1.0));
    const Admission b = queue.admit(request(1), nullptr, timeFromSeconds(2.0));
    QVERIFY(b.id > a.id);
    const std::vector<AdmittedRequest> arrivals = queue.takeArrivals();
    QCOMPARE(idsOf(arrivals), (std::vector<RequestId>{a.id, b.id}));
    QCOMPARE(arrivals[1].request.arrival, timeFromSeconds(2.0));
    QCOMPARE(arrivals[1].request.classId, ClassId{1});
    QVERIFY(queue.takeArrivals().empty());
  }

  void closingRefusesAndHandsBackEverything() {
    AdmissionQueue queue(twoClasses(), 16, BlockManager::kUnbounded);
    const Admission admitted = queue.admit(request(1), nullptr, TimePoint{});
    const Admission held = queue.admit(request(1), nullptr, TimePoint{});
    queue.close();
    QCOMPARE(queue.admit(request(0), nullptr, TimePoint{}).outcome, AdmissionOutcome::Unavailable);
    QCOMPARE(idsOf(queue.takeAll()), (std::vector<RequestId>{admitted.id, held.id}));
    QVERIFY(queue.takeAll().empty());
  }

  void classesChangeLiveWithTheirNames() {
    AdmissionQueue queue(twoClasses(), 16, BlockManager::kUnbounded);
    std::vector<ServedClass> classes = queue.classes();
    classes[0].queueLimit = 1;
    queue.setClasses(classes);
    const std::optional<std::vector<QosClass>> handed = queue.takeNewClasses();
    QVERIFY(handed.has_value());
    QCOMPARE(handed->size(), std::size_t{2});
    QVERIFY(!queue.takeNewClasses().has_value());
    QCOMPARE(queue.admit(request(0), nullptr, TimePoint{}).outcome, AdmissionOutcome::Admitted);
    QCOMPARE(queue.admit(request(0), nullptr, TimePoint{}).outcome, AdmissionOutcome::Rejected);
    classes[1].qos.name = "renamed";
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, queue.setClasses(classes));
    classes.pop_back();
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, queue.setClasses(classes));
  }

  void rejectsBadRequests() {
    AdmissionQueue queue(twoClasses(), 16, BlockManager::kUnbounded);
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, queue.admit(request(2), nullptr, TimePoint{}));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, queue.admit(request(0, 0, 1), nullptr, TimePoint{}));
    ServeRequest mismatched = request(0, 3, 1);
    mismatched.promptTokenIds = {1, 2};
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, queue.admit(mismatched, nullptr, TimePoint{}));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, AdmissionQueue({}, 16, BlockManager::kUnbounded));
  }
};

QTEST_GUILESS_MAIN(TestAdmissionQueue)
#include "tst_admission_queue.moc"
