#include "engine/exec/sampling_params.h"

#include <cmath>

namespace headroom::engine {

std::optional<SamplingProblem> checkSamplingParams(const SamplingParams& params) {
  if (!(params.temperature >= 0.0f) || !std::isfinite(params.temperature)) return SamplingProblem::TemperatureInvalid;
  if (!(params.topP > 0.0f && params.topP <= 1.0f)) return SamplingProblem::TopPOutOfRange;
  if (params.topLogprobs < 0 || params.topLogprobs > kMaxTopLogprobs || (params.topLogprobs > 0 && !params.logprobs)) {
    return SamplingProblem::TopLogprobsOutOfRange;
  }
  return std::nullopt;
}

}  // namespace headroom::engine
