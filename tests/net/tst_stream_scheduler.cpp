// The per-class stream schedulers (rr, fcfs, abs, edf, ml), driven as a sender drives them: ask next(),
// write a packet's worth of the chosen stream, report sent() and the bytes left, close what is done or
// expired. The recorded order of packets is what each policy promises.
#include <QtTest>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "net/quic/stream_scheduler.h"

using namespace std::chrono_literals;
using namespace headroom::net::quic;

Q_DECLARE_METATYPE(headroom::net::quic::StreamSchedulerKind)

namespace {

// A sender over one connection: streams with bytes to send, packets of `packetBytes`, and a virtual
// clock that advances by each packet's time at `bytesPerSecond`.
class Sender {
 public:
  explicit Sender(StreamSchedulerOptions options, double bytesPerSecond = 625000, std::uint64_t packetBytes = 1200)
      : scheduler_(makeStreamScheduler(options)), packetBytes_(packetBytes) {
    link_.pacingBytesPerSecond = bytesPerSecond;
    link_.smoothedRtt = 100ms;
  }

  void open(StreamId id, std::uint64_t bytes, std::uint8_t level = 0, std::optional<QuicTime> deadline = std::nullopt) {
    scheduler_->open(id, StreamAttributes{std::string("c").append(std::to_string(level)), level, deadline}, now_);
    remaining_[id] = bytes;
    scheduler_->setPending(id, bytes, false);
  }
  void addBytes(StreamId id, std::uint64_t bytes) {
    remaining_[id] += bytes;
    scheduler_->setPending(id, remaining_[id], false);
  }
  void block(StreamId id, bool blocked) { scheduler_->setPending(id, remaining_[id], blocked); }

  // Sends up to `packets` packets; stops early when nothing is sendable. Returns the stream of each.
  std::vector<StreamId> run(int packets = 1 << 20) {
    std::vector<StreamId> order;
    for (int i = 0; i < packets; ++i) {
      const StreamScheduler::Decision decision = scheduler_->next(now_, link_);
      for (StreamId id : decision.expired) {
        expired_.push_back(id);
        scheduler_->close(id);
        remaining_.erase(id);
      }
      if (!decision.send) break;
      const StreamId id = *decision.send;
      const std::uint64_t bytes = std::min(packetBytes_, remaining_.at(id));
      order.push_back(id);
      bytesSent_[id] += bytes;
      scheduler_->sent(id, bytes);
      remaining_[id] -= bytes;
      scheduler_->setPending(id, remaining_[id], false);
      if (remaining_[id] == 0 && closeWhenDone_) {
        scheduler_->close(id);
        remaining_.erase(id);
      }
      now_ += std::chrono::nanoseconds(static_cast<std::int64_t>(static_cast<double>(bytes) * 1e9 / link_.pacingBytesPerSecond));
    }
    return order;
  }

  StreamScheduler& scheduler() { return *scheduler_; }
  QuicTime& now() { return now_; }
  LinkEstimate& link() { return link_; }
  const std::vector<StreamId>& expired() const { return expired_; }
  std::uint64_t bytesSent(StreamId id) const { return bytesSent_.count(id) ? bytesSent_.at(id) : 0; }
  void keepOpenWhenDone() { closeWhenDone_ = false; }

 private:
  std::unique_ptr<StreamScheduler> scheduler_;
  std::uint64_t packetBytes_;
  LinkEstimate link_;
  QuicTime now_{0};
  std::map<StreamId, std::uint64_t> remaining_;
  std::map<StreamId, std::uint64_t> bytesSent_;
  std::vector<StreamId> expired_;
  bool closeWhenDone_ = true;
};

StreamSchedulerOptions options(StreamSchedulerKind kind, std::uint64_t quantumBytes = 1200, double minShare = 0.1) {
  StreamSchedulerOptions out;
  out.kind = kind;
  out.quantumBytes = quantumBytes;
  out.bestEffortMinShare = minShare;
  return out;
}

using Order = std::vector<StreamId>;

QString show(const Order& order) {
  QStringList parts;
  for (StreamId id : order) parts << QString::number(id);
  return parts.join(' ');
}

#define COMPARE_ORDER(actual, expected)                                                              \
  do {                                                                                               \
    const Order actualOrder = (actual);                                                              \
    const Order expectedOrder = (expected);                                                          \
    QVERIFY2(actualOrder == expectedOrder,                                                           \
             qPrintable("order " + show(actualOrder) + ", expected " + show(expectedOrder)));        \
  } while (false)

}  // namespace

