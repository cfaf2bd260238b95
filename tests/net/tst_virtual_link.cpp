// The virtual link: a discrete-event loop in virtual time joining two datagram endpoints through two
// link directions. Scripted endpoints show when datagrams arrive, that timers and user actions run at
// their times, that runUntil stops for the right reason, and that the same seed gives the same run.
#include <QtTest>

#include <chrono>
#include <cstdint>
#include <deque>
#include <string>
#include <vector>

#include "net/link/virtual_link.h"

using namespace std::chrono_literals;
using namespace headroom::net::link;
using std::chrono::nanoseconds;

namespace {

// Sends the datagrams queued on it at the next flush; records what arrives; optionally echoes it; may
// have one timer that queues a datagram when it fires.
class ScriptedEndpoint final : public DatagramEndpoint {
 public:
  struct Arrival {
    nanoseconds at;
    std::size_t bytes;
    std::uint8_t tag;
  };

  void queue(std::size_t bytes, std::uint8_t tag) { outgoing_.push_back(std::vector<std::uint8_t>(bytes, tag)); }

  void receive(std::span<const std::uint8_t> datagram, nanoseconds now) override {
    arrivals.push_back(Arrival{now, datagram.size(), datagram.empty() ? std::uint8_t(0) : datagram[0]});
    if (echo) outgoing_.emplace_back(datagram.begin(), datagram.end());
  }
  void flush(nanoseconds, const std::function<void(std::span<const std::uint8_t>)>& send) override {
    while (!outgoing_.empty()) {
      send(outgoing_.front());
      outgoing_.pop_front();
    }
  }
  nanoseconds nextTimer() const override { return timer; }
  void onTimer(nanoseconds now) override {
    timerRuns.push_back(now);
    if (stuckTimer) return;  // stays due
    timer = nanoseconds::max();
    queue(100, 0xEE);
  }

  bool echo = false;
  bool stuckTimer = false;
  nanoseconds timer = nanoseconds::max();
  std::vector<Arrival> arrivals;
  std::vector<nanoseconds> timerRuns;

 private:
  std::deque<std::vector<std::uint8_t>> outgoing_;
};

LinkSettings link(double rateBitsPerSecond, nanoseconds delay, double loss = 0) {
  LinkSettings settings;
  settings.rateBitsPerSecond = rateBitsPerSecond;
  settings.oneWayDelay = delay;
  settings.queueBytes = 0;
  settings.lossRate = loss;
  return settings;
}

}  // namespace

class TestVirtualLink : public QObject {
  Q_OBJECT

 private slots:
  // 8 Mbit/s is one byte per microsecond: a 1000-byte datagram takes 1 ms at the bottleneck, then 10 ms.
  void datagramsArriveAfterQueueSerialisationAndDelay() {
    ScriptedEndpoint client;
    ScriptedEndpoint server;
    server.echo = true;
    VirtualLink virtualLink(client, server, link(8e6, 10ms), link(8e6, 10ms), 1);
    for (std::uint8_t tag = 1; tag <= 3; ++tag) client.queue(1000, tag);
    QCOMPARE(virtualLink.runUntil([&] { return client.arrivals.size() == 3; }, 1s), VirtualLink::Stop::Done);
    QCOMPARE(server.arrivals.size(), std::size_t{3});
    QCOMPARE(server.arrivals[0].at, nanoseconds(11ms));
    QCOMPARE(server.arrivals[1].at, nanoseconds(12ms));
    QCOMPARE(server.arrivals[2].at, nanoseconds(13ms));
    QCOMPARE(client.arrivals[0].at, nanoseconds(22ms));
    QCOMPARE(client.arrivals[2].at, nanoseconds(24ms));
    QCOMPARE(client.arrivals[2].tag, std::uint8_t{3});
    QCOMPARE(virtualLink.now(), nanoseconds(24ms));
    QCOMPARE(virtualLink.up().counters().packets, std::uint64_t{3});
    QCOMPARE(virtualLink.runUntil([] { return false; }, 2s), VirtualLink::Stop::Idle);
  }

