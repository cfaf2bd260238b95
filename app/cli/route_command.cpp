#include <algorithm>
#include <chrono>
#include <csignal>
#include <iostream>
#include <memory>

#include <spdlog/spdlog.h>

#include "app/cli/network_commands.h"
#include "app/cli/stop_signals.h"
#include "engine/core/time.h"
#include "serve/router/route_config.h"
#include "serve/router/route_service.h"
#include "net/http_server.h"
#include "net/open_file_limit.h"
#include "net/quic/quic_upstream_transport.h"
#include "serve/router/member_stream_metrics.h"
#include "net/upstream_client.h"

namespace headroom::cli {

CLI::App* addRouteCommand(CLI::App& app, RouteArgs& args) {
  CLI::App* route = app.add_subcommand(
      "route", "Front several OpenAI-compatible servers: route by class shares or load, retry on failure (until SIGINT/SIGTERM)");
  route->add_option("config", args.configPath, "Router configuration (JSON: members, routing, classes, tenants and keys)")
      ->required();
  route->add_option("--plan", args.planPath, "Take the per-class shares from a plan (headroom-cli plan --json)")
      ->check(CLI::ExistingFile);
  route->add_option("--host", args.host, "Address to bind (default 127.0.0.1)");
  route->add_option("--port", args.port, "TCP port; 0 picks a free one (default 8080)");
  route->add_option("--threads", args.threads, "I/O threads for clients and for members, each (default 1)")
      ->check(CLI::Range(1, 64));
  route->add_option("--tls-cert", args.tlsCert, "PEM certificate chain: serve HTTPS")->check(CLI::ExistingFile);
  route->add_option("--tls-key", args.tlsKey, "PEM private key for --tls-cert")->check(CLI::ExistingFile);
  route->add_option("--drain-s", args.drainS,
                    "On SIGTERM/SIGINT: seconds forwarded requests may finish while new ones get 503, before the rest "
                    "end with an error (default: the config's limits.drain_s, else 30; a second signal ends at once)")
      ->check(CLI::Range(0.0, 86400.0));
  return route;
}

int runRoute(const RouteArgs& args) {
  serve::RouteConfig config = serve::loadRouteConfig(args.configPath);
  if (!args.planPath.empty()) {
    config.shares = serve::loadPlanShares(args.planPath, config.classes, config.members.size());
    config.policy = serve::RoutePolicy::Weighted;
  }
  if (args.tlsCert.empty() != args.tlsKey.empty()) {
    throw std::invalid_argument("--tls-cert and --tls-key must be given together");
  }
  // Each client connection may hold a connection to a member while its request is forwarded.
  serve::checkOpenFileLimit(config.limits, net::raiseOpenFileLimit().soft, 2, args.configPath);
  const sigset_t signals = blockStopSignals();

  auto client = std::make_unique<net::UpstreamClient>(args.threads);
  std::vector<std::string> classNames;
  for (const serve::ServedClass& served : config.classes) classNames.push_back(served.qos.name);
  auto quicMetrics = std::make_shared<serve::MemberStreamMetrics>(classNames, config.members);
  const bool anyQuic = std::any_of(config.members.begin(), config.members.end(),
                                   [](const serve::RouteMember& member) { return member.endpoint.quic; });
  net::quic::QuicUpstreamOptions quicOptions;
  quicOptions.observer = quicMetrics;
  auto quicClient = std::make_unique<net::quic::QuicUpstreamTransport>(quicOptions);
  auto transport = std::make_unique<net::quic::UpstreamByProtocol>(*client, *quicClient);
  auto service = std::make_unique<serve::RouteService>(config, *transport);
  if (anyQuic) service->setQuicStreamMetrics(quicMetrics);
  service->startHealthChecks();
  net::HttpServerOptions options;
  options.address = args.host;
  options.port = args.port;
  options.threads = args.threads;
  options.maxBodyBytes = config.limits.maxBodyBytes;
  options.maxHeaderBytes = config.limits.maxHeaderBytes;
  options.maxConnections = config.limits.maxConnections;
  options.maxConnectionsPerClient = config.limits.maxConnectionsPerClient;
  options.headerTimeout = config.limits.headerTimeout;
  options.bodyTimeout = config.limits.bodyTimeout;
  options.idleTimeout = config.limits.idleTimeout;
  options.counters = service->httpCounters();
  options.tlsCertificate = args.tlsCert;
  options.tlsKey = args.tlsKey;
  net::HttpServer server(options, *service);
  server.start();
  std::cout << "headroom route: listening on " << (server.tls() ? "https" : "http") << "://" << args.host << ":"
            << server.port() << " (" << config.members.size() << " members, "
            << (config.policy == serve::RoutePolicy::Weighted ? "weighted" : "least-loaded")
            << (config.tiers ? ", tier router " + service->tierRouterName() : std::string()) << ")" << std::endl;
  const int received = waitForSignal(signals);
  const engine::Duration drain =
      args.drainS >= 0.0 ? engine::durationFromSeconds(args.drainS) : config.limits.drainTime;
  spdlog::info("route: signal {} received, draining for up to {} s", received, engine::toSeconds(drain));
  service->beginDrain(drain);
  const auto drainTime = std::chrono::duration_cast<std::chrono::milliseconds>(drain);
  if (!waitForDrain(signals, drainTime, [&](std::chrono::milliseconds slice) { return service->waitDrained(slice); })) {
    spdlog::warn("route: requests still in flight after the drain end with an error");
  }
  service->endInFlight();
  // Let the last events and 503s go out, then close.
  server.stop(std::chrono::milliseconds(2000));
  // Calls in flight hold exchanges of the stopped server: stop the client first, then the service.
  service->stopHealthChecks();
  quicClient.reset();
  client.reset();
  service.reset();
  return 0;
}

}  // namespace headroom::cli
