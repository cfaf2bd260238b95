// NetnsLink: the link model as a relay between two network namespaces. UDP crosses with the configured
// delay and loss, TCP completes a transfer at no more than the configured rate, the namespaces are gone
// afterwards, and a host that cannot make the link gets a message saying what is missing. Needs root and
// /dev/net/tun: without them the tests that cross the link skip with that message.
#include <QtTest>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <string>
#include <thread>
#include <vector>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include "net/link/netns_link.h"
#include "support/wait_for.h"

using namespace std::chrono_literals;
using headroom::net::link::LinkSettings;
using headroom::net::link::NetnsLink;
using headroom::net::link::NetnsLinkUnavailable;
using headroom::net::link::NetnsSide;

namespace {

#define SKIP_UNLESS_AVAILABLE()                                                         \
  do {                                                                                  \
    if (const auto reason = NetnsLink::unavailableReason()) QSKIP(reason->c_str());     \
  } while (false)

LinkSettings settings(double rateBitsPerSecond, std::chrono::nanoseconds delay, double lossRate,
                      std::uint64_t queueBytes = 64 * 1024) {
  LinkSettings out;
  out.rateBitsPerSecond = rateBitsPerSecond;
  out.oneWayDelay = delay;
  out.lossRate = lossRate;
  out.queueBytes = queueBytes;
  return out;
}

sockaddr_in endpoint(const std::string& address, std::uint16_t port) {
  sockaddr_in out{};
  out.sin_family = AF_INET;
  out.sin_port = htons(port);
  inet_pton(AF_INET, address.c_str(), &out.sin_addr);
  return out;
}

void setReceiveTimeout(int fd, std::chrono::milliseconds timeout) {
  timeval tv{};
  tv.tv_sec = static_cast<time_t>(timeout.count() / 1000);
  tv.tv_usec = static_cast<suseconds_t>((timeout.count() % 1000) * 1000);
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
}

// A descriptor closed at the end of its scope.
struct Fd {
  int fd = -1;
  explicit Fd(int value) : fd(value) {}
  ~Fd() {
    if (fd >= 0) close(fd);
  }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
};

// A UDP server on side B that echoes (or only counts) what it receives, until stopped.
class UdpServer {
 public:
  UdpServer(const NetnsLink& link, std::uint16_t port, bool echo) : socket_(link.openSocket(NetnsSide::B, AF_INET, SOCK_DGRAM)) {
    const sockaddr_in address = endpoint(link.address(NetnsSide::B), port);
    bound_ = bind(socket_.fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) == 0;
    setReceiveTimeout(socket_.fd, 50ms);
    thread_ = std::thread([this, echo] {
      char buffer[2048];
      while (!stop_) {
        sockaddr_in from{};
        socklen_t fromLength = sizeof from;
        const ssize_t n = recvfrom(socket_.fd, buffer, sizeof buffer, 0, reinterpret_cast<sockaddr*>(&from), &fromLength);
        if (n <= 0) continue;
        ++received_;
        if (echo) sendto(socket_.fd, buffer, static_cast<std::size_t>(n), 0, reinterpret_cast<sockaddr*>(&from), fromLength);
      }
    });
  }
  ~UdpServer() {
    stop_ = true;
    thread_.join();
  }
  bool bound() const { return bound_; }
  int received() const { return received_; }

 private:
  Fd socket_;
  bool bound_ = false;
  std::atomic<bool> stop_{false};
  std::atomic<int> received_{0};
  std::thread thread_;
};

}  // namespace

class TestNetnsLink : public QObject {
  Q_OBJECT

 private slots:
  void withoutRootTheReasonIsClear() {
    if (geteuid() != 0) {
      const auto reason = NetnsLink::unavailableReason();
      QVERIFY(reason.has_value());
      QVERIFY2(reason->find("needs root") != std::string::npos, reason->c_str());
      QVERIFY_THROWS_EXCEPTION(NetnsLinkUnavailable, NetnsLink(LinkSettings{}, LinkSettings{}, 1));
      return;
    }
    // As root: a child that gives up root must be told so, and must not get a link.
    const pid_t child = fork();
    QVERIFY(child >= 0);
    if (child == 0) {
      if (setgid(65534) != 0 || setuid(65534) != 0) _exit(3);
      const auto reason = NetnsLink::unavailableReason();
      if (!reason || reason->find("needs root") == std::string::npos || reason->find("uid 65534") == std::string::npos) _exit(4);
      try {
        NetnsLink link(LinkSettings{}, LinkSettings{}, 1);
        _exit(5);
      } catch (const NetnsLinkUnavailable& error) {
        _exit(std::string(error.what()) == *reason ? 0 : 6);
      } catch (...) {
        _exit(7);
      }
    }
    int status = 0;
    QCOMPARE(waitpid(child, &status, 0), child);
    QVERIFY(WIFEXITED(status));
    QCOMPARE(WEXITSTATUS(status), 0);
  }

