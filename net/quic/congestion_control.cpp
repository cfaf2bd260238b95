#include "net/quic/congestion_control.h"

#include <array>
#include <utility>

namespace headroom::net::quic {

namespace {

constexpr std::array<std::pair<CongestionControl, std::string_view>, 3> kNames{{
    {CongestionControl::Cubic, "cubic"}, {CongestionControl::Bbr, "bbr"}, {CongestionControl::Bbr2, "bbr2"}}};

}  // namespace

std::string_view congestionControlName(CongestionControl kind) {
  for (const auto& [value, name] : kNames) {
    if (value == kind) return name;
  }
  return "?";
}

std::optional<CongestionControl> parseCongestionControlName(std::string_view name) {
  for (const auto& [value, known] : kNames) {
    if (known == name) return value;
  }
  return std::nullopt;
}

}  // namespace headroom::net::quic
