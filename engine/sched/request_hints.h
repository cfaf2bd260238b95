#pragma once

#include <optional>

#include "engine/core/qos_class.h"
#include "engine/core/time.h"

namespace headroom::engine {

// What one request may ask of the scheduler within its class. Hints can only make a request more
// demanding of itself, never of others: `deadline` (time from arrival by which the last token is
// wanted) only tightens the request's own deadlines, which order it among the requests of its class and
// never ahead of another class (see Ordering and WaitingQueue); `importance` only lowers the class's
// importance (a request may volunteer to be relegated first, never claim to be more important). A plain
// value.
struct RequestHints {
  std::optional<Duration> deadline;
  std::optional<Importance> importance;
};

// The importance a request ends up with: the class's, or the hint's when that is lower.
inline Importance effectiveImportance(Importance classImportance, const RequestHints& hints) {
  if (!hints.importance) return classImportance;
  return static_cast<int>(*hints.importance) > static_cast<int>(classImportance) ? *hints.importance : classImportance;
}

}  // namespace headroom::engine