  void udpCrossesWithTheConfiguredDelay() {
    SKIP_UNLESS_AVAILABLE();
    NetnsLink link(settings(5e6, 20ms, 0), settings(5e6, 20ms, 0), 1);
    UdpServer server(link, 42100, true);
    QVERIFY(server.bound());
    Fd client(link.openSocket(NetnsSide::A, AF_INET, SOCK_DGRAM));
    const sockaddr_in to = endpoint(link.address(NetnsSide::B), 42100);
    QCOMPARE(::connect(client.fd, reinterpret_cast<const sockaddr*>(&to), sizeof to), 0);
    setReceiveTimeout(client.fd, 5000ms);
    std::vector<double> rttMs;
    for (int i = 0; i < 10; ++i) {
      const std::string ping = "ping " + std::to_string(i) + std::string(100, '.');
      const auto sentAt = std::chrono::steady_clock::now();
      QCOMPARE(send(client.fd, ping.data(), ping.size(), 0), static_cast<ssize_t>(ping.size()));
      char buffer[2048];
      const ssize_t n = recv(client.fd, buffer, sizeof buffer, 0);
      const auto rtt = std::chrono::steady_clock::now() - sentAt;
      QVERIFY2(n == static_cast<ssize_t>(ping.size()), qPrintable(QString("ping %1: no echo within 5 s").arg(i)));
      QCOMPARE(std::string(buffer, static_cast<std::size_t>(n)), ping);
      // Nothing crosses faster than the delay both ways.
      QVERIFY2(rtt >= 40ms, qPrintable(QString("RTT %1 ms").arg(std::chrono::duration<double, std::milli>(rtt).count())));
      rttMs.push_back(std::chrono::duration<double, std::milli>(rtt).count());
    }
    std::sort(rttMs.begin(), rttMs.end());
    qInfo("UDP RTT through 5 Mbit/s, 20 ms each way: min %.2f ms, median %.2f ms, max %.2f ms", rttMs.front(),
          rttMs[rttMs.size() / 2], rttMs.back());
    QCOMPARE(link.counters().up.packets, std::uint64_t{10});
    QCOMPARE(link.counters().down.packets, std::uint64_t{10});
  }

  void udpLossIsCloseToTheSetting() {
    SKIP_UNLESS_AVAILABLE();
    NetnsLink link(settings(0, 1ms, 0.1, 0), settings(0, 1ms, 0), 7);
    UdpServer server(link, 42102, false);
    QVERIFY(server.bound());
    Fd client(link.openSocket(NetnsSide::A, AF_INET, SOCK_DGRAM));
    const sockaddr_in to = endpoint(link.address(NetnsSide::B), 42102);
    QCOMPARE(::connect(client.fd, reinterpret_cast<const sockaddr*>(&to), sizeof to), 0);
    constexpr int kDatagrams = 2000;
    constexpr int kBatch = 100;
    const std::string payload(64, 'x');
    for (int sent = 0; sent < kDatagrams;) {
      for (int i = 0; i < kBatch; ++i, ++sent) QCOMPARE(send(client.fd, payload.data(), payload.size(), 0), ssize_t{64});
      // Each batch has arrived or been lost before the next goes (no socket buffer overflows).
      const bool settled = headroom::test::waitFor(
          [&] { return server.received() + static_cast<int>(link.counters().up.lostPackets) >= sent; }, 20s, 2ms);
      QVERIFY2(settled, qPrintable(QString("after %1 datagrams: %2 received, %3 lost").arg(sent).arg(server.received())
                                       .arg(link.counters().up.lostPackets)));
    }
    const int received = server.received();
    // Expected 1800, standard deviation 13.4: 5 sigma either side.
    QVERIFY2(received > 1733 && received < 1867, qPrintable(QString("received %1 of %2").arg(received).arg(kDatagrams)));
    QCOMPARE(received + static_cast<int>(link.counters().up.lostPackets), kDatagrams);
  }

