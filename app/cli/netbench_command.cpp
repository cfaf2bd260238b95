#include "app/cli/netbench_command.h"

#include <atomic>
#include <cmath>
#include <ctime>
#include <future>
#include <cstdio>
#include <iostream>
#include <sstream>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "app/cli/output_file.h"
#include "app/cli/stop_signals.h"
#include "net/netbench/netbench.h"

namespace headroom::cli {

namespace nb = net::netbench;

namespace {

// A CLI11 check by one of the product's own name parsers, so the allowed names live in one place.
template <typename Parse>
CLI::Validator namedValue(Parse parse, std::string_view allowed) {
  return CLI::Validator(
      [parse, allowed = std::string(allowed)](std::string& value) -> std::string {
        if (parse(value)) return {};
        return "'" + value + "' is not allowed: " + allowed;
      },
      "{" + std::string(allowed) + "}");
}

std::vector<nb::NetbenchVariant> parseVariants(const std::string& list) {
  std::vector<nb::NetbenchVariant> variants;
  std::stringstream stream(list);
  std::string name;
  while (std::getline(stream, name, ',')) {
    const auto variant = nb::parseNetbenchVariant(name);
    if (!variant) {
      throw std::invalid_argument("--variants: '" + name + "' is not a variant; allowed: " +
                                  std::string(nb::kNetbenchVariantNames));
    }
    for (const nb::NetbenchVariant& seen : variants) {
      if (seen.name == variant->name) throw std::invalid_argument("--variants: '" + name + "' is named twice");
    }
    variants.push_back(*variant);
  }
  if (variants.empty()) {
    throw std::invalid_argument("--variants names no variant; allowed: " + std::string(nb::kNetbenchVariantNames));
  }
  return variants;
}

std::string fixed(double value, int decimals) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
  return buffer;
}

std::string seconds(const std::optional<double>& value) { return value ? fixed(*value, 3) : "-"; }

std::string pad(const std::string& text, std::size_t width, bool right = true) {
  if (text.size() >= width) return text;
  return right ? std::string(width - text.size(), ' ') + text : text + std::string(width - text.size(), ' ');
}

std::string percentText(const nb::MeanInterval& share) {
  if (!share.mean) return "-";
  std::string text = fixed(*share.mean, 1) + "%";
  text += share.halfWidth ? " ± " + fixed(*share.halfWidth, 1) : " ± ?";
  return text;
}

std::string describeSettings(const nb::NetbenchSettings& s, std::chrono::nanoseconds meanGap) {
  std::ostringstream out;
  const double delayMs = std::chrono::duration<double, std::milli>(s.link.oneWayDelay).count();
  out << "link " << nb::linkKindName(s.linkKind) << ": " << fixed(s.link.rateBitsPerSecond / 1e6, 2) << " Mbit/s "
      << (s.rateShared ? "shared by both directions" : "per direction") << ", " << fixed(delayMs, 1)
      << " ms one-way delay (RTT " << fixed(2 * delayMs, 1) << " ms), loss " << fixed(s.link.lossRate * 100, 2)
      << "% per packet, queue "
      << (s.link.queueBytes == 0 ? std::string("unlimited") : fixed(s.link.queueBytes / 1024.0, 1) + " KiB")
      << "\nworkload: " << s.workload.requests << " requests per run, each to a random class, "
      << nb::arrivalModeName(s.workload.arrival) << " arrivals";
  if (s.workload.arrival == nb::ArrivalMode::Poisson) {
    out << " at load " << fixed(s.workload.load, 2) << " (mean gap "
        << fixed(std::chrono::duration<double, std::milli>(meanGap).count(), 1) << " ms)";
  }
  out << "; seeds " << s.firstSeed << ".." << s.firstSeed + s.seeds - 1
      << "\nQUIC congestion control: " << net::quic::congestionControlName(s.congestionControl) << "\nclasses:";
  for (const nb::NetbenchClass& c : s.workload.classes) {
    out << " " << c.name << " (" << c.requestBytes << " B, deadline " << fixed(c.deadline.count() / 1000.0, 1)
        << " s, level " << int(c.level) << ")";
  }
  return out.str();
}

void printTables(std::ostream& out, const nb::NetbenchSettings& settings, const nb::NetbenchReport& report,
                 std::chrono::nanoseconds meanGap) {
  out << "netbench: completion within deadline per variant and class\n" << describeSettings(settings, meanGap) << "\n";
  for (const nb::VariantSummary& v : report.variants) {
    out << "\n";
    if (v.unavailable) {
      out << "variant " << v.variant << ": " << *v.unavailable << "\n";
      continue;
    }
    out << "variant " << v.variant << " (" << (v.variant == "tls-tcp" ? "TLS 1.3 over TCP" : "QUIC") << ", " << v.runs
        << (v.runs == 1 ? " run)\n" : " runs)\n");
    out << pad("class", 14, false) << pad("requests", 9) << pad("within deadline (95% CI)", 26) << pad("mean s", 9)
        << pad("p50 s", 9) << pad("p99 s", 9) << pad("dropped", 9) << pad("bytes dropped", 15) << "\n";
    for (const nb::ClassSummary& row : v.classes) {
      out << pad(row.className, 14, false) << pad(std::to_string(row.requests), 9)
          << pad(percentText(row.withinDeadlinePercent), 26) << pad(seconds(row.latencyMeanS), 9)
          << pad(seconds(row.latencyP50S), 9) << pad(seconds(row.latencyP99S), 9)
          << pad(std::to_string(row.streamsDropped), 9) << pad(std::to_string(row.bytesDropped), 15) << "\n";
    }
    for (const std::string& failure : v.failures) out << "  run failed: " << failure << "\n";
  }
  out << "\nranking by completion within deadline (then mean latency):\n";
  for (std::size_t c = 0; c < settings.workload.classes.size(); ++c) {
    out << pad(settings.workload.classes[c].name, 14, false) << ":";
    const auto order = nb::rankVariants(report.variants, c);
    for (std::size_t i = 0; i < order.size(); ++i) {
      for (const nb::VariantSummary& v : report.variants) {
        if (v.variant != order[i]) continue;
        out << (i == 0 ? " " : " > ") << v.variant << " "
            << (v.classes[c].withinDeadlinePercent.mean ? fixed(*v.classes[c].withinDeadlinePercent.mean, 1) + "%" : "-");
      }
    }
    for (const nb::VariantSummary& v : report.variants) {
      if (v.unavailable) out << "; " << v.variant << ": " << *v.unavailable;
    }
    out << "\n";
  }
}

nlohmann::json optionalNumber(const std::optional<double>& value) {
  return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

nlohmann::json toJson(const nb::NetbenchSettings& s, const nb::NetbenchReport& report, std::chrono::nanoseconds meanGap) {
  nlohmann::json classes = nlohmann::json::array();
  for (const nb::NetbenchClass& c : s.workload.classes) {
    classes.push_back({{"name", c.name},
                       {"request_bytes", c.requestBytes},
                       {"deadline_s", c.deadline.count() / 1000.0},
                       {"level", c.level}});
  }
  nlohmann::json settings = {
      {"link", nb::linkKindName(s.linkKind)},
      {"rate_bits_per_s", s.link.rateBitsPerSecond},
      {"rate_shared", s.rateShared},
      {"one_way_delay_s", std::chrono::duration<double>(s.link.oneWayDelay).count()},
      {"loss", s.link.lossRate},
      {"congestion_control", net::quic::congestionControlName(s.congestionControl)},
      {"queue_bytes", s.link.queueBytes},
      {"requests", s.workload.requests},
      {"arrival", nb::arrivalModeName(s.workload.arrival)},
      {"load", s.workload.arrival == nb::ArrivalMode::Poisson ? nlohmann::json(s.workload.load) : nlohmann::json(nullptr)},
      {"mean_gap_s", s.workload.arrival == nb::ArrivalMode::Poisson
                         ? nlohmann::json(std::chrono::duration<double>(meanGap).count())
                         : nlohmann::json(nullptr)},
      {"seeds", s.seeds},
      {"first_seed", s.firstSeed},
      {"classes", classes},
  };
  nlohmann::json variants = nlohmann::json::array();
  for (const nb::VariantSummary& v : report.variants) {
    nlohmann::json variant = {{"variant", v.variant},
                              {"available", !v.unavailable.has_value()},
                              {"reason", v.unavailable ? nlohmann::json(*v.unavailable) : nlohmann::json(nullptr)},
                              {"runs", v.runs},
                              {"failures", v.failures}};
    nlohmann::json rows = nlohmann::json::array();
    for (const nb::ClassSummary& row : v.classes) {
      rows.push_back({{"class", row.className},
                      {"requests", row.requests},
                      {"completed", row.completed},
                      {"within_deadline", row.withinDeadline},
                      {"within_deadline_pct", optionalNumber(row.withinDeadlinePercent.mean)},
                      {"within_deadline_ci95_pct", optionalNumber(row.withinDeadlinePercent.halfWidth)},
                      {"latency_s",
                       {{"mean", optionalNumber(row.latencyMeanS)},
                        {"p50", optionalNumber(row.latencyP50S)},
                        {"p99", optionalNumber(row.latencyP99S)}}},
                      {"streams_dropped", row.streamsDropped},
                      {"bytes_dropped", row.bytesDropped}});
    }
    variant["classes"] = rows;
    variants.push_back(variant);
  }
  nlohmann::json ranking = nlohmann::json::array();
  for (std::size_t c = 0; c < s.workload.classes.size(); ++c) {
    ranking.push_back({{"class", s.workload.classes[c].name}, {"order", nb::rankVariants(report.variants, c)}});
  }
  return {{"settings", settings}, {"variants", variants}, {"ranking", ranking}};
}

}  // namespace

CLI::App* addNetbenchCommand(CLI::App& app, NetbenchArgs& args) {
  CLI::App* cmd = app.add_subcommand(
      "netbench",
      "Stream schedulers over an emulated constrained link: requests of three classes echoed per stream; completion "
      "within deadline per variant and class over several seeds");
  cmd->add_option("--variants", args.variants,
                  "Comma-separated variants: " + std::string(nb::kNetbenchVariantNames) + " (default all)");
  cmd->add_option("--seeds", args.seeds, "Runs per variant, seeds first-seed.. (default 10)")->check(CLI::Range(1, 10000));
  cmd->add_option("--first-seed", args.firstSeed, "Seed of the first run (default 1)");
  cmd->add_option("--requests", args.requests, "Requests per run (default 80)")->check(CLI::Range(1, 100000));
  cmd->add_option("--rate-mbit", args.rateMbit, "Bottleneck rate in Mbit/s (default 5)")->check(CLI::Range(0.001, 100000.0));
  cmd->add_option("--delay-ms", args.delayMs, "Added latency in ms (default 50; see --delay-is)")->check(CLI::Range(0.0, 10000.0));
  cmd->add_option("--delay-is", args.delayIs,
                  "Whether --delay-ms is each direction's delay (one-way, default: RTT = 2 x delay) or the round trip (rtt)")
      ->check(CLI::IsMember({"one-way", "rtt"}));
  cmd->add_option("--loss", args.loss, "Random loss per packet and direction, 0..0.5 (default 0.005)")->check(CLI::Range(0.0, 0.5));
  cmd->add_option("--queue-kb", args.queueKiB, "Bottleneck queue per direction in KiB; 0: unlimited (default 64)")
      ->check(CLI::Range(0.0, 1048576.0));
  CLI::Option* shared = cmd->add_flag("--rate-shared", args.rateShared, "Both directions share one bottleneck of --rate-mbit and --queue-kb (virtual only)");
  CLI::Option* perDirection =
      cmd->add_flag("--rate-per-direction", args.ratePerDirection, "Each direction has the whole rate (default)");
  shared->excludes(perDirection);
  cmd->add_option("--arrival", args.arrival,
                  "poisson: exponential gaps at --load of the link (default); burst: every request at t = 0")
      ->check(namedValue(nb::parseArrivalMode, nb::kArrivalModeNames));
  cmd->add_option("--load", args.load, "poisson: offered load as a fraction of one direction's rate (default 0.5)")
      ->check(CLI::Range(0.01, 10.0));
  cmd->add_option("--link", args.link, "virtual: in-process virtual time (default); netns: namespaces, real time, root")
      ->check(namedValue(nb::parseLinkKind, nb::kLinkKindNames));
  cmd->add_option("--congestion", args.congestion,
                  "QUIC congestion control, both ends: bbr2 (default), bbr or cubic; tls-tcp runs the kernel's")
      ->check(namedValue(net::quic::parseCongestionControlName, net::quic::kCongestionControlNames));
  cmd->add_option("--json", args.jsonPath, "Also write the results as JSON to PATH ('-' = stdout only)");
  cmd->add_flag("--progress", args.progress, "Show each run on stderr");
  return cmd;
}

int runNetbench(const NetbenchArgs& args) {
  nb::NetbenchSettings settings;
  settings.variants = parseVariants(args.variants);
  settings.seeds = args.seeds;
  settings.firstSeed = args.firstSeed;
  settings.workload.requests = args.requests;
  settings.workload.arrival = *nb::parseArrivalMode(args.arrival);
  settings.workload.load = args.load;
  settings.link.rateBitsPerSecond = args.rateMbit * 1e6;
  const double oneWayMs = args.delayIs == "rtt" ? args.delayMs / 2 : args.delayMs;
  settings.link.oneWayDelay = std::chrono::nanoseconds(std::llround(oneWayMs * 1e6));
  settings.link.lossRate = args.loss;
  settings.link.queueBytes = static_cast<std::uint64_t>(std::llround(args.queueKiB * 1024));
  settings.rateShared = args.rateShared;
  settings.congestionControl = *net::quic::parseCongestionControlName(args.congestion);
  settings.linkKind = *nb::parseLinkKind(args.link);
  settings.workload.linkBitsPerSecond = settings.link.rateBitsPerSecond;
  settings.workload.rateShared = settings.rateShared;
  const auto meanGap = settings.workload.arrival == nb::ArrivalMode::Poisson ? nb::meanArrivalGap(settings.workload)
                                                                              : std::chrono::nanoseconds(0);

  const auto progress = [&args](const std::string& line) {
    if (args.progress) std::cerr << "netbench: " << line << std::endl;
  };
  // SIGINT/SIGTERM stop the run in progress, so that its link (namespaces, TUN devices) is torn down
  // before the process ends: the signals are blocked in every thread and taken here.
  const sigset_t signals = blockStopSignals();
  std::atomic<bool> cancel{false};
  settings.cancel = &cancel;
  auto running = std::async(std::launch::async, [&] { return nb::runNetbench(settings, progress); });
  while (running.wait_for(std::chrono::milliseconds(100)) != std::future_status::ready) {
    const timespec now{0, 0};
    const int received = sigtimedwait(&signals, nullptr, &now);
    if (received > 0 && !cancel.exchange(true)) {
      std::cerr << "netbench: signal " << received << ": stopping the run in progress and tearing down its link"
                << std::endl;
    }
  }
  const nb::NetbenchReport report = running.get();

  const bool jsonToStdout = args.jsonPath == "-";
  if (!args.jsonPath.empty()) writeOutput(args.jsonPath, toJson(settings, report, meanGap).dump(2) + "\n");
  if (!jsonToStdout) printTables(std::cout, settings, report, meanGap);
  return 0;
}

}  // namespace headroom::cli
