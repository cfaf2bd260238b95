#include <chrono>
#include <csignal>
#include <iostream>
#include <memory>
#include <optional>

#include <spdlog/spdlog.h>

#include "app/cli/network_commands.h"
#include "app/cli/stop_signals.h"
#include "engine/core/time.h"
#include "serve/server/serve_api.h"
#include "serve/server/serve_config.h"
#include "serve/server/serving_host.h"
#include "net/http_server.h"
#include "net/open_file_limit.h"
#include "net/quic/quic_udp_server.h"

namespace headroom::cli {

namespace {

net::HttpServerOptions serverOptions(const std::string& host, std::uint16_t port, int threads,
                                     const serve::ServeLimits& limits, const std::string& cert,
                                     const std::string& key) {
  net::HttpServerOptions options;
  options.address = host;
  options.port = port;
  options.threads = threads;
  options.maxBodyBytes = limits.maxBodyBytes;
  options.maxHeaderBytes = limits.maxHeaderBytes;
  options.maxConnections = limits.maxConnections;
  options.maxConnectionsPerClient = limits.maxConnectionsPerClient;
  options.headerTimeout = limits.headerTimeout;
  options.bodyTimeout = limits.bodyTimeout;
  options.idleTimeout = limits.idleTimeout;
  options.tlsCertificate = cert;
  options.tlsKey = key;
  return options;
}

// What --quic-port and its flags ask for, or nothing without --quic-port; throws std::invalid_argument
// for flags that do not fit (before anything starts).
std::optional<net::quic::QuicUdpServerOptions> quicServerOptions(const ServeArgs& args, const serve::ServeConfig& config) {
  if (args.quicPort < 0) {
    if (!args.quicCert.empty() || !args.quicKey.empty()) throw std::invalid_argument("--quic-cert and --quic-key need --quic-port");
    return std::nullopt;
  }
  if (args.quicCert.empty() || args.quicKey.empty()) {
    throw std::invalid_argument(
        "--quic-port needs --quic-cert and --quic-key (QUIC always uses TLS; the router pins the certificate). "
        "Make a pair with: openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 365 "
        "-subj /CN=headroom -keyout key.pem -out cert.pem");
  }
  const auto scheduler = net::quic::parseStreamSchedulerName(args.quicStreamScheduler);
  if (!scheduler) {
    throw std::invalid_argument("--quic-stream-scheduler \"" + args.quicStreamScheduler + "\": allowed are " +
                                std::string(net::quic::streamSchedulerNames()));
  }
  const auto congestion = net::quic::parseCongestionControlName(args.quicCongestion);
  if (!congestion) {
    throw std::invalid_argument("--quic-congestion \"" + args.quicCongestion + "\": allowed are " +
                                std::string(net::quic::kCongestionControlNames));
  }
  net::quic::QuicUdpServerOptions options;
  options.address = args.host;
  options.port = static_cast<std::uint16_t>(args.quicPort);
  options.quic.certificate = args.quicCert;
  options.quic.key = args.quicKey;
  options.quic.scheduler.kind = *scheduler;
  options.quic.limits.congestionControl = *congestion;
  for (const serve::ServedClass& served : config.classes) options.classNames.push_back(served.qos.name);
  return options;
}

// How long the last replies (error events, 503s) may take to be written after the drain.
constexpr std::chrono::milliseconds kFlushGrace{2000};

}  // namespace

CLI::App* addServeCommand(CLI::App& app, ServeArgs& args) {
  CLI::App* serve = app.add_subcommand(
      "serve", "Serve an OpenAI-compatible API from one instance with per-class QoS (until SIGINT/SIGTERM)");
  serve->add_option("config", args.configPath, "Serving configuration (JSON: classes, tenants and keys, limits)")
      ->required();
  serve->add_option("--host", args.host, "Address to bind (default 127.0.0.1)");
  serve->add_option("--port", args.port, "TCP port; 0 picks a free one (default 8000)");
  serve->add_option("--threads", args.threads, "I/O threads (default 1)")->check(CLI::Range(1, 64));
  serve->add_option("--tls-cert", args.tlsCert, "PEM certificate chain: serve HTTPS")->check(CLI::ExistingFile);
  serve->add_option("--tls-key", args.tlsKey, "PEM private key for --tls-cert")->check(CLI::ExistingFile);
  serve->add_option("--drain-s", args.drainS,
                    "On SIGTERM/SIGINT: seconds running requests may finish while new ones get 503, before the rest "
                    "end with an error (default: the config's limits.drain_s, else 30; a second signal ends at once)")
      ->check(CLI::Range(0.0, 86400.0));
  serve->add_option("--quic-port", args.quicPort,
                    "Also serve the API over QUIC on this UDP port (0 picks a free one): one stream per request, as "
                    "`headroom-cli route` sends to members of transport \"quic\"; needs --quic-cert and --quic-key")
      ->check(CLI::Range(0, 65535));
  serve->add_option("--quic-cert", args.quicCert, "PEM certificate for --quic-port (the router pins it)")->check(CLI::ExistingFile);
  serve->add_option("--quic-key", args.quicKey, "PEM private key for --quic-cert")->check(CLI::ExistingFile);
  serve->add_option("--quic-stream-scheduler", args.quicStreamScheduler,
                    "Order of the QUIC answers: rr, fcfs, abs, edf (drops answers past their deadline), ml (default edf)");
  serve->add_option("--quic-congestion", args.quicCongestion,
                    "What paces the QUIC answers: bbr2 (default), bbr or cubic (cubic reads random loss as congestion)");
  return serve;
}

int runServe(const ServeArgs& args) {
  const serve::ServeConfig config = serve::loadServeConfig(args.configPath);
  serve::checkOpenFileLimit(config.limits, net::raiseOpenFileLimit().soft, 1, args.configPath);
  if (args.tlsCert.empty() != args.tlsKey.empty()) {
    throw std::invalid_argument("--tls-cert and --tls-key must be given together");
  }
  std::optional<net::quic::QuicUdpServerOptions> quicOptions = quicServerOptions(args, config);
  const sigset_t signals = blockStopSignals();
  auto host = std::make_unique<serve::ServingHost>(config);
  auto api = std::make_unique<serve::ServeApi>(config, *host);
  net::HttpServerOptions options = serverOptions(args.host, args.port, args.threads, config.limits, args.tlsCert, args.tlsKey);
  options.counters = api->httpCounters();
  std::vector<std::string> classNames;
  for (const serve::ServedClass& served : config.classes) classNames.push_back(served.qos.name);
  auto quicMetrics = std::make_shared<serve::QuicStreamMetrics>(std::move(classNames));
  std::unique_ptr<net::quic::QuicUdpServer> quic;
  if (quicOptions) {
    quicOptions->http = options;
    quicOptions->observer = quicMetrics;
    quic = std::make_unique<net::quic::QuicUdpServer>(std::move(*quicOptions), *api);
    api->setQuicStreamMetrics(quicMetrics);
  }
  net::HttpServer server(options, *api);
  server.start();
  if (quic) quic->start();
  std::cout << "headroom serve: listening on " << (server.tls() ? "https" : "http") << "://" << args.host << ":"
            << server.port() << " (model " << config.modelName << ", " << host->describeExecutor() << ")"
            << std::endl;
  if (quic) {
    std::cout << "headroom serve: QUIC on quic://" << args.host << ":" << quic->port() << " (answers scheduled "
              << args.quicStreamScheduler << ", congestion control " << args.quicCongestion << ")" << std::endl;
  }
  const int received = waitForSignal(signals);
  const engine::Duration drain =
      args.drainS >= 0.0 ? engine::durationFromSeconds(args.drainS) : config.limits.drainTime;
  spdlog::info("serve: signal {} received, draining for up to {} s", received, engine::toSeconds(drain));
  host->beginDrain(drain);
  const auto drainTime = std::chrono::duration_cast<std::chrono::milliseconds>(drain);
  if (!waitForDrain(signals, drainTime, [&](std::chrono::milliseconds slice) { return host->waitDrained(slice); })) {
    spdlog::warn("serve: requests still running after the drain end with an error");
  }
  // What is left hears Shutdown: a stream's error event, a buffered reply's 503. Let those go out.
  host->stopNow();
  api->stopTelemetry();
  server.stop(kFlushGrace);
  if (quic) quic->stop();
  // Listeners still hold exchanges of the stopped server: finish them before the server goes.
  api.reset();
  host.reset();
  return 0;
}

}  // namespace headroom::cli
