#pragma once

#include <QWidget>

#include <vector>

#include "engine/sim/replay_runner.h"
#include "ui/charts/series_sampler.h"

class QComboBox;
class QGridLayout;
class QLabel;

namespace headroom::ui {

class ClassFiguresPanel;
class ClassLatencyChart;
class ModelMixChart;

// The live dashboard: per-class figures on top, one latency chart per class below, with a choice of
// metric (each class's own SLO metric, queue time, TTFT, TBT as its bound judges it, TTLT, or the gap
// between tokens, which no bound judges and is drawn without an SLO line) and of the sliding window
// length. With model tiers (Snapshot::groupNames not empty) each class's latency chart has its model
// mix chart under it (ModelMixChart: the share of its completions each group served per window, and the
// mean reward per window) and the figures show the mean reward; without, both are hidden.
// update() redraws from one RunnerView; the charts' cost is bounded by
// ClassLatencyChart::kMaxPoints. setStale() marks what is shown as no longer live (a remote pool that
// dropped): the figures grey out and a banner says how old they are. UI thread only.
class Dashboard : public QWidget {
  Q_OBJECT

 public:
  // The metric choice "each class's own": TTFT for interactive classes, TTLT otherwise.
  static constexpr int kAutoMetric = -1;

  explicit Dashboard(QWidget* parent = nullptr);

  void update(std::shared_ptr<const engine::RunnerView> view);
  void clear();
  // Shows the figures as stale (greyed, "last update N s ago") or live again.
  void setStale(bool stale, double lastUpdateS);
  bool isStale() const { return stale_; }
  QString staleText() const;
  // Chooses the latency shown: kAutoMetric or an engine::LatencyMetric value; false when not offered.
  bool setMetric(int metric);
  int metric() const;

  int chartCount() const { return static_cast<int>(charts_.size()); }
  const ClassLatencyChart* chart(int index) const { return charts_.at(static_cast<std::size_t>(index)); }
  const ModelMixChart* mixChart(int index) const { return mixCharts_.at(static_cast<std::size_t>(index)); }
  const ClassFiguresPanel* figures() const { return figures_; }
  double windowS() const;
  void setWindowS(double windowS);

 private:
  void ensureCharts(std::size_t classCount);
  void redraw();

  ClassFiguresPanel* figures_;
  QComboBox* metric_;
  QComboBox* window_;
  QLabel* staleBanner_;
  bool stale_ = false;
  QWidget* chartArea_;
  QGridLayout* chartGrid_;
  std::vector<QWidget*> cells_;  // per class: its latency chart over its model mix chart
  std::vector<ClassLatencyChart*> charts_;
  std::vector<ModelMixChart*> mixCharts_;
  std::shared_ptr<const engine::RunnerView> lastView_;
};

}  // namespace headroom::ui
