#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace headroom::net::netbench {

// One traffic class of the network experiment: every request of it sends `requestBytes` and gets the
// same bytes echoed back; it counts as met when the last echoed byte arrives within `deadline` of the
// request's start. `level` is its priority level for abs and ml (0 is the most urgent).
struct NetbenchClass {
  std::string name;
  std::uint32_t requestBytes = 0;
  std::chrono::milliseconds deadline{0};
  std::uint8_t level = 0;
};

// The seed's three classes: realtime (8 KB, 1 s, level 0), low-priority (8 KB, 2 s, level 1) and long
// (102.4 KB, 7 s, level 2). The seed writes 102.4 KB for the long input, so a kilobyte is 1,000 bytes
// here: 8,000 and 102,400 bytes.
std::vector<NetbenchClass> defaultNetbenchClasses();

// How requests arrive (the seed says only "80 requests, each to a random class").
//  poisson  independent exponential gaps whose mean makes the offered load a given fraction of the link
//  burst    every request at t = 0
enum class ArrivalMode : std::uint8_t { Poisson, Burst };
std::string_view arrivalModeName(ArrivalMode mode);
std::optional<ArrivalMode> parseArrivalMode(std::string_view name);
inline constexpr std::string_view kArrivalModeNames = "poisson, burst";

struct WorkloadSettings {
  std::vector<NetbenchClass> classes = defaultNetbenchClasses();
  std::size_t requests = 80;
  ArrivalMode arrival = ArrivalMode::Poisson;
  // poisson: the offered load as a fraction of what the link carries. The load is the request bytes of
  // one direction (each is echoed, so the other direction carries the same) over the bottleneck rate a
  // direction gets: the whole rate per direction, or half of it when both directions share one rate.
  double load = 0.5;
  double linkBitsPerSecond = 5e6;
  bool rateShared = false;
};

// One request of a run: its class (an index into WorkloadSettings::classes) and when it starts, counted
// from the moment the connection is ready.
struct NetbenchRequest {
  std::size_t index = 0;
  std::size_t classIndex = 0;
  std::chrono::nanoseconds start{0};
  std::uint32_t bytes = 0;
};

// The mean gap between arrivals that gives `settings.load` (poisson).
std::chrono::nanoseconds meanArrivalGap(const WorkloadSettings& settings);

// The requests of one run, in start order: the class of each drawn uniformly, the gaps as the mode says.
// Depends on the settings and the seed only (a portable generator, not std:: distributions), so every
// variant run with one seed sees the same sequence. Throws std::invalid_argument on settings that make
// no workload (no class, no request, a load or rate <= 0 under poisson).
std::vector<NetbenchRequest> makeWorkload(const WorkloadSettings& settings, std::uint64_t seed);

}  // namespace headroom::net::netbench
