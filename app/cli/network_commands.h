#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "net/quic/congestion_control.h"

namespace headroom::cli {

// Flags of `headroom-cli serve`.
struct ServeArgs {
  std::string configPath;
  std::string host = "127.0.0.1";
  std::uint16_t port = 8000;
  int threads = 1;
  std::string tlsCert;
  std::string tlsKey;
  double drainS = -1.0;  // on SIGTERM/SIGINT: how long running requests may finish; < 0: the config's
  int quicPort = -1;     // < 0: no QUIC; 0: any free UDP port
  std::string quicCert;
  std::string quicKey;
  std::string quicStreamScheduler = "edf";
  std::string quicCongestion{net::quic::congestionControlName(net::quic::kDefaultCongestionControl)};
};

// Flags of `headroom-cli route`.
struct RouteArgs {
  std::string configPath;
  std::string planPath;
  std::string host = "127.0.0.1";
  std::uint16_t port = 8080;
  int threads = 1;
  std::string tlsCert;
  std::string tlsKey;
  double drainS = -1.0;  // on SIGTERM/SIGINT: how long forwarded requests may finish; < 0: the config's
  // Re-planning at run time: "advisory" or "auto" (empty: off), every `replanIntervalS`, within
  // `replanBudgetGpus` (< 0: none), from the planning file `replanInput`; decisions appended to `replanLog`;
  // `modeMap` (MODE=MODEL@HARDWARE[xTP]) gives each mode's GPUs per instance (unmapped: 1).
  std::string replan;
  double replanIntervalS = 60.0;
  double replanBudgetGpus = -1.0;
  std::string replanInput;
  std::string replanLog;
  std::vector<std::string> modeMap;
};

CLI::App* addServeCommand(CLI::App& app, ServeArgs& args);
CLI::App* addRouteCommand(CLI::App& app, RouteArgs& args);

// Both run until SIGINT or SIGTERM, then drain: new requests get 503 (Retry-After) and /health 503,
// requests in flight may finish for --drain-s, the rest end with an error (a stream's last event, or a
// 503 body); a second signal ends the drain at once. They return the exit code; bad configuration throws
// engine::InputError, a port that cannot be bound std::runtime_error.
int runServe(const ServeArgs& args);
int runRoute(const RouteArgs& args);

}  // namespace headroom::cli
