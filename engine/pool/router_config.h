#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace headroom::engine {

// How a pool assigns each arrival to an instance.
//  round-robin: in turn. least-loaded: the instance with the least outstanding work.
//  class-priority: each top-ranked class spread evenly (its own rotation); the rest least-loaded.
//  weighted: explicit per-class shares per instance (from a plan), smooth weighted rotation.
enum class RouterKind : std::uint8_t { RoundRobin, LeastLoaded, ClassPriority, Weighted };

std::string_view toString(RouterKind kind);
std::optional<RouterKind> routerKindFromString(std::string_view text);
inline constexpr std::string_view kRouterNames = "round-robin, least-loaded, class-priority, weighted";

// A pool: how many identical instances and how arrivals reach them.
// `weights[classId][instance]` holds the weighted router's shares (non-negative, any scale; a class's
// row must have a positive sum). Empty unless kind == Weighted.
struct PoolConfig {
  std::int32_t instances = 1;
  RouterKind router = RouterKind::RoundRobin;
  std::vector<std::vector<double>> weights;

  bool operator==(const PoolConfig&) const = default;
};

}  // namespace headroom::engine
