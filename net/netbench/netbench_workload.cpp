#include "net/netbench/netbench_workload.h"

#include <cmath>
#include <random>
#include <stdexcept>

namespace headroom::net::netbench {

std::vector<NetbenchClass> defaultNetbenchClasses() {
  using std::chrono::milliseconds;
  return {
      {"realtime", 8'000, milliseconds(1'000), 0},
      {"low-priority", 8'000, milliseconds(2'000), 1},
      {"long", 102'400, milliseconds(7'000), 2},
  };
}

std::string_view arrivalModeName(ArrivalMode mode) {
  switch (mode) {
    case ArrivalMode::Poisson: return "poisson";
    case ArrivalMode::Burst: return "burst";
  }
  return "poisson";
}

std::optional<ArrivalMode> parseArrivalMode(std::string_view name) {
  if (name == "poisson") return ArrivalMode::Poisson;
  if (name == "burst") return ArrivalMode::Burst;
  return std::nullopt;
}

std::chrono::nanoseconds meanArrivalGap(const WorkloadSettings& settings) {
  if (settings.classes.empty()) throw std::invalid_argument("netbench: no traffic class");
  if (!(settings.load > 0)) throw std::invalid_argument("netbench: load must be > 0");
  if (!(settings.linkBitsPerSecond > 0)) throw std::invalid_argument("netbench: a poisson load needs a link rate > 0");
  double meanBytes = 0;
  for (const NetbenchClass& c : settings.classes) meanBytes += c.requestBytes;
  meanBytes /= static_cast<double>(settings.classes.size());
  const double directionBytesPerS = settings.linkBitsPerSecond / 8.0 / (settings.rateShared ? 2.0 : 1.0);
  const double requestsPerS = settings.load * directionBytesPerS / meanBytes;
  return std::chrono::nanoseconds(static_cast<std::int64_t>(std::llround(1e9 / requestsPerS)));
}

std::vector<NetbenchRequest> makeWorkload(const WorkloadSettings& settings, std::uint64_t seed) {
  if (settings.classes.empty()) throw std::invalid_argument("netbench: no traffic class");
  if (settings.requests == 0) throw std::invalid_argument("netbench: no request");
  const double meanGapNs =
      settings.arrival == ArrivalMode::Poisson ? static_cast<double>(meanArrivalGap(settings).count()) : 0.0;
  // mt19937_64's output is fixed by the standard; the distributions on top of it are not, so they are
  // written out here.
  std::mt19937_64 random(seed);
  const auto uniform01 = [&random] { return static_cast<double>(random() >> 11) * 0x1.0p-53; };
  std::vector<NetbenchRequest> requests;
  requests.reserve(settings.requests);
  double startNs = 0;
  for (std::size_t i = 0; i < settings.requests; ++i) {
    const std::size_t classIndex = static_cast<std::size_t>(uniform01() * static_cast<double>(settings.classes.size()));
    if (settings.arrival == ArrivalMode::Poisson && i > 0) startNs += -std::log1p(-uniform01()) * meanGapNs;
    requests.push_back({i, classIndex, std::chrono::nanoseconds(static_cast<std::int64_t>(startNs)),
                        settings.classes[classIndex].requestBytes});
  }
  return requests;
}

}  // namespace headroom::net::netbench