class TestStreamScheduler : public QObject {
  Q_OBJECT

 private slots:
  void roundRobinRotatesOneQuantumAtATime() {
    Sender sender(options(StreamSchedulerKind::RoundRobin));
    sender.open(0, 3000);
    sender.open(4, 3000);
    sender.open(8, 3000);
    COMPARE_ORDER(sender.run(), (Order{0, 4, 8, 0, 4, 8, 0, 4, 8}));
  }

  void roundRobinTurnsLastAQuantum() {
    // A quantum of 3000 bytes in packets of 1200: 1200 + 1200 < 3000, so each turn is three packets.
    Sender sender(options(StreamSchedulerKind::RoundRobin, 3000));
    sender.open(0, 6000);
    sender.open(4, 6000);
    COMPARE_ORDER(sender.run(), (Order{0, 0, 0, 4, 4, 4, 0, 0, 4, 4}));
  }

  void roundRobinIsFairAndTakesInLateStreams() {
    Sender sender(options(StreamSchedulerKind::RoundRobin));
    for (StreamId id : {0, 4, 8, 12}) sender.open(id, 1 << 20);
    sender.run(400);
    for (StreamId id : {0, 4, 8, 12}) QCOMPARE(sender.bytesSent(id), std::uint64_t{100 * 1200});
    sender.open(16, 1 << 20);  // joins the rotation at once
    sender.run(500);
    for (StreamId id : {0, 4, 8, 12}) QCOMPARE(sender.bytesSent(id), std::uint64_t{200 * 1200});
    QCOMPARE(sender.bytesSent(16), std::uint64_t{100 * 1200});
  }

  void roundRobinSkipsStreamsWithNothingToSend() {
    Sender sender(options(StreamSchedulerKind::RoundRobin));
    sender.open(0, 2400);
    sender.open(4, 0);  // an answer waiting for its first token
    sender.open(8, 2400);
    COMPARE_ORDER(sender.run(2), (Order{0, 8}));
    sender.addBytes(4, 1200);
    COMPARE_ORDER(sender.run(), (Order{0, 4, 8}));
  }

  void fcfsSendsInOpeningOrder() {
    Sender sender(options(StreamSchedulerKind::Fcfs));
    sender.open(0, 0);
    sender.open(4, 2400);
    sender.open(8, 2400);
    COMPARE_ORDER(sender.run(1), (Order{4}));
    sender.addBytes(0, 2400);  // the first stream has data now: it goes before the others
    COMPARE_ORDER(sender.run(), (Order{0, 0, 4, 8, 8}));
  }

  void absoluteServesLowestLevelFirstFifoAmongEquals() {
    Sender sender(options(StreamSchedulerKind::AbsolutePriority));
    sender.open(0, 2400, 2);
    sender.open(4, 2400, 1);
    sender.open(8, 2400, 1);
    sender.open(12, 2400, 0);
    COMPARE_ORDER(sender.run(), (Order{12, 12, 4, 4, 8, 8, 0, 0}));
  }

  void edfServesEarliestDeadlineThenThoseWithout() {
    Sender sender(options(StreamSchedulerKind::Edf));
    sender.open(0, 2400, 0, QuicTime(3s));
    sender.open(4, 2400);  // no deadline
    sender.open(8, 2400, 0, QuicTime(1s));
    sender.open(12, 2400, 0, QuicTime(2s));
    COMPARE_ORDER(sender.run(), (Order{8, 8, 12, 12, 0, 0, 4, 4}));
    QVERIFY(sender.expired().empty());
  }

