// The transports alone on loopback, in one process: an echo handler behind the HTTP/1.1 server and
// behind the QUIC server, called through UpstreamClient and QuicUpstreamTransport.
//  1. round trip: small requests one at a time (keep-alive; one QUIC connection), p50/p90/p99;
//  2. concurrency: N requests started at once; QUIC carries all N as streams of one connection.
// Needs openssl to make the QUIC certificate pair.

#include <algorithm>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <cstdlib>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include <CLI/CLI.hpp>
#include <spdlog/fmt/fmt.h>
#include <spdlog/spdlog.h>

#include "bench_measure.h"
#include "net/http_server.h"
#include "net/open_file_limit.h"
#include "net/quic/quic_udp_server.h"
#include "net/quic/quic_upstream_transport.h"
#include "net/upstream_client.h"

using namespace headroom::net;
using headroom::bench::nearestRankPercentile;
using headroom::bench::processCpuSeconds;
using SteadyClock = std::chrono::steady_clock;

namespace {

class Echo final : public HttpHandler {
 public:
  void handle(HttpRequest request, std::shared_ptr<HttpExchange> exchange) override {
    exchange->respond({200, {{"Content-Type", "text/plain"}}, std::move(request.body)});
  }
};

// Counts calls that ended; wait() until `expected` did.
class Latch {
 public:
  void arrive(bool ok) {
    {
      std::lock_guard lock(mutex_);
      ++ended_;
      if (ok) ++ok_;
    }
    wake_.notify_all();
  }
  bool wait(int expected, std::chrono::seconds limit) {
    std::unique_lock lock(mutex_);
    return wake_.wait_for(lock, limit, [&] { return ended_ >= expected; });
  }
  int ok() {
    std::lock_guard lock(mutex_);
    return ok_;
  }

 private:
  std::mutex mutex_;
  std::condition_variable wake_;
  int ended_ = 0;
  int ok_ = 0;
};

class Call final : public UpstreamHandler {
 public:
  explicit Call(Latch& latch) : latch_(latch) {}
  void onHead(int status, const HttpHeaders&) override { status_ = status; }
  void onBody(std::string_view) override {}
  void onComplete() override { latch_.arrive(status_ == 200); }
  void onError(std::string_view message) override {
    spdlog::warn("call failed: {}", message);
    latch_.arrive(false);
  }

 private:
  Latch& latch_;
  int status_ = 0;
};

UpstreamRequest echoRequest(std::uint16_t port, bool quic, const std::string& certificate) {
  UpstreamRequest request;
  request.endpoint.host = "127.0.0.1";
  request.endpoint.port = port;
  request.endpoint.quic = quic;
  request.endpoint.pinnedCertificate = certificate;
  request.target = "/echo";
  request.body = std::string(200, 'x');
  request.stream.className = "chat";
  return request;
}

}  // namespace

int main(int argc, char** argv) {
  raiseOpenFileLimit();
  CLI::App app{"bench_quic_transport: HTTP/1.1 and QUIC transports on loopback (round trip, concurrent streams)"};
  int requests = 2000;
  int concurrent = 1000;
  int pauseUs = 0;
  app.add_option("--requests", requests, "Phase 1 requests per transport, one at a time (default 2000)");
  app.add_option("--concurrent", concurrent, "Phase 2 requests started at once (default 1000)");
  app.add_option("--pause-us", pauseUs, "Phase 1 pause between requests, microseconds (default 0)");
  CLI11_PARSE(app, argc, argv);
  spdlog::set_level(spdlog::level::warn);

  char folder[] = "/tmp/bench-quic-XXXXXX";
  if (mkdtemp(folder) == nullptr) return 1;
  const std::string certificate = std::string(folder) + "/cert.pem";
  const std::string key = std::string(folder) + "/key.pem";
  const std::string command = "openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 2 -subj /CN=headroom -keyout " +
                              key + " -out " + certificate + " >/dev/null 2>&1";
  if (std::system(command.c_str()) != 0) {
    fmt::print(stderr, "openssl could not make a certificate pair\n");
    return 1;
  }

  Echo echo;
  HttpServerOptions httpOptions;
  httpOptions.maxConnectionsPerClient = 100000;
  httpOptions.maxConnections = 100000;
  HttpServer http(httpOptions, echo);
  http.start();
  quic::QuicUdpServerOptions quicOptions;
  quicOptions.quic.certificate = certificate;
  quicOptions.quic.key = key;
  quicOptions.quic.scheduler.kind = quic::StreamSchedulerKind::Edf;
  quicOptions.classNames = {"chat"};
  quic::QuicUdpServer quicServer(quicOptions, echo);
  quicServer.start();
  UpstreamClient httpClient(1, static_cast<std::size_t>(concurrent));
  quic::QuicUpstreamTransport quicClient;

  fmt::print("1. Round trip: {} requests of 200 bytes each way, one at a time\n", requests);
  fmt::print("{:<6} {:>9} {:>9} {:>9}\n", "path", "p50", "p90", "p99");
  for (bool useQuic : {false, true}) {
    std::vector<double> rtt;
    for (int i = 0; i < requests + 20; ++i) {
      Latch latch;
      const auto start = SteadyClock::now();
      UpstreamTransport& transport = useQuic ? static_cast<UpstreamTransport&>(quicClient) : httpClient;
      transport.start(echoRequest(useQuic ? quicServer.port() : http.port(), useQuic, certificate), std::make_shared<Call>(latch));
      if (!latch.wait(1, std::chrono::seconds(10)) || latch.ok() != 1) continue;
      if (i >= 20) rtt.push_back(std::chrono::duration<double>(SteadyClock::now() - start).count());
      if (pauseUs > 0) std::this_thread::sleep_for(std::chrono::microseconds(pauseUs));
    }
    fmt::print("{:<6} {:>7.0f}us {:>7.0f}us {:>7.0f}us\n", useQuic ? "quic" : "http", nearestRankPercentile(rtt, 50) * 1e6,
               nearestRankPercentile(rtt, 90) * 1e6, nearestRankPercentile(rtt, 99) * 1e6);
  }

  {
    // Idle connections must cost nothing: no timer that keeps firing.
    const double before = processCpuSeconds();
    std::this_thread::sleep_for(std::chrono::seconds(1));
    fmt::print("idle: {:.1f} ms of CPU in 1 s with both connections open\n", (processCpuSeconds() - before) * 1e3);
  }

  fmt::print("\n2. Concurrency: {} requests started at once\n", concurrent);
  fmt::print("{:<6} {:>8} {:>6} {:>12} {:>12}\n", "path", "started", "ok", "wall", "connections");
  for (bool useQuic : {false, true}) {
    Latch latch;
    const auto start = SteadyClock::now();
    UpstreamTransport& transport = useQuic ? static_cast<UpstreamTransport&>(quicClient) : httpClient;
    for (int i = 0; i < concurrent; ++i) {
      transport.start(echoRequest(useQuic ? quicServer.port() : http.port(), useQuic, certificate), std::make_shared<Call>(latch));
    }
    const bool all = latch.wait(concurrent, std::chrono::seconds(120));
    const double wallS = std::chrono::duration<double>(SteadyClock::now() - start).count();
    fmt::print("{:<6} {:>8} {:>6} {:>10.0f}ms {:>12}{}\n", useQuic ? "quic" : "http", concurrent, latch.ok(), wallS * 1e3,
               useQuic ? std::to_string(quicClient.connections()) : std::to_string(http.connections()),
               all ? "" : " (time limit hit)");
  }
  quicServer.stop();
  http.stop();
  return 0;
}
