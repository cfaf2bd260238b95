#include "engine/exec/executor_factory.h"

#include <stdexcept>
#include <string>

#include "engine/exec/modeled/constant_time_model.h"
#include "engine/exec/modeled/hardware_profile.h"
#include "engine/exec/modeled/model_shape.h"
#include "engine/exec/modeled/modeled_executor.h"
#include "engine/exec/modeled/resource_json.h"
#include "engine/exec/modeled/roofline_model.h"

namespace headroom::engine {

std::shared_ptr<const IterationTimeModel> makeTimeModel(const ExecutorSpec& spec) {
  switch (spec.kind) {
    case ExecutorKind::Constant:
      if (spec.iteration <= Duration::zero()) {
        throw std::runtime_error("executor 'constant': iteration time must be > 0, got " +
                                 std::to_string(spec.iteration.count()) + " us");
      }
      return std::make_shared<const ConstantTimeModel>(spec.iteration);
    case ExecutorKind::Modeled: {
      if (spec.model.empty()) {
        throw std::runtime_error(
            "executor 'modeled': no model given (available: " + availableNames("models") + ")");
      }
      if (spec.hardware.empty()) {
        throw std::runtime_error(
            "executor 'modeled': no hardware profile given (available: " + availableNames("hardware") + ")");
      }
      if (spec.tensorParallel < 0) {
        throw std::runtime_error(
            "executor 'modeled': tensor parallel degree must be >= 0 (0 = the model's default), got " +
            std::to_string(spec.tensorParallel));
      }
      ModelShape model = loadModelShape(spec.model);
      HardwareProfile hardware = loadHardwareProfile(spec.hardware);
      const int tp = spec.tensorParallel == 0 ? model.defaultTensorParallel : spec.tensorParallel;
      try {
        return std::make_shared<const RooflineModel>(std::move(model), std::move(hardware), tp);
      } catch (const std::invalid_argument& error) {
        throw std::runtime_error(std::string("executor 'modeled': ") + error.what());
      }
    }
  }
  throw std::runtime_error("executor: unknown kind " + std::to_string(static_cast<int>(spec.kind)) +
                           " (allowed: modeled, constant)");
}

std::unique_ptr<Executor> makeExecutor(const ExecutorSpec& spec) {
  return std::make_unique<ModeledExecutor>(makeTimeModel(spec));
}

}  // namespace headroom::engine
