#include "ui/charts/model_mix_sampler.h"

#include <algorithm>
#include <array>

namespace headroom::ui {

namespace {

bool endsBefore(engine::TimePoint t, const engine::SeriesWindow& w) { return t < w.end; }

}  // namespace

ModelMixPoints sampleModelMix(const engine::MetricsSeries& series, std::size_t classIndex, std::size_t groupCount,
                              double fromS, double toS, int maxPoints) {
  ModelMixPoints points;
  groupCount = std::min(groupCount, engine::kMaxPoolGroups);
  points.shareByGroup.resize(groupCount);
  if (maxPoints <= 0 || groupCount == 0) return points;
  const auto begin = std::upper_bound(series.begin(), series.end(), engine::timeFromSeconds(fromS), endsBefore);
  const auto end = std::upper_bound(begin, series.end(), engine::timeFromSeconds(toS), endsBefore);
  const auto count = static_cast<std::size_t>(std::distance(begin, end));
  if (count == 0) return points;
  const std::size_t stride = (count + static_cast<std::size_t>(maxPoints) - 1) / static_cast<std::size_t>(maxPoints);
  for (auto it = begin; it != end;) {
    std::int64_t completions = 0;
    std::array<std::int64_t, engine::kMaxPoolGroups> byGroup{};
    double rewardSum = 0.0;
    engine::TimePoint bucketEnd = it->end;
    for (std::size_t i = 0; i < stride && it != end; ++i, ++it) {
      if (classIndex < it->classes.size()) {
        const auto& stats = it->classes[classIndex];
        completions += stats.completions;
        for (std::size_t g = 0; g < groupCount; ++g) byGroup[g] += stats.completedByGroup[g];
        rewardSum += stats.rewardSum;
      }
      bucketEnd = it->end;
    }
    if (completions <= 0) continue;
    const double x = engine::toSeconds(bucketEnd);
    const auto total = static_cast<double>(completions);
    for (std::size_t g = 0; g < groupCount; ++g) {
      points.shareByGroup[g].append(QPointF(x, static_cast<double>(byGroup[g]) / total));
    }
    const double reward = rewardSum / total;
    points.meanReward.append(QPointF(x, reward));
    points.maxReward = std::max(points.maxReward, reward);
  }
  return points;
}

}  // namespace headroom::ui
