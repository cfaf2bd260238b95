#include <algorithm>
#include <chrono>
#include <csignal>
#include <iostream>
#include <memory>

#include <spdlog/fmt/fmt.h>
#include <spdlog/spdlog.h>

#include "app/cli/network_commands.h"
#include "app/cli/replan_solve.h"
#include "app/cli/stop_signals.h"
#include "engine/core/time.h"
#include "serve/fleet/mode_hardware.h"
#include "serve/router/replan_runner.h"
#include "serve/router/route_config.h"
#include "solver/planning_file.h"
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
  route->add_option("--replan", args.replan,
                    "Re-plan at run time from the measured per-class rates: advisory (publish the recommendation: "
                    "gauges, GET /v1/headroom/replan) or auto (also apply its per-class shares)")
      ->check(CLI::IsMember({"advisory", "auto"}));
  route->add_option("--interval", args.replanIntervalS, "--replan: seconds between solves (default 60)")
      ->check(CLI::Range(1.0, 86400.0));
  route->add_option("--budget", args.replanBudgetGpus,
                    "--replan: GPUs the plan may take; a plan above it is refused (default: no budget)")
      ->check(CLI::PositiveNumber);
  route->add_option("--replan-input", args.replanInput,
                    "--replan: the planning file the plan was made from (its classes, modes and latency curves)")
      ->check(CLI::ExistingFile);
  route->add_option("--replan-log", args.replanLog, "--replan: append every decision to this file (JSON lines)");
  route->add_option("--mode-map", args.modeMap,
                    "--replan: where a plan mode runs, MODE=MODEL@HARDWARE[xTP], for its GPUs per instance (default 1)");
  return route;
}

namespace {

// The re-planner of `route --replan`, or null without it. Throws std::invalid_argument for flags that do
// not go together.
std::shared_ptr<serve::ReplanRunner> makeReplanner(const RouteArgs& args, const serve::RouteConfig& config,
                                                   serve::RouteService& service) {
  if (args.replan.empty()) {
    for (const auto& [given, flag] : {std::pair{args.replanInput.empty(), "--replan-input"},
                                      std::pair{args.replanLog.empty(), "--replan-log"},
                                      std::pair{args.modeMap.empty(), "--mode-map"}}) {
      if (!given) throw std::invalid_argument(std::string(flag) + " needs --replan advisory|auto");
    }
    if (args.replanBudgetGpus >= 0.0) throw std::invalid_argument("--budget needs --replan advisory|auto");
    return nullptr;
  }
  if (args.replanInput.empty()) {
    throw std::invalid_argument("--replan needs --replan-input PLANNING.json: the planning file (classes, modes, latency "
                                "curves) the plan is re-solved with");
  }
  const solver::PlanningInput input = solver::loadPlanningFile(args.replanInput);
  std::vector<std::string> classNames;
  for (const serve::ServedClass& served : config.classes) {
    classNames.push_back(served.qos.name);
    const bool planned = std::any_of(input.classes.begin(), input.classes.end(),
                                     [&](const solver::PlanningClass& each) { return each.name == served.qos.name; });
    if (!planned) {
      throw std::invalid_argument(args.replanInput + ": has no class \"" + served.qos.name +
                                  "\" of the router's configuration; --replan needs the planning file of the router's classes");
    }
  }
  // The planning file in the router's class order.
  solver::PlanningInput ordered = input;
  ordered.classes.clear();
  for (const std::string& name : classNames) {
    for (const solver::PlanningClass& each : input.classes) {
      if (each.name == name) ordered.classes.push_back(each);
    }
  }
  serve::ReplannerOptions options = serve::ReplannerOptions::forInterval(args.replanIntervalS);
  if (args.replanBudgetGpus > 0.0) options.budgetGpus = args.replanBudgetGpus;
  std::vector<serve::ModeHardware> mapped;
  for (const std::string& text : args.modeMap) mapped.push_back(serve::parseModeHardware(text));
  for (const serve::ModeHardware& each : mapped) {
    const bool known = std::any_of(ordered.modes.begin(), ordered.modes.end(),
                                   [&](const solver::InstanceMode& mode) { return mode.name == each.mode; });
    if (!known) throw std::invalid_argument("--mode-map names mode \"" + each.mode + "\", which " + args.replanInput + " has not");
  }
  for (const solver::InstanceMode& mode : ordered.modes) {
    const serve::ModeHardware* where = serve::findModeHardware(mapped, mode.name);
    options.gpusPerInstance.push_back(where != nullptr ? static_cast<double>(where->tensorParallel) : 1.0);
  }
  serve::ReplanSolve solve = replanSolveFor(ordered);
  // The plan the router starts with: the planning file's own rates (what `headroom-cli plan` made of it).
  std::vector<double> plannedRates;
  for (const solver::PlanningClass& each : ordered.classes) plannedRates.push_back(each.ratePerS);
  serve::ReplanPlan initial = solve(plannedRates, options.budgetGpus);
  // The router starts on that plan: one it cannot have is refused before it listens.
  if (!initial.feasible) {
    throw std::invalid_argument("--replan: " + args.replanInput + " has no plan for its own rates (the plan the router starts with): " +
                                initial.reason);
  }
  if (initial.gpus(options.gpusPerInstance) > options.budgetGpus) {
    std::string counts;
    for (std::size_t mode = 0; mode < initial.modeNames.size() && mode < initial.instancesPerMode.size(); ++mode) {
      if (initial.instancesPerMode[mode] <= 0) continue;
      counts += (counts.empty() ? "" : ", ") + fmt::format("{} {}", initial.modeNames[mode], initial.instancesPerMode[mode]);
    }
    throw std::invalid_argument(fmt::format(
        "--budget {:g}: the plan for the rates of {} (the plan the router starts with) needs {:g} GPUs ({}), above the budget "
        "of {:g}; raise --budget or plan for lower rates",
        options.budgetGpus, args.replanInput, initial.gpus(options.gpusPerInstance), counts, options.budgetGpus));
  }
  const serve::ReplanMode mode = *serve::replanModeFromString(args.replan);
  serve::Replanner replanner(classNames, std::move(initial), options, std::move(solve), engine::kTimeZero);
  return std::make_shared<serve::ReplanRunner>(
      std::move(replanner), mode, args.replanLog, config.members.size(),
      [&service](std::vector<std::vector<double>> shares) { service.setShares(serve::RoutePolicy::Weighted, std::move(shares)); });
}

}  // namespace

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
  const std::shared_ptr<serve::ReplanRunner> replanner = makeReplanner(args, config, *service);
  if (replanner) service->setReplanner(replanner);
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
  if (replanner) replanner->start();
  std::cout << "headroom route: listening on " << (server.tls() ? "https" : "http") << "://" << args.host << ":"
            << server.port() << " (" << config.members.size() << " members, "
            << (config.policy == serve::RoutePolicy::Weighted ? "weighted" : "least-loaded")
            << (config.tiers ? ", tier router " + service->tierRouterName() : std::string())
            << (replanner ? ", re-planning " + args.replan + " every " + fmt::format("{:g}", args.replanIntervalS) + " s"
                          : std::string())
            << ")" << std::endl;
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
  if (replanner) replanner->stop();
  // Calls in flight hold exchanges of the stopped server: stop the client first, then the service.
  service->stopHealthChecks();
  quicClient.reset();
  client.reset();
  service.reset();
  return 0;
}

}  // namespace headroom::cli
