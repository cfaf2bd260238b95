#pragma once

#include <QChartView>
#include <QList>
#include <QPointF>
#include <QString>

#include <cstddef>
#include <vector>

#include "engine/metrics/snapshot.h"

class QAreaSeries;
class QChart;
class QLineSeries;
class QValueAxis;

namespace headroom::ui {

// One class's model mix over a sliding window of virtual time (model tiers): per window, the share of
// the class's completions each pool group served, stacked to 100 % (one area per group, named after it),
// and the class's mean reward per completion in that window on a second axis. Built from
// WindowClassStats::completedByGroup and rewardSum (sampleModelMix). Each update() calls replace() once
// per line; at most kMaxPoints points per line. UI thread only.
class ModelMixChart : public QChartView {
  Q_OBJECT

 public:
  static constexpr int kMaxPoints = 300;

  explicit ModelMixChart(QWidget* parent = nullptr);

  // Shows class `classIndex` of `snapshot` over (nowS - windowS, nowS], one area per
  // snapshot.groupNames entry.
  void update(const engine::Snapshot& snapshot, std::size_t classIndex, double windowS);
  void clearData();
  void setCompact(bool compact);

  int groupCount() const { return static_cast<int>(areas_.size()); }
  QString groupName(int group) const;
  // The share (0..1) of completions group `group` served per window, as drawn (its area's height).
  QList<QPointF> shares(int group) const;
  // The mean reward per completion per window, as drawn.
  QList<QPointF> meanRewards() const;
  QString titleText() const;

 private:
  void ensureGroups(const std::vector<std::string>& names);

  QChart* chart_;
  std::vector<QAreaSeries*> areas_;
  std::vector<QLineSeries*> uppers_;  // per area: its upper and lower lines (area g's lower = g-1's upper)
  std::vector<QLineSeries*> lowers_;
  QLineSeries* reward_;
  QValueAxis* axisX_;
  QValueAxis* axisShare_;
  QValueAxis* axisReward_;
  std::vector<std::string> names_;
};

}  // namespace headroom::ui
