#pragma once

#include <QAbstractTableModel>

#include <vector>

#include "engine/instance/instance.h"
#include "engine/sim/replay_runner.h"

namespace headroom::ui {

// The pool's instances as a read-only table: state, utilisation (share of the recent virtual time spent
// running iterations), KV-cache use, queue depth (waiting + relegated), running requests, last batch size
// and tokens, iterations. update() takes each new RunnerView; rows change only when the pool does.
// UI thread only.
class PoolTableModel : public QAbstractTableModel {
  Q_OBJECT

 public:
  enum Column : int { Instance, State, Utilisation, KvUse, QueueDepth, Running, BatchSize, BatchTokens, Iterations,
                      ColumnCount };

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
  // Utilisation of row `row`, 0..1.
  double utilisation(int row) const;

 private:
  struct Row {
    engine::InstanceStatus status;
    double utilisation = 0.0;
  };

  std::vector<Row> rows_;
  double lastSimulatedS_ = 0.0;
};

}  // namespace headroom::ui
