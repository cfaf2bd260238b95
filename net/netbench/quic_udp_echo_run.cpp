// runQuicEchoOverUdp: the netbench echo over QUIC on real UDP sockets, each end on its own thread and
// io_context, timers from the connection's own expiry.
#include <algorithm>
#include <array>
#include <cstring>
#include <future>
#include <memory>
#include <system_error>
#include <thread>

#include <sys/socket.h>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/udp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>

#include "net/netbench/cancel_watch.h"
#include "net/netbench/netbench_echo.h"
#include "net/netbench/realtime_echo_run.h"
#include "net/netbench/steady_time.h"
#include "net/quic/quic_connection.h"

namespace headroom::net::netbench {

namespace asio = boost::asio;
using udp = asio::ip::udp;
using quic::QuicTime;

namespace {

constexpr std::size_t kMaxDatagramBytes = 65536;

// Reads datagrams from a socket and runs one side's timer; after every event it flushes the side and
// re-arms the timer at its next expiry, then calls `afterEvent`.
class UdpPump {
 public:
  struct Side {
    std::function<void(std::span<const std::uint8_t>, const udp::endpoint& from)> receive;
    std::function<void()> flush;
    std::function<QuicTime()> nextTimer;
    std::function<void()> onTimer;
    std::function<void()> afterEvent;
  };
  UdpPump(udp::socket& socket, Side side) : socket_(socket), timer_(socket.get_executor()), side_(std::move(side)) {}

  void start() {
    read();
    kick();
  }
  // After anything done to the side from outside the pump (a request started): flush and re-arm.
  void kick() {
    side_.flush();
    arm();
    if (side_.afterEvent) side_.afterEvent();
  }

 private:
  void read() {
    socket_.async_receive_from(asio::buffer(buffer_), from_, [this](const boost::system::error_code& error, std::size_t n) {
      if (error == asio::error::operation_aborted) return;
      if (!error) side_.receive(std::span<const std::uint8_t>(buffer_.data(), n), from_);
      kick();
      read();
    });
  }
  void arm() {
    const QuicTime due = side_.nextTimer();
    if (due == QuicTime::max()) {
      timer_.cancel();
      return;
    }
    const QuicTime wait = std::max(QuicTime(0), due - steadyNow());
    timer_.expires_after(wait);
    timer_.async_wait([this](const boost::system::error_code& error) {
      if (error) return;
      side_.onTimer();
      kick();
    });
  }

