#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace headroom::net::quic {

// The congestion controller a QUIC sender runs (ngtcp2's). cubic halves its window's growth at every
// loss, so random (not congestion) loss caps it: near 1.22 / sqrt(loss) packets per RTT, about 1.6 Mbit/s
// at 0.5% loss and 100 ms. bbr paces at the measured bottleneck rate and ignores loss; bbr2 does too
// until loss passes about 2%, then backs off. docs/PERFORMANCE.md ("Network: stream schedulers over an
// emulated 3G link") measures all three on the same link.
enum class CongestionControl : std::uint8_t { Cubic, Bbr, Bbr2 };

// bbr2: on a lossy link (an edge site, a radio hop) cubic runs far below the link's rate.
inline constexpr CongestionControl kDefaultCongestionControl = CongestionControl::Bbr2;

std::string_view congestionControlName(CongestionControl kind);
std::optional<CongestionControl> parseCongestionControlName(std::string_view name);
inline constexpr std::string_view kCongestionControlNames = "cubic, bbr, bbr2";

}  // namespace headroom::net::quic
