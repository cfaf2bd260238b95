#pragma once

#include <string>

#include "engine/core/time.h"
#include "engine/exec/batch_shape.h"

namespace headroom::engine {

// Predicts how long one iteration of a given composition takes. The modeled executor advances the
// virtual clock by it; the dynamic chunker asks it which chunk still fits the tightest TBT slack.
// Implementations are immutable after construction and safe to call from any thread.
class IterationTimeModel {
 public:
  virtual ~IterationTimeModel() = default;
  virtual Duration predict(const BatchShape& shape) const = 0;
  // One line for logs and reports, e.g. "roofline llama-3.1-8b on a100-80g (tp 1)".
  virtual std::string describe() const = 0;
};

}  // namespace headroom::engine