  void edfSkipsAStreamThatCannotFinishInTime() {
    // 625,000 B/s (5 Mbit/s) and an RTT of 100 ms: 102,400 bytes need 164 ms + 50 ms; a deadline at
    // 150 ms cannot be met, so the stream goes after every other stream, even one without a deadline.
    Sender sender(options(StreamSchedulerKind::Edf));
    sender.open(0, 102400, 0, QuicTime(150ms));
    sender.open(4, 2400, 0, QuicTime(2s));
    sender.open(8, 1200);
    const Order order = sender.run(4);
    COMPARE_ORDER(order, (Order{4, 4, 8, 0}));
    QVERIFY(sender.expired().empty());
  }

  void edfSendsAnInfeasibleStreamWhenItIsAlone() {
    Sender sender(options(StreamSchedulerKind::Edf));
    sender.open(0, 102400, 0, QuicTime(150ms));
    COMPARE_ORDER(sender.run(3), (Order{0, 0, 0}));
  }

  void edfReportsExpiredStreamsOnceAndForgetsThem() {
    Sender sender(options(StreamSchedulerKind::Edf));
    sender.keepOpenWhenDone();
    StreamScheduler& scheduler = sender.scheduler();
    const LinkEstimate link{625000, 10ms};
    scheduler.open(0, StreamAttributes{"rt", 0, QuicTime(10ms)}, QuicTime(0));
    scheduler.open(4, StreamAttributes{"rt", 0, QuicTime(15ms)}, QuicTime(0));  // nothing to send: waiting
    scheduler.open(8, StreamAttributes{"be", 1, std::nullopt}, QuicTime(0));
    scheduler.setPending(0, 5000, false);
    scheduler.setPending(8, 1200, true);  // flow-blocked

    StreamScheduler::Decision first = scheduler.next(QuicTime(1ms), link);
    QCOMPARE(first.send, std::optional<StreamId>(0));
    QVERIFY(first.expired.empty());
    scheduler.sent(0, 1200);

    StreamScheduler::Decision second = scheduler.next(QuicTime(20ms), link);
    std::sort(second.expired.begin(), second.expired.end());
    COMPARE_ORDER(second.expired, (Order{0, 4}));
    QVERIFY(!second.send.has_value());  // the only other stream is flow-blocked

    StreamScheduler::Decision third = scheduler.next(QuicTime(21ms), link);
    QVERIFY(third.expired.empty());
    // Forgotten: pending bytes for them change nothing.
    scheduler.setPending(0, 5000, false);
    QVERIFY(!scheduler.next(QuicTime(22ms), link).send.has_value());
    scheduler.setPending(8, 1200, false);
    QCOMPARE(scheduler.next(QuicTime(23ms), link).send, std::optional<StreamId>(8));
  }

  void multiLevelServesRealTimeByEdfThenLevelsInRoundRobin() {
    Sender sender(options(StreamSchedulerKind::MultiLevel, 1200, 0.0));
    sender.open(0, 1200, 2);
    sender.open(4, 2400, 1);
    sender.open(8, 2400, 1);
    sender.open(12, 2400, 0, QuicTime(2s));
    sender.open(16, 1200, 0, QuicTime(1s));
    COMPARE_ORDER(sender.run(), (Order{16, 12, 12, 4, 8, 4, 8, 0}));
  }

  void multiLevelDropsOnlyRealTimeStreams() {
    Sender sender(options(StreamSchedulerKind::MultiLevel));
    sender.open(0, 2400, 0, QuicTime(1ms));
    sender.open(4, 2400, 1, QuicTime(1ms));  // a deadline on a best-effort stream is not enforced
    sender.now() = QuicTime(5ms);
    COMPARE_ORDER(sender.run(), (Order{4, 4}));
    COMPARE_ORDER(sender.expired(), (Order{0}));
  }

  void multiLevelSkipsAnInfeasibleRealTimeStream() {
    Sender sender(options(StreamSchedulerKind::MultiLevel));
    sender.open(0, 102400, 0, QuicTime(150ms));
    sender.open(4, 1200, 1);
    COMPARE_ORDER(sender.run(3), (Order{4, 0, 0}));
  }

