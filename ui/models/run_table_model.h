#pragma once

#include <QAbstractTableModel>

#include <optional>
#include <vector>

#include "engine/store/run_record.h"

namespace headroom::ui {

// The workspace's stored runs as a read-only table, in the order given (the workspace lists newest
// first): id, name, scenario, start time, status, virtual time reached, overall SLO attainment, the pool's
// instances (its tooltip names the applied plan) and the ordering policy. setRuns() replaces the rows.
// UI thread only.
class RunTableModel : public QAbstractTableModel {
  Q_OBJECT

 public:
  enum Column : int { Id, Name, Scenario, Started, Status, VirtualTime, Attainment, Instances, Policy, ColumnCount };

  explicit RunTableModel(QObject* parent = nullptr);

  void setRuns(std::vector<engine::RunSummary> runs);
  const std::vector<engine::RunSummary>& runs() const { return runs_; }
  // The run shown in `row`; empty for a row outside the table.
  std::optional<engine::RunSummary> runAt(int row) const;
  // The row showing run `id`; -1 when it is not listed.
  int rowOf(engine::RunId id) const;

  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

 private:
  std::vector<engine::RunSummary> runs_;
};

}  // namespace headroom::ui
