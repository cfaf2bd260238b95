#pragma once

#include <QAbstractTableModel>
#include <QString>

#include <optional>
#include <vector>

#include "engine/workload/scenario.h"

namespace headroom::ui {

// A class's task mix as an operator types it: task names with their shares, e.g. "mmlu 0.6, gsm8k 0.4"
// (a share may follow a colon or an equals sign, a name without one has share 1; an empty text is the
// default mix, every request kDefaultTask). parseTaskMix() reads the syntax only, nullopt and *error for
// text it cannot read; the rules (names, positive shares) are engine::checkTaskMix's.
std::optional<std::vector<engine::TaskShare>> parseTaskMix(const QString& text, QString* error);
QString taskMixText(const std::vector<engine::TaskShare>& tasks);

// The QoS classes as an editable table: name, rank, importance, TTFT / TBT / TTLT bounds (seconds; an
// empty cell means no bound), watched percentile, base arrival rate (requests per second), and for model
// tiers the reward weight and the task mix ("mmlu 0.6, gsm8k 0.4"; empty for the default). Every edit
// is validated per cell; a rejected edit leaves the class unchanged and lastError() says why (also shown
// as the cell's tooltip until the next accepted edit). Rows can be added, removed and moved.
//
// The model holds whole ClassSpecs (QoS, arrival process, lengths) so that added classes replay with
// traffic; classesEdited() fires after every accepted change with the full list. UI thread only.
class ClassTableModel : public QAbstractTableModel {
  Q_OBJECT

 public:
  enum Column : int { Name, Rank, Importance, Ttft, Tbt, Ttlt, Percentile, Rate, RewardWeight, Tasks, ColumnCount };

  explicit ClassTableModel(QObject* parent = nullptr);

  // `ratesFromTrace`: arrivals come from a trace, so the rate column is read-only and shows no value.
  void setClassSpecs(const std::vector<engine::ClassSpec>& specs, bool ratesFromTrace = false);
  const std::vector<engine::ClassSpec>& classSpecs() const { return specs_; }

  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
  Qt::ItemFlags flags(const QModelIndex& index) const override;
  bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;
  bool insertRows(int row, int count, const QModelIndex& parent = {}) override;
  bool removeRows(int row, int count, const QModelIndex& parent = {}) override;
  bool moveRows(const QModelIndex& sourceParent, int sourceRow, int count, const QModelIndex& destinationParent,
                int destinationChild) override;

  // Why `value` cannot go into (row, column), in the UI language; nullopt when it can.
  std::optional<QString> validate(int row, int column, const QVariant& value) const;
  QString lastError() const { return lastError_; }

 signals:
  void classesEdited(const std::vector<engine::ClassSpec>& specs);
  // An edit was rejected; `reason` is translated.
  void editRejected(int row, int column, const QString& reason);

 private:
  // An empty cell (or a null value) clears a bound.
  static bool isEmptyBound(const QVariant& value);
  QString uniqueName() const;

  std::vector<engine::ClassSpec> specs_;
  bool ratesFromTrace_ = false;
  QString lastError_;
  int errorRow_ = -1;
  int errorColumn_ = -1;
};

}  // namespace headroom::ui
