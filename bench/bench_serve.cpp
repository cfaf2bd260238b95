// Serving on loopback, in one process: a `serve` stack (ServingHost + ServeApi + HttpServer) and a
// `route` stack (RouteService + UpstreamClient + HttpServer) in front of it, driven by an HTTP client.
// Three bounded phases, each printed as a table (see docs/PERFORMANCE.md):
//  1. per-class TTFT under Poisson load on the modeled executor (Llama-3.1-8B on an A100-80G);
//  2. the router's added latency: small requests one at a time, direct and through the router (to its
//     member over HTTP/1.1, and over QUIC), on an executor whose iterations take 1 us, so the network
//     path is what is measured;
//  3. concurrent streams: N streaming requests opened at once on the modeled executor, direct and
//     through the router (HTTP/1.1 member, and QUIC member: all N on one QUIC connection); all must finish.
// QUIC needs a certificate pair: made with openssl in a temporary folder (skipped without openssl).

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <iostream>
#include <mutex>
#include <random>
#include <thread>

#include <CLI/CLI.hpp>
#include <spdlog/fmt/fmt.h>
#include <spdlog/spdlog.h>

#include "bench_measure.h"
#include "serve/router/route_service.h"
#include "serve/server/serve_api.h"
#include "serve/server/serving_host.h"
#include "net/http_server.h"
#include "net/open_file_limit.h"
#include "net/quic/quic_udp_server.h"
#include "net/quic/quic_upstream_transport.h"
#include "net/upstream_client.h"
#include "serving_stack.h"

using namespace headroom;
using namespace headroom::engine;
using namespace headroom::serve;
using namespace headroom::net;
using headroom::bench::completionRequest;
using headroom::bench::kKey;
using headroom::bench::ServeStack;
using headroom::bench::nearestRankPercentile;
using headroom::bench::processCpuSeconds;
using SteadyClock = std::chrono::steady_clock;

namespace {

nlohmann::json accessJson() {
  return {{"classes",
           {{{"name", "chat"}, {"rank", 0}, {"slo", {{"ttft_s", 1.0}, {"tbt_s", 0.1}}}, {"queue_limit", 100000}},
            {{"name", "batch"}, {"rank", 1}, {"slo", {{"ttlt_s", 120.0}}}, {"queue_limit", 100000}}}},
          {"tenants", {{{"name", "bench"}, {"classes", {"chat", "batch"}}, {"keys", {kKey}}}}},
          {"limits", {{"max_connections", 100000}, {"max_output_tokens", 4096}, {"max_prompt_tokens", 32768}}}};
}

ServeConfig modeledConfig() {
  nlohmann::json root = accessJson();
  root["model_name"] = "bench";
  root["model"] = "llama-3.1-8b";
  root["hardware"] = "a100-80g";
  root["scheduler"] = {{"policy", "hybrid"}, {"chunking", "dynamic"}, {"max_batch_size", 4096}};
  return parseServeConfig(root);
}

ServeConfig instantConfig() {
  nlohmann::json root = accessJson();
  root["model_name"] = "bench";
  root["executor"] = {{"kind", "constant"}, {"iteration_s", 0.000001}};
  return parseServeConfig(root);
}

// A certificate pair for QUIC, made with openssl in a fresh temporary folder; empty paths without openssl.
struct CertificatePair {
  std::string certificate;
  std::string key;
  static CertificatePair make() {
    char folder[] = "/tmp/bench-serve-XXXXXX";
    if (mkdtemp(folder) == nullptr) return {};
    CertificatePair pair{std::string(folder) + "/cert.pem", std::string(folder) + "/key.pem"};
    const std::string command = "openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 2 -subj /CN=headroom -keyout " +
                                pair.key + " -out " + pair.certificate + " >/dev/null 2>&1";
    if (std::system(command.c_str()) != 0) return {};
    return pair;
  }
  bool ok() const { return !certificate.empty(); }
};

// The ServeStack's API over QUIC too, as `serve --quic-port` wires it.
struct QuicMember {
  QuicMember(ServeStack& stack, const CertificatePair& pair, const ServeConfig& config) : server(options(pair, config), stack.api) {
    server.start();
  }
  static net::quic::QuicUdpServerOptions options(const CertificatePair& pair, const ServeConfig& config) {
    net::quic::QuicUdpServerOptions options;
    options.quic.certificate = pair.certificate;
    options.quic.key = pair.key;
    options.quic.scheduler.kind = net::quic::StreamSchedulerKind::Edf;
    for (const ServedClass& served : config.classes) options.classNames.push_back(served.qos.name);
    return options;
  }
  net::quic::QuicUdpServer server;
};

struct RouteStack {
  // `quicCertificate` empty: the member over HTTP/1.1 at memberPort; else over QUIC at memberPort.
  explicit RouteStack(std::uint16_t memberPort, const std::string& quicCertificate = {})
      : service(config(memberPort, quicCertificate), transport), server(options(), service) {
    server.start();
  }
  static net::HttpServerOptions options() {
    net::HttpServerOptions options;
    options.maxConnections = 100000;
    options.maxConnectionsPerClient = 100000;
    return options;
  }
  ~RouteStack() { server.stop(); }
  static RouteConfig config(std::uint16_t memberPort, const std::string& quicCertificate) {
    nlohmann::json root = accessJson();
    if (quicCertificate.empty()) {
      root["members"] = {{{"name", "m"}, {"url", "http://127.0.0.1:" + std::to_string(memberPort)}}};
    } else {
      root["members"] = {{{"name", "m"}, {"url", "quic://127.0.0.1:" + std::to_string(memberPort)}, {"certificate", quicCertificate}}};
    }
    return parseRouteConfig(root);
  }
  net::UpstreamClient client;
  net::quic::QuicUpstreamTransport quicClient;
  net::quic::UpstreamByProtocol transport{client, quicClient};
  RouteService service;
  net::HttpServer server;
};

// Measures one request from the client side; `done` fires once.
class Probe final : public UpstreamHandler {
 public:
  explicit Probe(std::function<void(Probe&)> done) : done_(std::move(done)), start_(SteadyClock::now()) {}

