#pragma once

#include <QAbstractTableModel>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

#include "engine/core/request.h"
#include "engine/workload/scenario.h"

namespace headroom::ui {

// A scenario's pool groups as an editable table (model tiers): name, model, hardware, tensor-parallel
// degree (0 = the model file's default), instances and instance router, one row per group. Every edit
// is validated per cell; a rejected edit leaves the group unchanged, editRejected() and lastError() say
// why. Rows can be added (up to engine::kMaxPoolGroups; a new group copies the last one under a new name)
// and removed (at least one stays). With a constant iteration time (setConstantExecutor) the model,
// hardware and tensor-parallel cells read "—" and are not editable; back to a modeled executor, a group
// without a model or hardware gets the first one offered. Cells with a fixed set of values
// give it in kChoicesRole (for ChoiceItemDelegate). UI thread only.
class PoolGroupModel : public QAbstractTableModel {
  Q_OBJECT

 public:
  enum Column : int { Name, Model, Hardware, TensorParallel, Instances, Router, ColumnCount };
  // A QStringList of the values a cell may take (model, hardware and router cells).
  static constexpr int kChoicesRole = Qt::UserRole + 1;
  static constexpr int kMaxInstances = 4096;

  // `models` and `hardware`: the names offered (resources/models and resources/hardware).
  PoolGroupModel(QStringList models, QStringList hardware, QObject* parent = nullptr);

  void setGroups(const std::vector<engine::PoolGroup>& groups);
  const std::vector<engine::PoolGroup>& groups() const { return groups_; }
  void setConstantExecutor(bool constant);
  bool constantExecutor() const { return constant_; }

  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
  Qt::ItemFlags flags(const QModelIndex& index) const override;
  bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;
  bool insertRows(int row, int count, const QModelIndex& parent = {}) override;
  bool removeRows(int row, int count, const QModelIndex& parent = {}) override;

  // Why `value` cannot go into (row, column), in the UI language; nullopt when it can.
  std::optional<QString> validate(int row, int column, const QVariant& value) const;
  QString lastError() const { return lastError_; }

  // The router's name in the UI language.
  static QString routerText(engine::RouterKind kind);

 signals:
  void editRejected(int row, int column, const QString& reason);

 private:
  QString uniqueName(const std::string& base) const;

  QStringList models_;
  QStringList hardware_;
  std::vector<engine::PoolGroup> groups_;
  bool constant_ = false;
  QString lastError_;
};

}  // namespace headroom::ui
