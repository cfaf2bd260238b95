#pragma once

#include <limits>

#include "engine/core/qos_class.h"
#include "engine/core/request.h"
#include "engine/core/time.h"
#include "engine/exec/iteration_time_model.h"
#include "engine/instance/instance.h"

namespace headroom::engine {

// When a request would get its first and its last token on one instance if it were sent there now,
// from now: the prefill work queued ahead of it and its own prompt, run in chunks of the instance's
// token budget beside its running decodes, then its decode steps at the batch it would join. Every
// duration comes from the instance's iteration-time model (the one its scheduler and chunker use);
// ordering between classes is ignored, so it is what a request sees behind everything already queued.
struct PredictedFinish {
  Duration firstToken{};
  Duration lastToken{};
  Duration decodeStep{};  // one decode step at the batch it would join (what a TBT bound is judged on)
};

PredictedFinish predictFinish(const InstanceStatus& status, const IterationTimeModel& model, const Request& request);

// How much room a prediction leaves under the class's SLO, as a share of the bound: for each bound the
// class has, (bound - predicted) / bound, and the smallest of them (TTFT against firstToken, TTLT against
// lastToken; a TBT bound against decodeStep). Negative: predicted to miss. A class with no
// bound gets +infinity.
double deadlineSlack(const Slo& slo, const PredictedFinish& predicted);

}  // namespace headroom::engine
