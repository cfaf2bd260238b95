#pragma once

#include <QObject>
#include <QString>
#include <QTimer>

#include <memory>
#include <vector>

#include "engine/sim/replay_runner.h"
#include "engine/workload/scenario.h"

namespace headroom::ui {

using ViewPtr = std::shared_ptr<const engine::RunnerView>;

// Replay speeds the console offers; speed() maps them to the runner's virtual seconds per wall second.
enum class ReplaySpeed : int { RealTime = 0, Times10 = 1, Times100 = 2, Max = 3 };

double speedFactor(ReplaySpeed speed);

// The one QObject that owns the engine handle: a scenario and the ReplayRunner replaying it. A frame
// timer on the UI thread pulls the runner's latest view (a pointer swap) and emits viewChanged() when it
// is new; the engine's thread never touches this object or any other QObject.
//
// Class edits go to the running replay at once when they keep the same classes in the same order (names,
// ranks, importance, SLOs); a change of the class set, order, rates, task mixes or reward weights takes
// effect when the replay restarts (Play after Stop or at the end). Lives on the UI thread; not thread-safe.
class EngineBridge : public QObject {
  Q_OBJECT

 public:
  static constexpr int kDefaultFrameIntervalMs = 33;

  explicit EngineBridge(QObject* parent = nullptr);
  ~EngineBridge() override;

  // Loads a scenario file; on failure returns false, keeps the current scenario and sets *error to
  // the engine's message (it names the file, the JSON path and what is allowed).
  bool openScenario(const QString& path, QString* error);
  // Replaces the scenario and builds a paused replay of it; throws what the engine throws.
  void setScenario(const engine::Scenario& scenario);
  const engine::Scenario& scenario() const { return scenario_; }
  bool hasScenario() const { return runner_ != nullptr; }

  // Class specs (QoS + arrival + lengths) as the next replay will use them.
  const std::vector<engine::ClassSpec>& classSpecs() const { return scenario_.classes; }
  // Applies edited classes: live when only names, ranks, importance or SLOs changed, else at the next restart (see above).
  void setClassSpecs(const std::vector<engine::ClassSpec>& specs);
  // True when the classes were changed in a way the running replay cannot take.
  bool restartPending() const { return restartPending_; }

  ViewPtr latest() const { return latest_; }
  ReplaySpeed speed() const { return speed_; }
  bool playing() const;
  // True while a replay is playing, or paused after it advanced: stopping it would end a run.
  bool replayInProgress() const;

  void setFrameIntervalMs(int intervalMs) { frameTimer_.setInterval(intervalMs); }

 public slots:
  void play();
  void pause();
  void togglePlay();
  // Advances the replay by `virtualS` seconds as fast as possible, then pauses.
  void step(double virtualS = 10.0);
  void stop();
  // Rebuilds the replay from the start with the current classes, paused.
  void restart();
  void setSpeed(headroom::ui::ReplaySpeed speed);
  // Grows the running replay's pool by one instance, or drains instance `id` (its queued requests move
  // to the others, its running ones finish). Only the running replay changes: the scenario's pool, and
  // so a restart, stays as configured.
  void addInstance();
  void removeInstance(int id);
  // Pulls the latest view now (the frame timer calls this).
  void pullLatest();

 signals:
  void viewChanged(const headroom::ui::ViewPtr& view);
  void scenarioChanged();
  // A new replay was built (a scenario was set, Restart, or Play after the end); it has not advanced yet.
  void replayReset();
  void classSpecsChanged();
  void restartPendingChanged(bool pending);

 private:
  void rebuild();
  bool sameClassSet(const std::vector<engine::ClassSpec>& specs) const;

  engine::Scenario scenario_;
  std::vector<engine::ClassSpec> runningSpecs_;  // the classes the current replay was built with
  std::unique_ptr<engine::ReplayRunner> runner_;
  ViewPtr latest_;
  ReplaySpeed speed_ = ReplaySpeed::Times10;
  bool restartPending_ = false;
  QTimer frameTimer_;
};

}  // namespace headroom::ui

Q_DECLARE_METATYPE(headroom::ui::ViewPtr)