  void tcpTransferCompletesWithinTheRate() {
    SKIP_UNLESS_AVAILABLE();
    constexpr double kRate = 5e6;
    NetnsLink link(settings(kRate, 25ms, 0.005), settings(kRate, 25ms, 0.005), 11);
    Fd listener(link.openSocket(NetnsSide::B, AF_INET, SOCK_STREAM));
    const int yes = 1;
    setsockopt(listener.fd, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    const sockaddr_in at = endpoint(link.address(NetnsSide::B), 42101);
    QCOMPARE(bind(listener.fd, reinterpret_cast<const sockaddr*>(&at), sizeof at), 0);
    QCOMPARE(listen(listener.fd, 1), 0);

    std::atomic<std::uint64_t> serverReceived{0};
    std::thread server([&] {
      pollfd ready{listener.fd, POLLIN, 0};
      if (poll(&ready, 1, 30000) != 1) return;
      Fd connection(accept(listener.fd, nullptr, nullptr));
      setReceiveTimeout(connection.fd, 30000ms);
      char buffer[65536];
      ssize_t n = 0;
      while ((n = recv(connection.fd, buffer, sizeof buffer, 0)) > 0) serverReceived += static_cast<std::uint64_t>(n);
      const std::uint64_t total = serverReceived;
      send(connection.fd, &total, sizeof total, MSG_NOSIGNAL);
    });

    constexpr std::size_t kBytes = 1 << 20;
    Fd client(link.openSocket(NetnsSide::A, AF_INET, SOCK_STREAM));
    setReceiveTimeout(client.fd, 60000ms);
    const auto start = std::chrono::steady_clock::now();
    const bool connected = ::connect(client.fd, reinterpret_cast<const sockaddr*>(&at), sizeof at) == 0;
    const std::string block(64 * 1024, 'd');
    std::size_t sent = 0;
    while (connected && sent < kBytes) {
      const ssize_t n = send(client.fd, block.data(), std::min(block.size(), kBytes - sent), MSG_NOSIGNAL);
      if (n <= 0) break;
      sent += static_cast<std::size_t>(n);
    }
    shutdown(client.fd, SHUT_WR);
    std::uint64_t echoedTotal = 0;
    const ssize_t n = connected ? recv(client.fd, &echoedTotal, sizeof echoedTotal, MSG_WAITALL) : -1;
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    server.join();
    QVERIFY2(connected, "the TCP connection across the link failed");
    QCOMPARE(sent, kBytes);
    QCOMPARE(n, static_cast<ssize_t>(sizeof echoedTotal));
    QCOMPARE(echoedTotal, std::uint64_t{kBytes});
    const double goodputBitsPerSecond = static_cast<double>(kBytes) * 8 / seconds;
    const auto counters = link.counters();
    qInfo("TCP 1 MiB through 5 Mbit/s, 25 ms each way, 0.5%% loss: %.3f s, goodput %.2f Mbit/s; %llu packets up, "
          "%llu lost, %llu dropped at the queue",
          seconds, goodputBitsPerSecond / 1e6, static_cast<unsigned long long>(counters.up.packets),
          static_cast<unsigned long long>(counters.up.lostPackets),
          static_cast<unsigned long long>(counters.up.queueDroppedPackets));
    // The payload alone cannot cross faster than the link's rate.
    QVERIFY2(goodputBitsPerSecond <= kRate, qPrintable(QString("goodput %1 bit/s").arg(goodputBitsPerSecond)));
  }

  void nothingIsLeftBehind() {
    SKIP_UNLESS_AVAILABLE();
    std::string names[2];
    {
      NetnsLink link(LinkSettings{}, LinkSettings{}, 3);
      names[0] = link.namespaceName(NetnsSide::A);
      names[1] = link.namespaceName(NetnsSide::B);
      for (const std::string& name : names) QVERIFY2(access(("/run/netns/" + name).c_str(), F_OK) == 0, name.c_str());
      // A socket in a side is in that namespace: it can bind the side's address, not the other's.
      Fd socketInB(link.openSocket(NetnsSide::B, AF_INET, SOCK_DGRAM));
      const sockaddr_in own = endpoint(link.address(NetnsSide::B), 42103);
      const sockaddr_in other = endpoint(link.address(NetnsSide::A), 42103);
      QVERIFY(bind(socketInB.fd, reinterpret_cast<const sockaddr*>(&other), sizeof other) != 0);
      QCOMPARE(bind(socketInB.fd, reinterpret_cast<const sockaddr*>(&own), sizeof own), 0);
    }
    for (const std::string& name : names) QVERIFY2(access(("/run/netns/" + name).c_str(), F_OK) != 0, name.c_str());
  }
};

QTEST_APPLESS_MAIN(TestNetnsLink)
#include "tst_netns_link.moc"
