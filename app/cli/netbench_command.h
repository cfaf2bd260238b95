#pragma once

#include <cstdint>
#include <string>

#include <CLI/CLI.hpp>

#include "net/quic/congestion_control.h"

namespace headroom::cli {

// Flags of `headroom-cli netbench`.
struct NetbenchArgs {
  std::string variants = "rr,fcfs,edf,abs,ml,tls-tcp";
  std::size_t seeds = 10;
  std::uint64_t firstSeed = 1;
  std::size_t requests = 80;
  double rateMbit = 5.0;
  double delayMs = 50.0;
  std::string delayIs = "one-way";  // one-way or rtt
  double loss = 0.005;
  double queueKiB = 64.0;           // per direction; 0: unlimited
  bool rateShared = false;
  bool ratePerDirection = false;
  std::string arrival = "poisson";
  double load = 0.5;
  std::string link = "virtual";
  std::string congestion{net::quic::congestionControlName(net::quic::kDefaultCongestionControl)};
  std::string jsonPath;
  bool progress = false;
};

CLI::App* addNetbenchCommand(CLI::App& app, NetbenchArgs& args);
// Runs the experiment and prints the tables (and JSON). Bad flags throw std::invalid_argument naming the
// flag and the allowed values; returns the exit code.
int runNetbench(const NetbenchArgs& args);

}  // namespace headroom::cli
