#pragma once

#include <QAbstractTableModel>
#include <QString>

#include <optional>
#include <vector>

#include "engine/workload/scenario.h"

namespace headroom::ui {

// Rate phases as one line of text: comma-separated "START=RATE" steps and "START-END=RATE" ramps,
// seconds and requests per second, e.g. "120=8, 300-360=2". parsePhases() reads the text and applies the
// engine's arrival rules (checkArrivalSpec: sorted starts, a ramp's end after its start, no phase inside a
// ramp, rates >= 0); on failure it returns nullopt and sets *error (translated).
std::optional<std::vector<engine::RatePhase>> parsePhases(const QString& text, QString* error);
QString phasesText(const std::vector<engine::RatePhase>& phases);

// The scenario editor's per-class workload table: arrival process, base rate (requests per second),
// burstiness (gamma's coefficient of variation), rate phases, and each class's share of a trace's
// requests (formats without a class column). Class names are read-only here (the classes table edits
// them). Every edit is validated per cell; a rejected edit leaves the row unchanged, lastError() says
// why and editRejected() fires. UI thread only.
class ClassArrivalModel : public QAbstractTableModel {
  Q_OBJECT

 public:
  enum Column : int { Class, Process, Rate, Cv, Phases, TraceShare, ColumnCount };

  explicit ClassArrivalModel(QObject* parent = nullptr);

  // Takes the classes' arrivals and, when the scenario has a trace with a class mix, their shares.
  void setScenario(const engine::Scenario& scenario);
  // Follows class edits made elsewhere: with other classes it reloads; with the same classes, rows not
  // edited here since the last load take the scenario's arrivals, edited rows keep their edits.
  void followClasses(const engine::Scenario& scenario);
  const std::vector<engine::ArrivalSpec>& arrivals() const { return arrivals_; }
  const std::vector<double>& traceShares() const { return shares_; }
  const std::vector<QString>& classNames() const { return names_; }

  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
  Qt::ItemFlags flags(const QModelIndex& index) const override;
  bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;

  QString lastError() const { return lastError_; }

 signals:
  void editRejected(int row, int column, const QString& reason);

 private:
  bool reject(int row, int column, const QString& reason);

  std::vector<QString> names_;
  std::vector<engine::ArrivalSpec> arrivals_;
  std::vector<engine::ArrivalSpec> loaded_;  // as last loaded, to tell edited rows apart
  std::vector<double> shares_;
  QString lastError_;
};

QString arrivalKindText(engine::ArrivalKind kind);

}  // namespace headroom::ui