  udp::socket& socket_;
  asio::steady_timer timer_;
  Side side_;
  std::array<std::uint8_t, kMaxDatagramBytes> buffer_{};
  udp::endpoint from_;
};

}  // namespace

int openEndpointSocket(const RealtimeEndpoints::SocketFactory& factory, int domain, int type) {
  if (factory) return factory(domain, type);
  const int fd = ::socket(domain, type | SOCK_CLOEXEC, 0);
  if (fd < 0) throw std::system_error(errno, std::generic_category(), "socket");
  return fd;
}

namespace {

udp::endpoint endpointOf(const sockaddr_storage& address, socklen_t length) {
  udp::endpoint endpoint;
  std::memcpy(endpoint.data(), &address, length);
  endpoint.resize(length);
  return endpoint;
}

}  // namespace

RunOutcome runQuicEchoOverUdp(const RealtimeEchoRun& run, const quic::StreamSchedulerOptions& scheduler) {
  EchoLedger ledger;
  ledger.serverReceivedBytes.assign(run.requests.size(), 0);
  asio::io_context serverIo;
  std::promise<std::uint16_t> serverPort;
  std::future<std::uint16_t> serverPortReady = serverPort.get_future();

  std::thread serverThread([&] {
    bool reported = false;
    try {
      const udp::endpoint bindTo(asio::ip::make_address(run.endpoints.serverIp), run.endpoints.serverPort);
      udp::socket socket(serverIo, bindTo.protocol(),
                         openEndpointSocket(run.endpoints.serverSocket, bindTo.protocol().family(), SOCK_DGRAM));
      socket.bind(bindTo);
      const udp::endpoint local = socket.local_endpoint();
      quic::QuicServerConfig config;
      config.certificate = run.certificate.certificate;
      config.key = run.certificate.key;
      config.scheduler = scheduler;
      config.limits = run.limits;
      quic::QuicServerEndpoint server(config, [&](quic::QuicConnection& connection) {
        return std::make_unique<EchoServerHandler>(connection, run.classes, steadyNow, ledger);
      });
      UdpPump pump(socket, {
          [&](std::span<const std::uint8_t> datagram, const udp::endpoint& from) {
            server.receive(datagram,
                           quic::makeQuicPath(local.address().to_string(), local.port(), from.address().to_string(), from.port()),
                           steadyNow());
          },
          [&] {
            server.flush(steadyNow(), [&](std::span<const std::uint8_t> datagram, const quic::QuicPath& path) {
              boost::system::error_code ignored;  // a refused send is a lost datagram
              socket.send_to(asio::buffer(datagram.data(), datagram.size()), endpointOf(path.remote, path.remoteLength), 0, ignored);
            });
          },
          [&] { return server.nextTimer(); },
          [&] { server.onTimer(steadyNow()); },
          nullptr,
      });
      pump.start();
      serverPort.set_value(local.port());
      reported = true;
      serverIo.run();
    } catch (...) {
      if (!reported) serverPort.set_exception(std::current_exception());
    }
  });

  RunOutcome outcome;
  std::uint16_t port = 0;
  try {
    port = serverPortReady.get();
  } catch (const std::exception& error) {
    serverThread.join();
    outcome.failure = std::string("the echo server did not start: ") + error.what();
    outcome.requests.resize(run.requests.size());
    for (const NetbenchRequest& r : run.requests) outcome.requests[r.index].classIndex = r.classIndex;
    return outcome;
  }

  EchoClient client(run.classes, steadyNow, run.requests);
  std::string clientFailure;
  std::thread clientThread([&] {
    asio::io_context io;
    try {
      const udp::endpoint serverEndpoint(asio::ip::make_address(run.endpoints.serverIp), port);
      udp::socket socket(io, serverEndpoint.protocol(),
                         openEndpointSocket(run.endpoints.clientSocket, serverEndpoint.protocol().family(), SOCK_DGRAM));
      socket.connect(serverEndpoint);
      const udp::endpoint local = socket.local_endpoint();
      const quic::QuicPath path =
          quic::makeQuicPath(local.address().to_string(), local.port(), run.endpoints.serverIp, port);
      quic::QuicClientConfig config;
      config.serverName = "localhost";
      config.pinnedCertificate = run.certificate.certificate;
      config.scheduler = scheduler;
      config.limits = run.limits;
      const auto connection = quic::QuicConnection::connect(config, path, steadyNow(), client);
      client.bind(*connection);

      std::vector<std::unique_ptr<asio::steady_timer>> starts;
      asio::steady_timer limit(io);
      bool begun = false;
      std::string stopReason;
      std::unique_ptr<UdpPump> pump;
      const std::size_t expected = run.requests.size();
      const auto afterEvent = [&] {
        if (!client.failure().empty() || (begun && client.finished(expected))) {
          io.stop();
          return;
        }
        if (begun || !client.handshakeDone()) return;
        begun = true;
        const auto origin = std::chrono::steady_clock::now();
        std::chrono::nanoseconds lastStart{0};
        for (const NetbenchRequest& request : run.requests) {
          lastStart = std::max(lastStart, request.start);
          auto timer = std::make_unique<asio::steady_timer>(io, origin + request.start);
          timer->async_wait([&, request](const boost::system::error_code& error) {
            if (error) return;
            client.start(request);
            pump->kick();
          });
          starts.push_back(std::move(timer));
        }
        limit.expires_at(origin + lastStart + run.drainAfterLastStart);
        limit.async_wait([&](const boost::system::error_code& error) {
          if (!error) io.stop();
        });
      };
      pump = std::make_unique<UdpPump>(socket, UdpPump::Side{
          [&](std::span<const std::uint8_t> datagram, const udp::endpoint&) { connection->receive(datagram, path, steadyNow()); },
          [&] {
            connection->flush(steadyNow(), [&](std::span<const std::uint8_t> datagram) {
              boost::system::error_code ignored;
              socket.send(asio::buffer(datagram.data(), datagram.size()), 0, ignored);
            });
          },
          [&] { return connection->nextTimer(); },
          [&] { connection->onTimer(steadyNow()); },
          afterEvent,
      });
      limit.expires_after(std::chrono::seconds(10));  // the handshake's limit; moved on once it is done
      limit.async_wait([&](const boost::system::error_code& error) {
        if (!error && !begun) {
          stopReason = "no handshake within 10 s";
          io.stop();
        }
      });
      const CancelWatch watch(io, run.cancel, [&] { stopReason = std::string(kInterrupted); });
      pump->start();
      io.run();
      clientFailure = stopReason;
    } catch (const std::exception& error) {
      clientFailure = error.what();
    }
  });
  clientThread.join();
  serverIo.stop();
  serverThread.join();
  // Read only now: the server's thread wrote the ledger.
  outcome = client.outcome(ledger);
  if (outcome.failure.empty()) outcome.failure = clientFailure;
  return outcome;
}

}  // namespace headroom::net::netbench
