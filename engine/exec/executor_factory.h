#pragma once

#include <memory>

#include "engine/exec/executor.h"
#include "engine/exec/executor_spec.h"
#include "engine/exec/iteration_time_model.h"

namespace headroom::engine {

// The iteration-time model an executor spec names: Modeled loads resources/models/<model>.json and
// resources/hardware/<hardware>.json into a RooflineModel (tensorParallel 0 = the model's default);
// Constant gives a ConstantTimeModel. Throws std::runtime_error naming the missing or bad field and
// the allowed values. The result is immutable and may be shared by several instances.
std::shared_ptr<const IterationTimeModel> makeTimeModel(const ExecutorSpec& spec);

// A fresh executor for one instance, timed by makeTimeModel(spec). Same errors.
std::unique_ptr<Executor> makeExecutor(const ExecutorSpec& spec);

}  // namespace headroom::engine
