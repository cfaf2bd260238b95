#include "net/netbench/netbench.h"

#include <algorithm>
#include <filesystem>
#include <random>
#include <stdexcept>
#include <system_error>

#include <unistd.h>

#include "net/link/netns_link.h"
#include "net/netbench/quic_echo_run.h"
#include "net/netbench/realtime_echo_run.h"
#include "net/netbench/self_signed_certificate.h"

namespace headroom::net::netbench {

std::optional<NetbenchVariant> parseNetbenchVariant(std::string_view name) {
  if (name == "tls-tcp") return NetbenchVariant{"tls-tcp", std::nullopt};
  if (const auto kind = quic::parseStreamSchedulerName(name)) return NetbenchVariant{std::string(name), kind};
  return std::nullopt;
}

std::vector<NetbenchVariant> allNetbenchVariants() {
  std::vector<NetbenchVariant> variants;
  for (const char* name : {"rr", "fcfs", "edf", "abs", "ml", "tls-tcp"}) variants.push_back(*parseNetbenchVariant(name));
  return variants;
}

std::string_view linkKindName(LinkKind kind) { return kind == LinkKind::Netns ? "netns" : "virtual"; }

std::optional<LinkKind> parseLinkKind(std::string_view name) {
  if (name == "virtual") return LinkKind::Virtual;
  if (name == "netns") return LinkKind::Netns;
  return std::nullopt;
}

std::optional<std::string> variantUnavailable(const NetbenchVariant& variant, LinkKind link) {
  if (!variant.scheduler && link == LinkKind::Virtual) return "needs --link netns";
  return std::nullopt;
}

namespace {

// The echo server's port inside its namespace (each link's namespaces are private to it).
constexpr std::uint16_t kNetnsServerPort = 4433;

// A folder for the run's throwaway certificate, removed when the benchmark ends.
class TemporaryFolder {
 public:
  TemporaryFolder() {
    std::random_device entropy;
    path_ = std::filesystem::temp_directory_path() /
            ("headroom-netbench-" + std::to_string(::getpid()) + "-" + std::to_string(entropy()));
    std::filesystem::create_directories(path_);
  }
  ~TemporaryFolder() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  TemporaryFolder(const TemporaryFolder&) = delete;
  TemporaryFolder& operator=(const TemporaryFolder&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

// One run in real time between two fresh namespaces (so every run starts with empty queues).
RunOutcome runOnNetnsLink(const NetbenchSettings& settings, const NetbenchVariant& variant,
                          const std::vector<NetbenchClass>& classes, const std::vector<NetbenchRequest>& requests,
                          std::uint64_t seed, const CertificateFiles& certificate, std::chrono::nanoseconds drain) {
  const link::NetnsLink netns(settings.link, settings.link, seed);
  RealtimeEchoRun run;
  run.classes = classes;
  run.requests = requests;
  run.certificate = certificate;
  run.drainAfterLastStart = drain;
  run.cancel = settings.cancel;
  run.limits.congestionControl = settings.congestionControl;
  run.endpoints.serverIp = netns.address(link::NetnsSide::B);
  run.endpoints.serverPort = kNetnsServerPort;
  run.endpoints.serverSocket = [&netns](int domain, int type) { return netns.openSocket(link::NetnsSide::B, domain, type); };
  run.endpoints.clientSocket = [&netns](int domain, int type) { return netns.openSocket(link::NetnsSide::A, domain, type); };
  if (!variant.scheduler) return runTlsTcpEcho(run);
  quic::StreamSchedulerOptions scheduler;
  scheduler.kind = *variant.scheduler;
  return runQuicEchoOverUdp(run, scheduler);
}

}  // namespace

NetbenchReport runNetbench(const NetbenchSettings& settings, const std::function<void(const std::string&)>& progress) {
  if (settings.seeds == 0) throw std::invalid_argument("--seeds must be >= 1");
  if (settings.variants.empty()) throw std::invalid_argument("--variants names no variant");
  if (settings.rateShared && settings.linkKind == LinkKind::Netns) {
    throw std::invalid_argument(
        "--rate-shared needs --link virtual: the namespace relay has a bottleneck per direction (use "
        "--rate-per-direction)");
  }
  if (settings.linkKind == LinkKind::Netns) {
    if (const auto why = link::NetnsLink::unavailableReason()) throw std::runtime_error("--link netns: " + *why);
  }
  WorkloadSettings workload = settings.workload;
  workload.linkBitsPerSecond = settings.link.rateBitsPerSecond;
  workload.rateShared = settings.rateShared;

  std::vector<std::vector<NetbenchRequest>> workloads;
  for (std::size_t s = 0; s < settings.seeds; ++s) workloads.push_back(makeWorkload(workload, settings.firstSeed + s));

  // A request still open this long after the last start counts as missed: three of the longest deadline.
  std::chrono::nanoseconds drain{0};
  for (const NetbenchClass& c : workload.classes) drain = std::max<std::chrono::nanoseconds>(drain, 3 * c.deadline);

  TemporaryFolder folder;
  const CertificateFiles certificate = writeSelfSignedCertificate(folder.path(), "localhost");

  NetbenchReport report;
  for (const NetbenchVariant& variant : settings.variants) {
    if (const auto why = variantUnavailable(variant, settings.linkKind)) {
      VariantSummary unavailable;
      unavailable.variant = variant.name;
      unavailable.unavailable = *why;
      report.variants.push_back(std::move(unavailable));
      if (progress) progress(variant.name + ": " + *why);
      continue;
    }
    std::vector<RunOutcome> runs;
    for (std::size_t s = 0; s < settings.seeds; ++s) {
      const std::uint64_t seed = settings.firstSeed + s;
      if (settings.cancel != nullptr && settings.cancel->load()) throw NetbenchInterrupted();
      if (settings.linkKind == LinkKind::Virtual) {
        QuicEchoRun run;
        run.classes = workload.classes;
        run.requests = workloads[s];
        run.up = settings.link;
        run.down = settings.link;
        run.rateShared = settings.rateShared;
        run.linkSeed = seed;
        run.scheduler.kind = *variant.scheduler;
        run.limits.congestionControl = settings.congestionControl;
        run.limits.randomSeed = seed;
        run.certificate = certificate;
        run.drainAfterLastStart = drain;
        runs.push_back(runQuicEchoOnVirtualLink(run));
      } else {
        runs.push_back(runOnNetnsLink(settings, variant, workload.classes, workloads[s], seed, certificate, drain));
        if (runs.back().failure == kInterrupted) throw NetbenchInterrupted();
      }
      if (progress) {
        std::string line = variant.name + ": seed " + std::to_string(seed) + " (" + std::to_string(s + 1) + "/" +
                           std::to_string(settings.seeds) + ")";
        if (!runs.back().failure.empty()) line += ": " + runs.back().failure;
        progress(line);
      }
    }
    report.variants.push_back(summarize(variant.name, workload.classes, runs));
  }
  return report;
}

}  // namespace headroom::net::netbench
