#pragma once

#include <compare>
#include <cstdint>

namespace headroom::engine {

// Sort key of schedulable work: smaller runs sooner. Relegated work sorts after everything else; the
// request id makes keys unique so orderings are total and replays deterministic.
struct PriorityKey {
  std::uint8_t relegated = 0;
  std::int64_t primary = 0;
  std::int64_t secondary = 0;
  std::uint64_t id = 0;

  friend auto operator<=>(const PriorityKey&, const PriorityKey&) = default;
};

}  // namespace headroom::engine
