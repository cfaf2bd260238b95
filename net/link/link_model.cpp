#include "net/link/link_model.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

namespace headroom::net::link {

namespace {

std::chrono::nanoseconds serialisationTime(std::size_t bytes, double rateBitsPerSecond) {
  if (rateBitsPerSecond <= 0) return std::chrono::nanoseconds(0);
  return std::chrono::nanoseconds(std::llround(static_cast<double>(bytes) * 8e9 / rateBitsPerSecond));
}

}  // namespace

LinkDirection::LinkDirection(const LinkSettings& settings, std::uint64_t seed) : settings_(settings), random_(seed) {
  if (!(settings.rateBitsPerSecond >= 0) || !std::isfinite(settings.rateBitsPerSecond)) {
    throw std::invalid_argument("link: rate " + std::to_string(settings.rateBitsPerSecond) +
                                " bit/s: allowed >= 0 (0: unlimited)");
  }
  if (settings.oneWayDelay.count() < 0) {
    throw std::invalid_argument("link: one-way delay " + std::to_string(settings.oneWayDelay.count()) +
                                " ns: allowed >= 0");
  }
  if (!(settings.lossRate >= 0 && settings.lossRate <= 1)) {
    throw std::invalid_argument("link: loss rate " + std::to_string(settings.lossRate) + ": allowed 0..1");
  }
}

// The order of the fates: a packet that finds the queue full is dropped there; one that is queued takes
// its turn at the bottleneck and is then lost on the wire with `lossRate` (so a lost packet has used its
// share of the rate, as on a real link). One random number is drawn for every packet offered, whatever
// its fate, so the sequence of losses depends on the seed and the packet count alone.
std::optional<std::chrono::nanoseconds> LinkDirection::send(std::size_t bytes, std::chrono::nanoseconds now) {
  ++counters_.packets;
  counters_.bytes += bytes;
  const double draw = std::uniform_real_distribution<double>(0.0, 1.0)(random_);

  const std::chrono::nanoseconds start = std::max(now, busyUntil_);
  if (settings_.queueBytes > 0 && settings_.rateBitsPerSecond > 0 && busyUntil_ > now) {
    const double queuedBytes =
        static_cast<double>((busyUntil_ - now).count()) * settings_.rateBitsPerSecond / 8e9;
    if (queuedBytes + static_cast<double>(bytes) > static_cast<double>(settings_.queueBytes)) {
      ++counters_.queueDroppedPackets;
      return std::nullopt;
    }
  }
  busyUntil_ = start + serialisationTime(bytes, settings_.rateBitsPerSecond);
  if (draw < settings_.lossRate) {
    ++counters_.lostPackets;
    return std::nullopt;
  }
  return busyUntil_ + settings_.oneWayDelay;
}

}  // namespace headroom::net::link