  void onHead(int status, const HttpHeaders&) override {
    status_ = status;
    headS_ = secondsSince(start_);
  }
  void onBody(std::string_view bytes) override {
    std::size_t at = 0;
    int tokens = 0;
    while ((at = bytes.find("\"finish_reason\":null", at)) != std::string_view::npos) {
      ++tokens;
      at += 20;
    }
    if (tokens > 0) {
      const auto now = SteadyClock::now();
      if (tokens_ == 0) ttftS_ = secondsSince(start_);
      else gapsS_.push_back(std::chrono::duration<double>(now - lastToken_).count());
      lastToken_ = now;
      tokens_ += tokens;
    }
  }
  void onComplete() override {
    e2eS_ = secondsSince(start_);
    ok_ = status_ == 200;
    done_(*this);
  }
  void onError(std::string_view) override { done_(*this); }

  bool ok() const { return ok_; }
  int tokens() const { return tokens_; }
  double headS() const { return headS_; }
  double ttftS() const { return ttftS_; }
  double e2eS() const { return e2eS_; }
  const std::vector<double>& gapsS() const { return gapsS_; }

 private:
  static double secondsSince(SteadyClock::time_point t) { return std::chrono::duration<double>(SteadyClock::now() - t).count(); }

  std::function<void(Probe&)> done_;
  SteadyClock::time_point start_;
  SteadyClock::time_point lastToken_{};
  int status_ = 0;
  int tokens_ = 0;
  bool ok_ = false;
  double headS_ = 0.0;
  double ttftS_ = 0.0;
  double e2eS_ = 0.0;
  std::vector<double> gapsS_;
};

// Runs requests and collects their probes; wait() blocks until all finished or the deadline passed.
class Batch {
 public:
  void start(net::UpstreamClient& client, UpstreamRequest request) {
    {
      std::lock_guard lock(mutex_);
      ++started_;
    }
    auto probe = std::make_shared<Probe>([this](Probe& finished) {
      std::lock_guard lock(mutex_);
      results_.push_back(finished);
      done_.notify_all();
    });
    client.start(std::move(request), probe);
  }
  bool wait(std::chrono::seconds limit) {
    std::unique_lock lock(mutex_);
    return done_.wait_for(lock, limit, [&] { return results_.size() == started_; });
  }
  std::vector<Probe> results() {
    std::lock_guard lock(mutex_);
    return results_;
  }

