#pragma once

#include <functional>
#include <memory>

#include "engine/exec/executor.h"
#include "engine/exec/executor_spec.h"
#include "engine/exec/iteration_time_model.h"

namespace headroom::engine {

// Multiply-adds x 2 per second the CPU executor's scheduler assumes until a measured profile is named:
// a rough single-core fp32 figure.
inline constexpr double kCpuEstimateFlopsPerS = 5e9;

// The iteration-time model an executor spec names: Modeled loads resources/models/<model>.json and
// resources/hardware/<hardware>.json into a RooflineModel (tensorParallel 0 = the model's default);
// Constant gives a ConstantTimeModel. Throws std::runtime_error naming the missing or bad field and
// the allowed values. The result is immutable and may be shared by several instances.
std::shared_ptr<const IterationTimeModel> makeTimeModel(const ExecutorSpec& spec);

// Any kind but Constant with a `profile` gives a ProfiledTimeModel of resources/profiles/<profile>.json;
// Cpu without one an estimate at kCpuEstimateFlopsPerS; Cuda without one the roofline of its hardware.

// A fresh executor for one instance, timed by makeTimeModel(spec): Modeled and Constant compute
// nothing; Cpu runs the reference model on weights shared by all instances (sharedLlamaWeights). Same
// errors, plus checkpoint problems.
// Cuda executors come from a factory registered at start-up by a program that links the CUDA library
// (headroom::cuda, see registerCudaExecutor() in engine/exec/cuda/cuda_executor_factory.h); without
// one makeExecutor throws "built without CUDA".
std::unique_ptr<Executor> makeExecutor(const ExecutorSpec& spec);

using ExecutorFactoryFunction = std::function<std::unique_ptr<Executor>(const ExecutorSpec&)>;
// Call before any instance is built (not thread-safe against concurrent makeExecutor calls).
void registerCudaExecutorFactory(ExecutorFactoryFunction factory);

}  // namespace headroom::engine
