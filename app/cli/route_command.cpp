#include <csignal>
#include <iostream>
#include <memory>

#include <pthread.h>
#include <spdlog/spdlog.h>

#include "app/cli/network_commands.h"
#include "serve/router/route_config.h"
#include "serve/router/route_service.h"
#include "net/http_server.h"
#include "net/open_file_limit.h"
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
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  auto client = std::make_unique<net::UpstreamClient>(args.threads);
  auto service = std::make_unique<serve::RouteService>(config, *client);
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
            << (config.policy == serve::RoutePolicy::Weighted ? "weighted" : "least-loaded") << ")" << std::endl;
  int received = 0;
  sigwait(&signals, &received);
  spdlog::info("route: signal {} received, stopping", received);
  server.stop();
  // Calls in flight hold exchanges of the stopped server: stop the client first, then the service.
  service->stopHealthChecks();
  client.reset();
  service.reset();
  return 0;
}

}  // namespace headroom::cli
