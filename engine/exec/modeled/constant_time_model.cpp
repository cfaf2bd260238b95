#include "engine/exec/modeled/constant_time_model.h"

#include <stdexcept>

namespace headroom::engine {

ConstantTimeModel::ConstantTimeModel(Duration iteration) : iteration_(iteration) {
  if (iteration_ <= Duration::zero()) {
    throw std::invalid_argument("constant iteration time must be > 0 us, got " +
                                std::to_string(iteration_.count()) + " us");
  }
}

Duration ConstantTimeModel::predict(const BatchShape& shape) const {
  return shape.empty() ? Duration::zero() : iteration_;
}

std::string ConstantTimeModel::describe() const {
  return "constant " + std::to_string(iteration_.count()) + " us per iteration";
}

}  // namespace headroom::engine
