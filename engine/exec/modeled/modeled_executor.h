#pragma once

#include <memory>

#include "engine/exec/executor.h"
#include "engine/exec/iteration_time_model.h"

namespace headroom::engine {

// An executor that computes nothing: each batch takes the time its IterationTimeModel predicts and
// produces no tokens. The model is shared (several instances of one mode may use it); the executor
// itself belongs to one instance like any Executor.
class ModeledExecutor final : public Executor {
 public:
  // Throws std::invalid_argument on a null model.
  explicit ModeledExecutor(std::shared_ptr<const IterationTimeModel> model);

  IterationResult execute(const Batch& batch) override;
  const IterationTimeModel& timeModel() const override { return *model_; }

 private:
  std::shared_ptr<const IterationTimeModel> model_;
};

}  // namespace headroom::engine
