#include "engine/pool/tier_features.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace headroom::engine {

std::vector<std::string> tierFeatureNames(const TierPool& pool) {
  std::vector<std::string> names;
  names.reserve(tierFeatureCount(pool));
  for (const auto& group : pool.groupNames) {
    for (const char* field : {"slack", "feasible", "queued", "queued_prefill_tokens", "running", "kv_fill", "accuracy"}) {
      names.push_back(group + "/" + field);
    }
  }
  for (const auto& name : pool.classNames) names.push_back("class/" + name);
  for (const auto& name : pool.taskNames) names.push_back("task/" + name);
  names.emplace_back("request/prompt_tokens");
  names.emplace_back("rate/short");
  names.emplace_back("rate/long");
  names.emplace_back("rate/ratio");
  return names;
}

std::size_t tierFeatureCount(const TierPool& pool) {
  return pool.groupNames.size() * kFeaturesPerGroup + pool.classNames.size() + pool.taskNames.size() + 4;
}

void tierFeatures(const TierContext& context, const TierPool& pool, std::span<double> out) {
  const std::size_t groups = pool.groupNames.size();
  if (out.size() != tierFeatureCount(pool) || context.groups.size() != groups || context.request == nullptr) {
    throw std::invalid_argument("tierFeatures: the context or the output does not match the pool");
  }
  std::fill(out.begin(), out.end(), 0.0);
  std::size_t at = 0;
  for (const auto& view : context.groups) {
    out[at++] = std::isnan(view.slack) ? -kSlackClip : std::clamp(view.slack, -kSlackClip, 1.0);
    out[at++] = view.feasible() ? 1.0 : 0.0;
    out[at++] = std::log1p(std::max(0, view.queuedRequests));
    out[at++] = std::log1p(static_cast<double>(std::max<std::int64_t>(0, view.queuedPrefillTokens)));
    out[at++] = std::log1p(std::max(0, view.runningRequests));
    out[at++] = view.kvFill;
    out[at++] = view.accuracy;
  }
  const Request& request = *context.request;
  if (request.classId < pool.classNames.size()) out[at + request.classId] = 1.0;
  at += pool.classNames.size();
  if (request.task < pool.taskNames.size()) out[at + request.task] = 1.0;
  at += pool.taskNames.size();
  out[at++] = std::log1p(std::max(0, request.promptTokens));
  const double shortRate = std::max(0.0, context.rates.shortPerS);
  const double longRate = std::max(0.0, context.rates.longPerS);
  out[at++] = std::log1p(shortRate);
  out[at++] = std::log1p(longRate);
  out[at++] = longRate > 0.0 ? std::clamp(shortRate / longRate, 0.0, kRateRatioClip) : 1.0;
}

void tierActionMask(std::span<const GroupView> groups, std::span<std::uint8_t> mask) {
  bool any = false;
  for (std::size_t g = 0; g < groups.size(); ++g) {
    mask[g] = groups[g].feasible() ? 1 : 0;
    any = any || mask[g] != 0;
  }
  if (!any) std::fill(mask.begin(), mask.begin() + static_cast<std::ptrdiff_t>(groups.size()), std::uint8_t{1});
}

void FeatureNormalisation::apply(std::span<double> features) const {
  for (std::size_t i = 0; i < features.size(); ++i) features[i] = (features[i] - mean[i]) / std[i];
}

void FeatureStatistics::add(std::span<const double> features) {
  ++count_;
  for (std::size_t i = 0; i < mean_.size(); ++i) {
    const double delta = features[i] - mean_[i];
    mean_[i] += delta / static_cast<double>(count_);
    m2_[i] += delta * (features[i] - mean_[i]);
  }
}

FeatureNormalisation FeatureStatistics::normalisation() const {
  FeatureNormalisation result;
  result.mean = mean_;
  result.std.resize(mean_.size(), 1.0);
  for (std::size_t i = 0; i < mean_.size(); ++i) {
    const double variance = count_ > 1 ? m2_[i] / static_cast<double>(count_ - 1) : 0.0;
    const double sd = std::sqrt(variance);
    result.std[i] = sd > 1e-6 ? sd : 1.0;
  }
  return result;
}

}  // namespace headroom::engine
