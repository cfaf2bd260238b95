#pragma once

#include <memory>

#include "engine/exec/executor.h"
#include "engine/exec/executor_spec.h"

namespace headroom::engine {

// makeExecutor() for builds with the CUDA executor (link headroom::cuda). Kind Cuda gives a
// CudaExecutor on the spec's weights: a checkpoint, or "random" (the host randomLlamaWeights, the
// CPU executor's weights, for shapes up to 2e9 parameters; larger shapes are made on the device from
// the seed). Its time model is the spec's profile, else the roofline of spec.hardware, else of the
// profile matching the GPU's name (a100-80g, h100-sxm, h200). When no GPU is usable it logs a warning
// and falls back: to the modeled executor when the spec names a profile or hardware, else to the CPU
// executor. Other kinds go to makeExecutor(). Throws std::runtime_error like makeExecutor().
std::unique_ptr<Executor> makeExecutorWithCuda(const ExecutorSpec& spec);

// Makes makeExecutor() build kind Cuda through makeExecutorWithCuda(); programs that link headroom::cuda
// call it once at start-up.
void registerCudaExecutor();

}  // namespace headroom::engine
