#pragma once

#include <QWidget>

#include "engine/sim/replay_runner.h"
#include "ui/bridge/engine_bridge.h"

class QAction;
class QComboBox;
class QLabel;
class QProgressBar;
class QToolButton;

namespace headroom::ui {

// Play/pause, step, stop and restart buttons (driving the given actions), a speed selector
// (1x, 10x, 100x, as fast as possible), elapsed / total virtual time and a progress bar. UI thread only.
class ReplayControls : public QWidget {
  Q_OBJECT

 public:
  ReplayControls(QAction* playPause, QAction* step, QAction* stop, QAction* restart, QWidget* parent = nullptr);

  void update(const engine::RunnerView& view);
  void setSpeed(ReplaySpeed speed);
  ReplaySpeed speed() const;
  QString timeText() const;
  int progressPercent() const;

 signals:
  void speedChosen(headroom::ui::ReplaySpeed speed);

 private:
  QComboBox* speed_;
  QLabel* time_;
  QProgressBar* progress_;
};

// "12:34" or "1:02:03" for a number of seconds.
QString clockText(double seconds);

}  // namespace headroom::ui
