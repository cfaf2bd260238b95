#include "engine/exec/sampler.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>
#include <string>

#include "engine/io/input_problems.h"
#include "engine/workload/random.h"

namespace headroom::engine {

std::int32_t Sampler::greedy(std::span<const float> logits) {
  if (logits.empty()) throw std::invalid_argument("sampler: no logits");
  return static_cast<std::int32_t>(std::max_element(logits.begin(), logits.end()) - logits.begin());
}

std::int32_t Sampler::sample(std::span<const float> logits, const SamplingParams& params, std::uint64_t drawIndex) {
  if (logits.empty()) throw std::invalid_argument("sampler: no logits");
  if (const std::optional<SamplingProblem> problem = checkSamplingParams(params)) {
    throw std::invalid_argument("sampler: invalid sampling parameters (temperature " + std::to_string(params.temperature) +
                                ", top_p " + std::to_string(params.topP) + ", top_logprobs " +
                                std::to_string(params.topLogprobs) + "): " + englishText(*problem));
  }
  if (params.temperature == 0.0f) return greedy(logits);

  const std::size_t n = logits.size();
  const double maxLogit = *std::max_element(logits.begin(), logits.end());
  probabilities_.resize(n);
  double total = 0.0;
  for (std::size_t i = 0; i < n; ++i) {
    probabilities_[i] = std::exp((static_cast<double>(logits[i]) - maxLogit) / params.temperature);
    total += probabilities_[i];
  }
  order_.resize(n);
  std::iota(order_.begin(), order_.end(), 0);
  std::stable_sort(order_.begin(), order_.end(), [this](std::int32_t a, std::int32_t b) {
    return probabilities_[static_cast<std::size_t>(a)] > probabilities_[static_cast<std::size_t>(b)];
  });
  // The nucleus: the most likely tokens until their share reaches topP (at least one).
  std::size_t kept = 0;
  double keptMass = 0.0;
  while (kept < n) {
    keptMass += probabilities_[static_cast<std::size_t>(order_[kept])];
    ++kept;
    if (keptMass >= params.topP * total) break;
  }
  Rng rng(params.seed, drawIndex);
  const double target = rng.uniform() * keptMass;
  double cumulative = 0.0;
  for (std::size_t i = 0; i < kept; ++i) {
    cumulative += probabilities_[static_cast<std::size_t>(order_[i])];
    if (target < cumulative) return order_[i];
  }
  return order_[kept - 1];
}

}  // namespace headroom::engine