  void multiLevelNeverStarvesBestEffort_data() {
    QTest::addColumn<double>("minShare");
    QTest::newRow("10%") << 0.1;
    QTest::newRow("25%") << 0.25;
    QTest::newRow("50%") << 0.5;
  }
  void multiLevelNeverStarvesBestEffort() {
    QFETCH(double, minShare);
    Sender sender(options(StreamSchedulerKind::MultiLevel, 1200, minShare), 1e12);
    sender.open(0, 1 << 30, 0, QuicTime(1000s));  // a real-time backlog that never ends
    sender.open(4, 1 << 30, 1);
    sender.open(8, 1 << 30, 2);  // a lower best-effort level: strictly after level 1
    constexpr int kPackets = 20000;
    sender.run(kPackets);
    const double total = 1200.0 * kPackets;
    const double bestEffort = static_cast<double>(sender.bytesSent(4));
    QVERIFY2(bestEffort / total >= minShare - 0.002 && bestEffort / total <= minShare + 0.01,
             qPrintable(QString("best-effort share %1, minimum %2").arg(bestEffort / total).arg(minShare)));
    QCOMPARE(sender.bytesSent(8), std::uint64_t{0});
  }

  void multiLevelGivesBestEffortEverythingWhenRealTimeIsIdle() {
    Sender sender(options(StreamSchedulerKind::MultiLevel));
    sender.open(0, 0, 0, QuicTime(10s));
    sender.open(4, 12000, 1);
    sender.run();
    QCOMPARE(sender.bytesSent(4), std::uint64_t{12000});
  }

  void flowBlockedStreamsAreNeverChosen_data() {
    QTest::addColumn<StreamSchedulerKind>("kind");
    for (StreamSchedulerKind kind : {StreamSchedulerKind::RoundRobin, StreamSchedulerKind::Fcfs,
                                     StreamSchedulerKind::AbsolutePriority, StreamSchedulerKind::Edf,
                                     StreamSchedulerKind::MultiLevel}) {
      QTest::newRow(std::string(streamSchedulerName(kind)).c_str()) << kind;
    }
  }
  void flowBlockedStreamsAreNeverChosen() {
    QFETCH(StreamSchedulerKind, kind);
    Sender sender(options(kind));
    sender.open(0, 2400, 0, QuicTime(1s));  // the one every policy would pick first
    sender.open(4, 2400, 1, QuicTime(2s));
    sender.block(0, true);
    COMPARE_ORDER(sender.run(1), (Order{4}));
    sender.block(4, true);
    COMPARE_ORDER(sender.run(1), (Order{}));
    sender.block(0, false);
    COMPARE_ORDER(sender.run(1), (Order{0}));
  }

  void namesRoundTrip() {
    QStringList listed;
    for (StreamSchedulerKind kind : {StreamSchedulerKind::RoundRobin, StreamSchedulerKind::Fcfs,
                                     StreamSchedulerKind::AbsolutePriority, StreamSchedulerKind::Edf,
                                     StreamSchedulerKind::MultiLevel}) {
      QCOMPARE(parseStreamSchedulerName(streamSchedulerName(kind)), std::optional<StreamSchedulerKind>(kind));
      listed << QString::fromUtf8(streamSchedulerName(kind).data(), static_cast<int>(streamSchedulerName(kind).size()));
    }
    QCOMPARE(listed.join(", "), QString::fromUtf8(streamSchedulerNames().data(), static_cast<int>(streamSchedulerNames().size())));
    QCOMPARE(streamSchedulerName(StreamSchedulerKind::Edf), std::string_view("edf"));
  }

  void unknownNamesAreRefused() {
    for (const char* name : {"", "RR", "edf ", "round-robin", "priority", "e"}) {
      QVERIFY2(!parseStreamSchedulerName(name).has_value(), name);
    }
  }

  void optionsOutsideTheirRangeAreRefused() {
    StreamSchedulerOptions bad = options(StreamSchedulerKind::MultiLevel, 1200, 0.6);
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, makeStreamScheduler(bad));
    bad = options(StreamSchedulerKind::RoundRobin, 0);
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, makeStreamScheduler(bad));
  }
};

QTEST_APPLESS_MAIN(TestStreamScheduler)
#include "tst_stream_scheduler.moc"
