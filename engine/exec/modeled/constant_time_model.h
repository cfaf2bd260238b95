#pragma once

#include <string>

#include "engine/exec/iteration_time_model.h"

namespace headroom::engine {

// Every non-empty iteration takes the same time whatever its composition; an empty one takes none.
// Used to check the simulator against M/D/1 queueing results. Immutable; safe from any thread.
class ConstantTimeModel final : public IterationTimeModel {
 public:
  // Throws std::invalid_argument unless `iteration` > 0.
  explicit ConstantTimeModel(Duration iteration);

  Duration predict(const BatchShape& shape) const override;
  std::string describe() const override;

 private:
  Duration iteration_;
};

}  // namespace headroom::engine
