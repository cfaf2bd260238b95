#include "engine/exec/executor_factory.h"

#include <stdexcept>
#include <string>

#include "engine/exec/cpu/cpu_executor.h"
#include "engine/exec/llama/shared_llama_weights.h"
#include "engine/exec/modeled/constant_time_model.h"
#include "engine/exec/modeled/hardware_profile.h"
#include "engine/exec/modeled/model_shape.h"
#include "engine/exec/modeled/measured_profile.h"
#include "engine/exec/modeled/modeled_executor.h"
#include "engine/exec/modeled/profiled_time_model.h"
#include "engine/exec/modeled/resource_json.h"
#include "engine/exec/modeled/roofline_model.h"

namespace headroom::engine {

namespace {

std::shared_ptr<const IterationTimeModel> profiledModel(const ExecutorSpec& spec, const char* kind) {
  try {
    return std::make_shared<const ProfiledTimeModel>(loadMeasuredProfile(spec.profile));
  } catch (const std::exception& error) {
    throw std::runtime_error(std::string("executor '") + kind + "': " + error.what());
  }
}

ExecutorFactoryFunction& cudaFactory() {
  static ExecutorFactoryFunction factory;
  return factory;
}

[[noreturn]] void noCuda() {
  throw std::runtime_error(
      "executor 'cuda': this build of headroom has no CUDA support (built without CUDA); use the 'cpu' or "
      "'modeled' executor, or rebuild on a machine with the CUDA toolkit");
}

}  // namespace

std::shared_ptr<const IterationTimeModel> makeTimeModel(const ExecutorSpec& spec) {
  switch (spec.kind) {
    case ExecutorKind::Cpu: {
      if (!spec.profile.empty()) return profiledModel(spec, "cpu");
      if (spec.model.empty()) {
        throw std::runtime_error("executor 'cpu': no model given (available: " + availableNames("models") + ")");
      }
      return std::make_shared<const ProfiledTimeModel>(
          ProfiledTimeModel::fromFlopRate(loadModelShape(spec.model), kCpuEstimateFlopsPerS));
    }
    case ExecutorKind::Cuda: {
      // The scheduler's predictor for a GPU: its measured profile, else the roofline of the hardware.
      if (!spec.profile.empty()) return profiledModel(spec, "cuda");
      if (spec.hardware.empty()) {
        throw std::runtime_error("executor 'cuda': name a measured profile (executor.profile) or the hardware (" +
                                 availableNames("hardware") + ") for the scheduler's iteration-time model");
      }
      ExecutorSpec modeled = spec;
      modeled.kind = ExecutorKind::Modeled;
      return makeTimeModel(modeled);
    }
    case ExecutorKind::Constant:
      if (spec.iteration <= Duration::zero()) {
        throw std::runtime_error("executor 'constant': iteration time must be > 0, got " +
                                 std::to_string(spec.iteration.count()) + " us");
      }
      return std::make_shared<const ConstantTimeModel>(spec.iteration);
    case ExecutorKind::Modeled: {
      if (!spec.profile.empty()) return profiledModel(spec, "modeled");
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
                           " (allowed: modeled, constant, cpu, cuda)");
}

void registerCudaExecutorFactory(ExecutorFactoryFunction factory) { cudaFactory() = std::move(factory); }

std::unique_ptr<Executor> makeExecutor(const ExecutorSpec& spec) {
  switch (spec.kind) {
    case ExecutorKind::Cpu:
      return std::make_unique<CpuExecutor>(sharedLlamaWeights(spec), makeTimeModel(spec));
    case ExecutorKind::Cuda:
      if (!cudaFactory()) noCuda();
      return cudaFactory()(spec);
    case ExecutorKind::Modeled:
    case ExecutorKind::Constant:
      break;
  }
  return std::make_unique<ModeledExecutor>(makeTimeModel(spec));
}

}  // namespace headroom::engine