  void timersAndActionsRunAtTheirTimes() {
    ScriptedEndpoint client;
    ScriptedEndpoint server;
    client.timer = 5ms;
    VirtualLink virtualLink(client, server, link(0, 1ms), link(0, 1ms), 1);
    std::vector<nanoseconds> actionTimes;
    virtualLink.schedule(20ms, [&] {
      actionTimes.push_back(virtualLink.now());
      client.queue(10, 0x20);
    });
    virtualLink.schedule(3ms, [&] { actionTimes.push_back(virtualLink.now()); });
    QCOMPARE(virtualLink.runFor(10ms), VirtualLink::Stop::TimeLimit);
    QCOMPARE(virtualLink.now(), nanoseconds(10ms));
    QCOMPARE(client.timerRuns, std::vector<nanoseconds>{nanoseconds(5ms)});
    QCOMPARE(actionTimes, std::vector<nanoseconds>{nanoseconds(3ms)});
    QCOMPARE(server.arrivals.size(), std::size_t{1});  // the timer's datagram, flushed at 5 ms
    QCOMPARE(server.arrivals[0].at, nanoseconds(6ms));
    QCOMPARE(virtualLink.runUntil([&] { return server.arrivals.size() == 2; }, 1s), VirtualLink::Stop::Done);
    QCOMPARE(actionTimes.back(), nanoseconds(20ms));
    QCOMPARE(server.arrivals[1].at, nanoseconds(21ms));
  }

  // An endpoint whose timer stays due cannot stop virtual time.
  void aStuckTimerDoesNotStopTime() {
    ScriptedEndpoint client;
    ScriptedEndpoint server;
    client.timer = 0ns;
    client.stuckTimer = true;
    VirtualLink virtualLink(client, server, link(0, 1ms), link(0, 1ms), 1);
    QCOMPARE(virtualLink.runFor(2us), VirtualLink::Stop::TimeLimit);
    QCOMPARE(virtualLink.now(), nanoseconds(2us));
    QVERIFY(client.timerRuns.size() > 1);
    QVERIFY(client.timerRuns.back() > client.timerRuns.front());
  }

  void filterDropsChosenDatagrams() {
    ScriptedEndpoint client;
    ScriptedEndpoint server;
    VirtualLink virtualLink(client, server, link(0, 1ms), link(0, 1ms), 1);
    virtualLink.setDatagramFilter([](LinkSide from, std::uint64_t index, std::span<const std::uint8_t>) {
      return from == LinkSide::Client && index == 1;
    });
    for (std::uint8_t tag = 0; tag < 3; ++tag) client.queue(50, tag);
    virtualLink.runFor(1s);
    QCOMPARE(server.arrivals.size(), std::size_t{2});
    QCOMPARE(server.arrivals[0].tag, std::uint8_t{0});
    QCOMPARE(server.arrivals[1].tag, std::uint8_t{2});
    QCOMPARE(virtualLink.up().counters().packets, std::uint64_t{2});  // the dropped one never entered the link
  }

  // Random loss depends on the seed alone: the same seed loses the same datagrams.
  void sameSeedSameRun() {
    auto run = [](std::uint64_t seed) {
      ScriptedEndpoint client;
      ScriptedEndpoint server;
      server.echo = true;
      VirtualLink virtualLink(client, server, link(2e6, 5ms, 0.2), link(2e6, 5ms, 0.2), seed);
      for (int i = 0; i < 200; ++i) client.queue(200 + i, static_cast<std::uint8_t>(i));
      virtualLink.runFor(10s);
      std::string trace;
      for (const auto& arrival : client.arrivals) {
        trace += std::to_string(arrival.at.count()) + ":" + std::to_string(arrival.tag) + " ";
      }
      return trace;
    };
    const std::string first = run(42);
    QVERIFY(!first.empty());
    QCOMPARE(run(42), first);
    QVERIFY(run(43) != first);
  }
};

QTEST_GUILESS_MAIN(TestVirtualLink)
#include "tst_virtual_link.moc"
