#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "engine/core/time.h"

namespace headroom::engine {

// How much an operator minds when a request of this class misses its SLO. Eager relegation demotes
// low-importance requests first and high-importance ones only when nothing less important is left.
enum class Importance : std::uint8_t { High, Normal, Low };

std::string_view toString(Importance importance);
std::optional<Importance> importanceFromString(std::string_view text);

// Latency bounds of a class. Interactive classes bound TTFT and/or TBT; non-interactive ones TTLT.
// A class may bound all three. `percentile` is the one the operator watches (e.g. 99 for p99).
struct Slo {
  std::optional<Duration> ttft;
  std::optional<Duration> tbt;
  std::optional<Duration> ttlt;
  double percentile = 99.0;

  bool hasBound() const { return ttft || tbt || ttlt; }
  bool interactive() const { return ttft.has_value() || tbt.has_value(); }
};

// Index of a class within its scenario (0 .. classes-1). Small and dense so per-class arrays stay flat.
using ClassId = std::uint16_t;

// A QoS class. `rank` orders classes for the `priority` policy and the planner: 0 is the most urgent.
struct QosClass {
  std::string name;
  int rank = 0;
  Importance importance = Importance::Normal;
  Slo slo;
};

}  // namespace headroom::engine
