#pragma once

#include <QList>
#include <QPointF>

#include <cstddef>
#include <vector>

#include "engine/metrics/snapshot.h"

namespace headroom::ui {

// One class's model mix over a span of the series: per pool group, the share (0..1) of the class's
// completions that group served, and the mean reward per completion; x = window end in seconds of
// virtual time. A window (or merged run of windows) without completions gives no point.
struct ModelMixPoints {
  std::vector<QList<QPointF>> shareByGroup;  // one list per group, all with the same x values
  QList<QPointF> meanReward;
  double maxReward = 0.0;  // the largest mean reward; 0 when there is none
};

// Samples windows ending in (fromS, toS] of `series` for class `classIndex` and the first `groupCount`
// groups (WindowClassStats::completedByGroup / completions, rewardSum / completions). When more than
// `maxPoints` windows fall in the span, neighbours are merged in equal runs (counts and rewards summed
// before dividing) so each list holds at most maxPoints points. Pure function, any thread.
ModelMixPoints sampleModelMix(const engine::MetricsSeries& series, std::size_t classIndex, std::size_t groupCount,
                              double fromS, double toS, int maxPoints);

}  // namespace headroom::ui
