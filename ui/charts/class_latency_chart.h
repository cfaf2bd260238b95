#pragma once

#include <QChartView>
#include <QString>

#include <cstddef>

#include "engine/metrics/snapshot.h"
#include "ui/charts/series_sampler.h"

class QChart;
class QLineSeries;
class QValueAxis;

namespace headroom::ui {

// One class's latency over a sliding window of virtual time: p50 and the class's watched percentile of
// the chosen metric, with the SLO bound as a dashed line where the SLO bounds that metric (never for the
// gap between tokens: the TBT bound judges LatencyMetric::Tbt, each request's effective TBT). Each update() calls replace() once per series;
// each series holds at most kMaxPoints points. UI thread only.
class ClassLatencyChart : public QChartView {
  Q_OBJECT

 public:
  static constexpr int kMaxPoints = 1000;
  // A shown chart samples about one point per this many pixels of plot width, at least kMinShownPoints.
  static constexpr double kPixelsPerPoint = 2.0;
  static constexpr int kMinShownPoints = 120;

  explicit ClassLatencyChart(QWidget* parent = nullptr);

  // Shows class `classIndex` of `snapshot` over (nowS - windowS, nowS].
  void update(const engine::Snapshot& snapshot, std::size_t classIndex, engine::LatencyMetric metric, double windowS);
  void clearData();
  // Compact charts (many classes on screen) drop the axis titles to leave room for the plot.
  void setCompact(bool compact);

  int p50Count() const;
  int watchedCount() const;
  QString titleText() const;
  double boundLineS() const { return boundS_; }
  // Whether the SLO line is drawn (only for a metric the class's SLO bounds), and the highest point of
  // the watched percentile's line (0 when it has none).
  bool boundShown() const;
  double watchedMaxS() const;

 private:
  int pointBudget() const;

  QChart* chart_;
  QLineSeries* p50_;
  QLineSeries* watched_;
  QLineSeries* bound_;
  QValueAxis* axisX_;
  QValueAxis* axisY_;
  double boundS_ = 0.0;
};

}  // namespace headroom::ui
