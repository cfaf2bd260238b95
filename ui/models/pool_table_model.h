#pragma once

#include <QAbstractTableModel>

#include <vector>

#include "engine/instance/instance.h"
#include "engine/sim/replay_runner.h"

namespace headroom::ui {

// The pool's instances as a read-only table, led by what shows spare capacity: state (running while it
// holds any request, idle when it holds none), batch fill (the last iteration's tokens against the
// token budget), KV-cache use, queued work (prompt tokens not yet computed, in seconds at the instance's
// recent prefill rate); then queue depth (waiting + relegated), running requests, last batch size and
// tokens, busy share (of the recent time spent running iterations: a few decodes keep it at 100 %, so it
// says nothing of headroom) and iterations. An instance that holds no work reads idle with an empty
// batch, and when a replay has ended every such instance reads 0 % busy. update() takes each new
// RunnerView; rows change only when the pool does. With model tiers the group column names each
// instance's pool group (Snapshot::groupNames); without, it is empty and hasGroups() is false (the pool
// panel hides it). UI thread only.
class PoolTableModel : public QAbstractTableModel {
  Q_OBJECT

 public:
  enum Column : int { Instance, Group, State, BatchFill, KvUse, QueuedWork, QueueDepth, Running, BatchSize, BatchTokens,
                      Utilisation, Iterations, ColumnCount };

  explicit PoolTableModel(QObject* parent = nullptr);

  void update(const engine::RunnerView& view);
  void clear();

  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

  // The engine's id of the instance on row `row` (-1 for no such row), and whether it is draining.
  int instanceId(int row) const;
  bool draining(int row) const;
  // Whether the view names pool groups (a pool of model tiers).
  bool hasGroups() const { return !groupNames_.empty(); }
  // The pool group of the instance on row `row`: its index (-1 for no such row) and name (empty without
  // groups).
  int groupOf(int row) const;
  QString groupName(int row) const;
  // Busy share of row `row` over the recent span, 0..1.
  double utilisation(int row) const;
  // The last iteration's tokens against the token budget, 0..1; 0 while the instance holds no work.
  double batchFill(int row) const;

 private:
  struct Row {
    engine::InstanceStatus status;
    double utilisation = 0.0;
  };

  std::vector<Row> rows_;
  std::vector<std::string> groupNames_;
  double lastSimulatedS_ = 0.0;
};

}  // namespace headroom::ui
