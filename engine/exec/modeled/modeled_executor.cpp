#include "engine/exec/modeled/modeled_executor.h"

#include <stdexcept>
#include <utility>

namespace headroom::engine {

ModeledExecutor::ModeledExecutor(std::shared_ptr<const IterationTimeModel> model) : model_(std::move(model)) {
  if (!model_) throw std::invalid_argument("modeled executor needs an iteration-time model");
}

IterationResult ModeledExecutor::execute(const Batch& batch) { return {model_->predict(batch.shape), {}}; }

}  // namespace headroom::engine
