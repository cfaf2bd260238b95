#include "engine/exec/token_logprobs.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>
#include <string>

namespace headroom::engine {

TokenLogprobs computeLogprobs(std::span<const float> logits, std::int32_t sampled, std::int32_t top) {
  if (logits.empty()) throw std::invalid_argument("logprobs: no logits");
  if (sampled < 0 || static_cast<std::size_t>(sampled) >= logits.size()) {
    throw std::invalid_argument("logprobs: token " + std::to_string(sampled) + " is outside the " +
                                std::to_string(logits.size()) + " logits");
  }
  const double maxLogit = *std::max_element(logits.begin(), logits.end());
  double total = 0.0;
  for (const float logit : logits) total += std::exp(static_cast<double>(logit) - maxLogit);
  const double logTotal = maxLogit + std::log(total);
  const auto logprobOf = [&](std::int32_t token) {
    return static_cast<float>(static_cast<double>(logits[static_cast<std::size_t>(token)]) - logTotal);
  };

  TokenLogprobs result;
  result.sampled = {sampled, logprobOf(sampled)};
  const auto count = static_cast<std::size_t>(std::clamp<std::int64_t>(top, 0, static_cast<std::int64_t>(logits.size())));
  if (count == 0) return result;
  std::vector<std::int32_t> order(logits.size());
  std::iota(order.begin(), order.end(), 0);
  std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(count), order.end(),
                    [&](std::int32_t a, std::int32_t b) {
                      const float la = logits[static_cast<std::size_t>(a)];
                      const float lb = logits[static_cast<std::size_t>(b)];
                      return la != lb ? la > lb : a < b;
                    });
  result.top.reserve(count);
  for (std::size_t i = 0; i < count; ++i) result.top.push_back({order[i], logprobOf(order[i])});
  return result;
}

}  // namespace headroom::engine
