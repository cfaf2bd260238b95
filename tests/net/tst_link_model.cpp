// LinkDirection: the virtual-time link model. Serialisation at the rate plus the one-way delay, exact;
// tail drop when the byte-limited queue is full; random loss at the configured rate; the same seed gives
// the same fates.
#include <QtTest>

#include <chrono>
#include <cstdint>
#include <optional>
#include <vector>

#include "net/link/link_model.h"

using namespace std::chrono_literals;
using headroom::net::link::LinkDirection;
using headroom::net::link::LinkSettings;

namespace {

LinkSettings lossless(double rateBitsPerSecond, std::chrono::nanoseconds delay, std::uint64_t queueBytes) {
  LinkSettings settings;
  settings.rateBitsPerSecond = rateBitsPerSecond;
  settings.oneWayDelay = delay;
  settings.queueBytes = queueBytes;
  settings.lossRate = 0;
  return settings;
}

}  // namespace

class TestLinkModel : public QObject {
  Q_OBJECT

 private slots:
  void anIdleLinkDeliversAfterSerialisationAndDelay() {
    // 8 Mbit/s: one byte per microsecond.
    LinkDirection link(lossless(8e6, 25ms, 0), 1);
    const auto arrival = link.send(1000, 10ms);
    QVERIFY(arrival.has_value());
    QCOMPARE(arrival->count(), std::chrono::nanoseconds(10ms + 1ms + 25ms).count());
  }

  void backToBackPacketsQueueBehindEachOther() {
    LinkDirection link(lossless(8e6, 5ms, 0), 1);
    const auto first = link.send(1200, 0ns);
    const auto second = link.send(1200, 0ns);
    const auto third = link.send(600, 100us);
    QVERIFY(first && second && third);
    QCOMPARE(first->count(), std::chrono::nanoseconds(1200us + 5ms).count());
    QCOMPARE(second->count(), std::chrono::nanoseconds(2400us + 5ms).count());
    QCOMPARE(third->count(), std::chrono::nanoseconds(3000us + 5ms).count());
    // Once the bottleneck is idle again, a packet starts when it arrives.
    const auto later = link.send(100, 1s);
    QVERIFY(later);
    QCOMPARE(later->count(), std::chrono::nanoseconds(1s + 100us + 5ms).count());
  }

  void anUnlimitedRateAddsOnlyTheDelay() {
    LinkDirection link(lossless(0, 50ms, 0), 1);
    for (int i = 0; i < 10; ++i) {
      const auto arrival = link.send(1500, 1ms);
      QVERIFY(arrival);
      QCOMPARE(arrival->count(), std::chrono::nanoseconds(51ms).count());
    }
  }

  void aFullQueueDropsTheTail() {
    // 8 Mbit/s, a queue of 3000 bytes: packets of 1000 bytes at the same instant. The first three fit
    // (0, 1000, 2000 bytes ahead of each), the fourth would make 4000 > 3000.
    LinkDirection link(lossless(8e6, 0ns, 3000), 1);
    QVERIFY(link.send(1000, 0ns));
    QVERIFY(link.send(1000, 0ns));
    QVERIFY(link.send(1000, 0ns));
    QVERIFY(!link.send(1000, 0ns));
    QVERIFY(!link.send(1000, 0ns));
    QCOMPARE(link.counters().queueDroppedPackets, std::uint64_t{2});
    QCOMPARE(link.counters().lostPackets, std::uint64_t{0});
    QCOMPARE(link.counters().packets, std::uint64_t{5});
    QCOMPARE(link.counters().bytes, std::uint64_t{5000});
    // After 1 ms one packet has left the queue: there is room for one more, not two.
    const auto queued = link.send(1000, 1ms);
    QVERIFY(queued);
    QCOMPARE(queued->count(), std::chrono::nanoseconds(4ms).count());
    QVERIFY(!link.send(1000, 1ms));
    QCOMPARE(link.counters().queueDroppedPackets, std::uint64_t{3});
  }

  void lossIsCloseToTheSetting() {
    LinkSettings settings = lossless(0, 1ms, 0);
    settings.lossRate = 0.005;
    LinkDirection link(settings, 42);
    constexpr int kPackets = 100000;
    int lost = 0;
    for (int i = 0; i < kPackets; ++i) {
      if (!link.send(1200, std::chrono::microseconds(i))) ++lost;
    }
    QCOMPARE(link.counters().lostPackets, static_cast<std::uint64_t>(lost));
    // Expected 500, standard deviation about 22: 5 sigma either side.
    QVERIFY2(lost > 390 && lost < 610, qPrintable(QString("lost %1 of %2").arg(lost).arg(kPackets)));
  }

  void theSameSeedGivesTheSameFates() {
    LinkSettings settings = lossless(5e6, 25ms, 16 * 1024);
    settings.lossRate = 0.05;
    auto fates = [&](std::uint64_t seed) {
      LinkDirection link(settings, seed);
      std::vector<std::optional<std::chrono::nanoseconds>> out;
      for (int i = 0; i < 5000; ++i) out.push_back(link.send(200 + (i * 37) % 1300, std::chrono::microseconds(i * 700)));
      return out;
    };
    const auto a = fates(7);
    QVERIFY(a == fates(7));
    QVERIFY(a != fates(8));
  }

  void settingsOutsideTheirRangeAreRefused() {
    LinkSettings settings;
    settings.lossRate = 1.5;
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, LinkDirection(settings, 1));
    settings = LinkSettings{};
    settings.rateBitsPerSecond = -1;
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, LinkDirection(settings, 1));
    settings = LinkSettings{};
    settings.oneWayDelay = -1ms;
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, LinkDirection(settings, 1));
  }
};

QTEST_APPLESS_MAIN(TestLinkModel)
#include "tst_link_model.moc"
