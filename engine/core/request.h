#pragma once

#include <cstdint>

#include "engine/core/qos_class.h"
#include "engine/core/time.h"

namespace headroom::engine {

using RequestId = std::uint64_t;

// One inference request as it arrives: what it asks for, not how it is being served.
// A value type; the scheduler keeps its own per-request progress beside it.
struct Request {
  RequestId id = 0;
  ClassId classId = 0;
  TimePoint arrival{};
  std::int32_t promptTokens = 1;
  std::int32_t outputTokens = 1;  // tokens to generate, the first one included
};

}  // namespace headroom::engine
