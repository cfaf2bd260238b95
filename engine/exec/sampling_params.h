#pragma once

#include <cstdint>
#include <optional>

namespace headroom::engine {

// How an executor that computes tokens picks each one. temperature 0 is greedy (the most likely token;
// the lowest id on ties); otherwise tokens are drawn from softmax(logits / temperature) restricted to the
// smallest set of most likely tokens whose probability reaches topP. `seed` makes the draws of one
// request reproducible whatever batches it lands in. With `logprobs` the executor also reports, for each
// sampled token, its log-probability and those of the `topLogprobs` most likely tokens (see
// TokenLogprobs). A plain value.
struct SamplingParams {
  float temperature = 0.0f;
  float topP = 1.0f;
  std::uint64_t seed = 0;
  bool logprobs = false;
  std::int32_t topLogprobs = 0;  // 0 to kMaxTopLogprobs; only with logprobs
};

// Most alternatives a token's logprobs may list (OpenAI's top_logprobs limit).
inline constexpr std::int32_t kMaxTopLogprobs = 20;

// What can be wrong with sampling parameters, whoever gives them (an HTTP body, a scenario, a test).
// checkSamplingParams is the one place the rule lives: every executor that samples runs what it accepts,
// and the server's API accepts nothing it refuses. Worded by englishText (engine/io/input_problems.h).
enum class SamplingProblem : std::uint8_t {
  TemperatureInvalid,  // < 0, or not a finite number
  TopPOutOfRange,      // not in (0, 1] (as a float: a value that rounds to 0 is 0)
  TopLogprobsOutOfRange,  // < 0, > kMaxTopLogprobs, or > 0 without logprobs
};

std::optional<SamplingProblem> checkSamplingParams(const SamplingParams& params);

}  // namespace headroom::engine
