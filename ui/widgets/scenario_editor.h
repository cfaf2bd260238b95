#pragma once

#include <QMap>
#include <QString>
#include <QWidget>

#include "engine/workload/scenario.h"

class QCheckBox;
class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;
class QSpinBox;
class QTableView;

namespace headroom::ui {

class ClassArrivalModel;
class EngineBridge;
class PoolGroupModel;

// Edits the bridge's scenario beyond its classes' SLOs: how long it runs and its seed; the workload
// (per class: arrival process, rate and phases; or a trace file in the Azure, BurstGPT or Headroom CSV
// format with a class mix); the pool: a modeled executor or a constant iteration time, and a table of
// groups (name, model and hardware from resources/models and resources/hardware, tensor parallel,
// instances, instance router; PoolGroupModel) with, for two groups or more, the tier router that picks
// a group per request (greedy, random, static to one group, or a learned policy file); the scheduler's
// policy, chunking and relegation. Groups reach the scenario through engine::setPoolGroups; a one-group
// pool shows no tier router and saves as a pool of one model always did.
//
// Nothing reaches the engine until Apply: it checks every field, shows each problem next to its field
// (fieldError()) and only when all are fine sets the bridge's scenario (the replay starts over). Revert
// reloads the bridge's scenario. UI thread only.
class ScenarioEditor : public QWidget {
  Q_OBJECT

 public:
  // Field keys for fieldError() and the error labels.
  static constexpr const char* kDuration = "duration";
  static constexpr const char* kSeed = "seed";
  static constexpr const char* kIteration = "iteration";
  static constexpr const char* kChunking = "chunking";
  static constexpr const char* kGroups = "groups";
  static constexpr const char* kTierRouter = "tier_router";
  static constexpr const char* kTrace = "trace";
  static constexpr const char* kClasses = "classes";
  static constexpr const char* kScenario = "scenario";

  explicit ScenarioEditor(EngineBridge* bridge, QWidget* parent = nullptr);

  // Checks the fields; when all are valid sets the bridge's scenario and returns true.
  bool apply();
  void revert();
  // The problem shown next to field `key`, empty when none.
  QString fieldError(const QString& key) const;

  ClassArrivalModel* arrivalModel() const { return arrivals_; }
  QLineEdit* durationEdit() const { return duration_; }
  QLineEdit* seedEdit() const { return seed_; }
  QComboBox* executorCombo() const { return executor_; }
  QLineEdit* iterationEdit() const { return iterationMs_; }
  PoolGroupModel* groupModel() const { return groups_; }
  QTableView* groupsView() const { return groupsView_; }
  QPushButton* addGroupButton() const { return addGroup_; }
  QPushButton* removeGroupButton() const { return removeGroup_; }
  // Items: greedy, random, one static item per group, learned (its file in policyPathEdit()).
  QComboBox* tierRouterCombo() const { return tierRouter_; }
  QLineEdit* policyPathEdit() const { return policyPath_; }
  // Whether the tier router row is shown (two groups or more).
  bool tierRouterShown() const;
  // Chooses a tier router by its text ("greedy", "random", "static:GROUP", "learned:FILE"); false when
  // the text names none of the combo's items.
  bool setTierRouterText(const QString& text);
  QComboBox* policyCombo() const { return policy_; }
  QLineEdit* chunkingEdit() const { return chunking_; }
  QCheckBox* relegationCheck() const { return relegation_; }
  QRadioButton* traceRadio() const { return fromTrace_; }
  QRadioButton* classArrivalsRadio() const { return fromClasses_; }
  QLineEdit* tracePathEdit() const { return tracePath_; }
  QComboBox* traceFormatCombo() const { return traceFormat_; }
  QPushButton* applyButton() const { return apply_; }

 signals:
  void applied();

 private:
  QWidget* withError(QWidget* field, const char* key);
  void setError(const char* key, const QString& text);
  void clearErrors();
  void load(const engine::Scenario& scenario);
  void browseTrace();
  void browsePolicy();
  void addGroup();
  void removeGroup();
  void refreshTierChoices();
  QString tierRouterText() const;
  void updateEnabled();

  EngineBridge* bridge_;
  ClassArrivalModel* arrivals_;
  QMap<QString, QLabel*> errors_;

  QLineEdit* duration_;
  QLineEdit* seed_;
  QComboBox* executor_;
  QLineEdit* iterationMs_;
  PoolGroupModel* groups_;
  QTableView* groupsView_;
  QPushButton* addGroup_;
  QPushButton* removeGroup_;
  QComboBox* tierRouter_;
  QLineEdit* policyPath_;
  QPushButton* browsePolicy_;
  QWidget* tierRow_;
  QFormLayout* poolForm_;
  QComboBox* policy_;
  QLineEdit* chunking_;
  QCheckBox* relegation_;
  QRadioButton* fromClasses_;
  QRadioButton* fromTrace_;
  QLineEdit* tracePath_;
  QPushButton* browse_;
  QComboBox* traceFormat_;
  QTableView* table_;
  QPushButton* apply_;
  QPushButton* revert_;
};

}  // namespace headroom::ui