 private:
  std::mutex mutex_;
  std::condition_variable done_;
  std::size_t started_ = 0;
  std::vector<Probe> results_;
};

void ttftPhase(double ratePerS, double durationS, int maxSeconds) {
  ServeStack stack(modeledConfig());
  net::UpstreamClient client(1, 100000);
  Batch chat;
  Batch batch;
  std::mt19937_64 random(7);
  std::exponential_distribution<double> gap(ratePerS);
  const auto start = SteadyClock::now();
  auto next = start;
  int sent = 0;
  while (std::chrono::duration<double>(next - start).count() < durationS) {
    std::this_thread::sleep_until(next);
    // One third chat (interactive, short replies), two thirds batch (long replies).
    if (sent++ % 3 == 0) {
      chat.start(client, completionRequest(stack.server.port(), 2000, 64, true, "chat"));
    } else {
      batch.start(client, completionRequest(stack.server.port(), 4000, 256, true, "batch"));
    }
    next += std::chrono::duration_cast<SteadyClock::duration>(std::chrono::duration<double>(gap(random)));
  }
  const bool finished = chat.wait(std::chrono::seconds(maxSeconds)) && batch.wait(std::chrono::seconds(maxSeconds));
  fmt::print("\n1. TTFT per class: Poisson {:.1f} req/s for {:.0f} s, modeled Llama-3.1-8B on A100-80G, streaming{}\n",
             ratePerS, durationS, finished ? "" : " (time limit hit)");
  fmt::print("{:<6} {:>8} {:>6} {:>10} {:>10} {:>10} {:>10} {:>10}\n", "class", "requests", "ok", "TTFT p50", "TTFT p99",
             "TBT p99", "e2e p50", "e2e p99");
  for (auto [name, runs] : {std::pair{"chat", chat.results()}, std::pair{"batch", batch.results()}}) {
    std::vector<double> ttft, e2e, gaps;
    int ok = 0;
    for (const Probe& probe : runs) {
      if (!probe.ok()) continue;
      ++ok;
      ttft.push_back(probe.ttftS());
      e2e.push_back(probe.e2eS());
      gaps.insert(gaps.end(), probe.gapsS().begin(), probe.gapsS().end());
    }
    fmt::print("{:<6} {:>8} {:>6} {:>8.1f}ms {:>8.1f}ms {:>8.1f}ms {:>9.2f}s {:>9.2f}s\n", name, runs.size(), ok,
               nearestRankPercentile(ttft, 50) * 1e3, nearestRankPercentile(ttft, 99) * 1e3, nearestRankPercentile(gaps, 99) * 1e3,
               nearestRankPercentile(e2e, 50), nearestRankPercentile(e2e, 99));
  }
}

void routerLatencyPhase(int requests, const CertificatePair& pair) {
  const ServeConfig config = instantConfig();
  ServeStack stack(config);
  RouteStack router(stack.server.port());
  std::unique_ptr<QuicMember> quicMember;
  std::unique_ptr<RouteStack> quicRouter;
  if (pair.ok()) {
    quicMember = std::make_unique<QuicMember>(stack, pair, config);
    quicRouter = std::make_unique<RouteStack>(quicMember->server.port(), pair.certificate);
  }
  net::UpstreamClient client(1, 16);
  // Paths in turn: direct, router (HTTP member), router (QUIC member).
  const int paths = quicRouter ? 3 : 2;
  std::vector<std::vector<double>> e2e(static_cast<std::size_t>(paths));
  for (int i = 0; i < requests * paths; ++i) {
    const int path = i % paths;
    const std::uint16_t port = path == 0 ? stack.server.port() : path == 1 ? router.server.port() : quicRouter->server.port();
    Batch one;
    one.start(client, completionRequest(port, 40, 1, false, "chat"));
    if (!one.wait(std::chrono::seconds(10))) continue;
    const Probe probe = one.results().front();
    if (!probe.ok()) continue;
    e2e[static_cast<std::size_t>(path)].push_back(probe.e2eS());
  }
  // The first requests open connections; keep the steady state.
  for (auto& v : e2e) v.erase(v.begin(), v.begin() + std::min<std::size_t>(v.size(), 20));
  const std::vector<double>& direct = e2e[0];
  fmt::print("\n2. Router added latency: {} requests each way, one at a time, keep-alive, 1-token replies\n", direct.size());
  fmt::print("{:<12} {:>10} {:>10} {:>10}\n", "path", "p50", "p90", "p99");
  const char* names[] = {"direct", "router", "router-quic"};
  for (int path = 0; path < paths; ++path) {
    const auto& v = e2e[static_cast<std::size_t>(path)];
    fmt::print("{:<12} {:>8.0f}us {:>8.0f}us {:>8.0f}us\n", names[path], nearestRankPercentile(v, 50) * 1e6, nearestRankPercentile(v, 90) * 1e6,
               nearestRankPercentile(v, 99) * 1e6);
  }
  for (int path = 1; path < paths; ++path) {
    const auto& v = e2e[static_cast<std::size_t>(path)];
    fmt::print("{:<12} {:>8.0f}us {:>8.0f}us {:>8.0f}us\n", path == 1 ? "added" : "added-quic",
               (nearestRankPercentile(v, 50) - nearestRankPercentile(direct, 50)) * 1e6, (nearestRankPercentile(v, 90) - nearestRankPercentile(direct, 90)) * 1e6,
               (nearestRankPercentile(v, 99) - nearestRankPercentile(direct, 99)) * 1e6);
  }
}

void streamsPhase(int streams, int maxTokens, int maxSeconds, const CertificatePair& pair) {
  const ServeConfig config = modeledConfig();
  ServeStack stack(config);
  RouteStack router(stack.server.port());
  std::unique_ptr<QuicMember> quicMember;
  std::unique_ptr<RouteStack> quicRouter;
  if (pair.ok()) {
    quicMember = std::make_unique<QuicMember>(stack, pair, config);
    quicRouter = std::make_unique<RouteStack>(quicMember->server.port(), pair.certificate);
  }
  fmt::print("\n3. Concurrent streams: {} streaming batch-class requests opened at once (prompt ~50 tokens, {} tokens each), "
             "modeled A100\n",
             streams, maxTokens);
  fmt::print("{:<12} {:>8} {:>6} {:>10} {:>10} {:>10} {:>10} {:>12} {:>10}\n", "path", "streams", "ok", "TTFT p50", "TTFT p99",
             "TBT p99", "wall", "tokens/s", "CPU");
  for (int path = 0; path < (quicRouter ? 3 : 2); ++path) {
    const std::uint16_t port = path == 0 ? stack.server.port() : path == 1 ? router.server.port() : quicRouter->server.port();
    net::UpstreamClient client(1, static_cast<std::size_t>(streams));
    Batch all;
    const double cpuBeforeS = processCpuSeconds();
    const auto start = SteadyClock::now();
    for (int i = 0; i < streams; ++i) {
      all.start(client, completionRequest(port, 200, maxTokens, true, "batch"));
    }
    const bool finished = all.wait(std::chrono::seconds(maxSeconds));
    const double wallS = std::chrono::duration<double>(SteadyClock::now() - start).count();
    const double cpuS = processCpuSeconds() - cpuBeforeS;
    std::vector<double> ttft, gaps;
    int ok = 0;
    std::int64_t tokens = 0;
    for (const Probe& probe : all.results()) {
      if (!probe.ok() || probe.tokens() != maxTokens) continue;
      ++ok;
      tokens += probe.tokens();
      ttft.push_back(probe.ttftS());
      gaps.insert(gaps.end(), probe.gapsS().begin(), probe.gapsS().end());
    }
    const char* names[] = {"direct", "router", "router-quic"};
    fmt::print("{:<12} {:>8} {:>6} {:>8.0f}ms {:>8.0f}ms {:>8.0f}ms {:>9.1f}s {:>12.0f} {:>9.1f}s{}\n", names[path], streams, ok, nearestRankPercentile(ttft, 50) * 1e3, nearestRankPercentile(ttft, 99) * 1e3,
               nearestRankPercentile(gaps, 99) * 1e3, wallS, static_cast<double>(tokens) / wallS, cpuS,
               finished ? "" : " (time limit hit)");
  }
}

}  // namespace

