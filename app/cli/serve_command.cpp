#include <chrono>
#include <csignal>
#include <iostream>
#include <memory>

#include <spdlog/spdlog.h>

#include "app/cli/network_commands.h"
#include "app/cli/stop_signals.h"
#include "engine/core/time.h"
#include "serve/server/serve_api.h"
#include "serve/server/serve_config.h"
#include "serve/server/serving_host.h"
#include "net/http_server.h"
#include "net/open_file_limit.h"

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
  return serve;
}

int runServe(const ServeArgs& args) {
  const serve::ServeConfig config = serve::loadServeConfig(args.configPath);
  serve::checkOpenFileLimit(config.limits, net::raiseOpenFileLimit().soft, 1, args.configPath);
  if (args.tlsCert.empty() != args.tlsKey.empty()) {
    throw std::invalid_argument("--tls-cert and --tls-key must be given together");
  }
  const sigset_t signals = blockStopSignals();
  auto host = std::make_unique<serve::ServingHost>(config);
  auto api = std::make_unique<serve::ServeApi>(config, *host);
  net::HttpServerOptions options = serverOptions(args.host, args.port, args.threads, config.limits, args.tlsCert, args.tlsKey);
  options.counters = api->httpCounters();
  net::HttpServer server(options, *api);
  server.start();
  std::cout << "headroom serve: listening on " << (server.tls() ? "https" : "http") << "://" << args.host << ":"
            << server.port() << " (model " << config.modelName << ", " << host->describeExecutor() << ")"
            << std::endl;
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
  // Listeners still hold exchanges of the stopped server: finish them before the server goes.
  api.reset();
  host.reset();
  return 0;
}

}  // namespace headroom::cli
