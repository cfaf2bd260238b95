#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "net/link/link_model.h"
#include "net/netbench/netbench_summary.h"
#include "net/netbench/netbench_workload.h"
#include "net/quic/quic_connection.h"
#include "net/quic/stream_scheduler.h"

namespace headroom::net::netbench {

// The network experiment of `headroom-cli netbench`: requests of several traffic classes, each its own
// stream to an echo server over an emulated constrained link, ordered by a stream scheduler on both ends;
// how many complete within their class's deadline, per variant and class, over several seeds.

// What carries the requests: QUIC with one of the stream schedulers, or one TLS 1.3 TCP connection that
// writes every request whole in arrival order (head-of-line blocking included). `scheduler` is empty for
// tls-tcp.
struct NetbenchVariant {
  std::string name;
  std::optional<quic::StreamSchedulerKind> scheduler;
};
// "rr", "fcfs", "edf", "abs", "ml", "tls-tcp".
std::optional<NetbenchVariant> parseNetbenchVariant(std::string_view name);
inline constexpr std::string_view kNetbenchVariantNames = "rr, fcfs, edf, abs, ml, tls-tcp";
std::vector<NetbenchVariant> allNetbenchVariants();

// virtual: the in-process virtual-time link (deterministic per seed, faster than real time, QUIC only);
// netns: the same link model relaying between two network namespaces in real time (root and /dev/net/tun).
enum class LinkKind : std::uint8_t { Virtual, Netns };
std::string_view linkKindName(LinkKind kind);
std::optional<LinkKind> parseLinkKind(std::string_view name);
inline constexpr std::string_view kLinkKindNames = "virtual, netns";

struct NetbenchSettings {
  // The workload's link rate and sharing are taken from `link` and `rateShared`.
  WorkloadSettings workload;
  // Each direction's settings (rate, one-way delay, queue, loss). With `rateShared` both directions share
  // one bottleneck of link.rateBitsPerSecond and link.queueBytes (virtual only: the namespace relay has a
  // bottleneck per direction).
  link::LinkSettings link;
  bool rateShared = false;
  // The QUIC variants' congestion controller (both ends); TLS/TCP runs the kernel's.
  quic::CongestionControl congestionControl = quic::kDefaultCongestionControl;
  LinkKind linkKind = LinkKind::Virtual;
  std::vector<NetbenchVariant> variants = allNetbenchVariants();
  std::size_t seeds = 10;
  std::uint64_t firstSeed = 1;  // runs use seeds firstSeed, firstSeed + 1, ...
  // Set from any thread to stop: the run in progress ends within about 100 ms (its link torn down) and
  // runNetbench throws NetbenchInterrupted.
  const std::atomic<bool>* cancel = nullptr;
};

class NetbenchInterrupted : public std::runtime_error {
 public:
  NetbenchInterrupted() : std::runtime_error("netbench: interrupted") {}
};

// Why a variant cannot run on a link kind, or nullopt when it can.
std::optional<std::string> variantUnavailable(const NetbenchVariant& variant, LinkKind link);

struct NetbenchReport {
  std::vector<VariantSummary> variants;  // in the order of NetbenchSettings::variants
};

// Runs every variant on every seed (each seed gives every variant the same requests) and summarises.
// `progress` hears one line per run. Throws std::invalid_argument on settings the link kind cannot run
// (with the flag to change), std::runtime_error when the link cannot be set up.
NetbenchReport runNetbench(const NetbenchSettings& settings, const std::function<void(const std::string&)>& progress);

}  // namespace headroom::net::netbench