int main(int argc, char** argv) {
  headroom::net::raiseOpenFileLimit();  // thousands of loopback connections, both of their ends in this process
  CLI::App app{"bench_serve: per-class TTFT, router added latency and concurrent streams on loopback"};
  double ratePerS = 6.0;
  double durationS = 20.0;
  int latencyRequests = 2000;
  int streams = 2000;
  int streamTokens = 64;
  int maxSeconds = 120;
  app.add_option("--rate", ratePerS, "Phase 1 arrival rate, requests per second (default 6; 0 skips the phase)");
  app.add_option("--duration", durationS, "Phase 1 arrival window in seconds (default 20)");
  app.add_option("--latency-requests", latencyRequests, "Phase 2 requests per path (default 2000; 0 skips the phase)");
  app.add_option("--streams", streams, "Phase 3 concurrent streams (default 2000; 0 skips the phase)");
  app.add_option("--stream-tokens", streamTokens, "Phase 3 tokens per stream (default 64)");
  app.add_option("--max-seconds", maxSeconds, "Time limit per phase to finish (default 120)");
  CLI11_PARSE(app, argc, argv);

  rlimit files{};
  getrlimit(RLIMIT_NOFILE, &files);
  files.rlim_cur = files.rlim_max;
  setrlimit(RLIMIT_NOFILE, &files);
  spdlog::set_level(spdlog::level::warn);

  const CertificatePair pair = CertificatePair::make();
  if (!pair.ok()) fmt::print(stderr, "openssl could not make a certificate pair: the QUIC paths are left out\n");
  if (ratePerS > 0) ttftPhase(ratePerS, durationS, maxSeconds);
  if (latencyRequests > 0) routerLatencyPhase(latencyRequests, pair);
  if (streams > 0) streamsPhase(streams, streamTokens, maxSeconds, pair);
  return 0;
}
