#pragma once

#include <QFrame>
#include <QWidget>

#include <vector>

#include "engine/sim/replay_runner.h"

class QGridLayout;
class QLabel;

namespace headroom::ui {

// One tile of large figures for a class (or the whole pool): SLO attainment against its target,
// goodput, recent output throughput and relegations; with model tiers also the mean reward per
// completion (the class's weight x the serving model's accuracy when the SLO was met, else 0). The attainment turns red below target; a stale tile
// (figures no longer live) is all grey.
class FigureTile : public QFrame {
  Q_OBJECT

 public:
  explicit FigureTile(QWidget* parent = nullptr);

  // `targetShare`: the attainment the class must keep (its watched percentile / 100), 0..1.
  void setFigures(const QString& name, std::optional<double> attainment, double targetShare, double goodputPerS,
            double tokensPerS, std::int64_t relegated);

  // The mean reward line: shown only when `shown` (a pool of model tiers); "—" while nothing completed.
  void setMeanReward(bool shown, std::optional<double> meanReward);

  QString attainmentText() const;
  // The mean reward as shown ("mean reward 0.61"), empty while hidden.
  QString meanRewardText() const;
  bool belowTarget() const { return belowTarget_; }
  void setStale(bool stale);
  bool isStale() const { return stale_; }
  // The colour the attainment is drawn in, "#rrggbb".
  QString attainmentColour() const { return colour_; }

 private:
  QLabel* name_;
  QLabel* attainment_;
  QLabel* target_;
  QLabel* goodput_;
  QLabel* throughput_;
  QLabel* relegated_;
  QLabel* reward_;
  void applyColours();

  bool belowTarget_ = false;
  bool hasAttainment_ = false;
  bool hasRelegated_ = false;
  bool stale_ = false;
  QString colour_;
};

// Attainment, goodput, throughput and relegations per class as large figures (and the mean reward when
// the snapshot counts model tiers: Snapshot::groupNames not empty), plus a pool tile; laid out
// in up to two rows so eight classes stay readable. UI thread only.
class ClassFiguresPanel : public QWidget {
  Q_OBJECT

 public:
  // Throughput is averaged over this much recent virtual time.
  static constexpr double kThroughputSpanS = 10.0;

  explicit ClassFiguresPanel(QWidget* parent = nullptr);

  void update(const engine::RunnerView& view);
  // Greys every tile while what they show is no longer live.
  void setStale(bool stale);
  int tileCount() const { return static_cast<int>(tiles_.size()); }
  const FigureTile* tile(int index) const { return tiles_.at(static_cast<std::size_t>(index)); }

 private:
  void ensureTiles(std::size_t classCount);

  QGridLayout* layout_;
  std::vector<FigureTile*> tiles_;  // one per class, then the pool
  bool stale_ = false;
};

}  // namespace headroom::ui
