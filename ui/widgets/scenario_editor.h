#pragma once

#include <QMap>
#include <QString>
#include <QWidget>

#include "engine/workload/scenario.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;
class QSpinBox;
class QTableView;

namespace headroom::ui {

class ClassArrivalModel;
class EngineBridge;

// Edits the bridge's scenario beyond its classes' SLOs: how long it runs and its seed; the workload
// (per class: arrival process, rate and phases; or a trace file in the Azure, BurstGPT or Headroom CSV
// format with a class mix); the model and hardware (from resources/models and resources/hardware) or a
// constant iteration time; the pool size and router; the scheduler's policy, chunking and relegation.
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
  static constexpr const char* kRouter = "router";
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
  QComboBox* modelCombo() const { return model_; }
  QComboBox* hardwareCombo() const { return hardware_; }
  QLineEdit* iterationEdit() const { return iterationMs_; }
  QSpinBox* instancesSpin() const { return instances_; }
  QComboBox* routerCombo() const { return router_; }
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
  void updateEnabled();

  EngineBridge* bridge_;
  ClassArrivalModel* arrivals_;
  QMap<QString, QLabel*> errors_;

  QLineEdit* duration_;
  QLineEdit* seed_;
  QComboBox* executor_;
  QComboBox* model_;
  QComboBox* hardware_;
  QLineEdit* iterationMs_;
  QSpinBox* instances_;
  QComboBox* router_;
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
