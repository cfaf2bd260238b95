#include "net/netbench/netbench.h"

#include <algorithm>
#include <filesystem>
#include <random>
#include <stdexcept>
#include <system_error>

#include <unistd.h>

#include "net/netbench/quic_echo_run.h"
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

}  // namespace

NetbenchReport runNetbench(const NetbenchSettings& settings, const std::function<void(const std::string&)>& progress) {
  if (settings.seeds == 0) throw std::invalid_argument("--seeds must be >= 1");
  if (settings.variants.empty()) throw std::invalid_argument("--variants names no variant");
  if (settings.linkKind == LinkKind::Virtual && settings.rateShared) {
    throw std::invalid_argument(
        "--rate-shared needs --link netns: the virtual link has a bottleneck per direction (use --rate-per-direction)");
  }
  if (settings.linkKind == LinkKind::Netns) {
    throw std::runtime_error("--link netns: the namespace relay is not part of this build; use --link virtual");
  }
  WorkloadSettings workload = settings.workload;
  workload.linkBitsPerSecond = settings.link.rateBitsPerSecond;
  workload.rateShared = settings.rateShared;

  std::vector<std::vector<NetbenchRequest>> workloads;
  for (std::size_t s = 0; s < settings.seeds; ++s) workloads.push_back(makeWorkload(workload, settings.firstSeed + s));

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
      QuicEchoRun run;
      run.classes = workload.classes;
      run.requests = workloads[s];
      run.up = settings.link;
      run.down = settings.link;
      run.linkSeed = seed;
      run.scheduler.kind = *variant.scheduler;
      run.certificate = certificate;
      runs.push_back(runQuicEchoOnVirtualLink(run));
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
