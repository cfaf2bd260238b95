#include "ui/models/pool_table_model.h"

#include <QBrush>
#include <QColor>
#include <QLocale>

#include <algorithm>

namespace headroom::ui {

namespace {

// Utilisation is measured over at least this much virtual time so that it does not flicker at 1x.
constexpr double kMinUtilisationSpanS = 1.0;

bool active(const engine::InstanceStatus& status) { return status.busy || status.holdsWork(); }

double fillOf(const engine::InstanceStatus& status) {
  if (!active(status) || status.tokenBudget <= 0) return 0.0;
  return std::clamp(static_cast<double>(status.lastBatchTokens) / status.tokenBudget, 0.0, 1.0);
}

}  // namespace

PoolTableModel::PoolTableModel(QObject* parent) : QAbstractTableModel(parent) {}

void PoolTableModel::clear() {
  if (rows_.empty()) return;
  beginResetModel();
  rows_.clear();
  groupNames_.clear();
  lastSimulatedS_ = 0.0;
  endResetModel();
}

void PoolTableModel::update(const engine::RunnerView& view) {
  const auto& instances = view.instances;
  const std::vector<std::string> noGroups;
  const auto& groupNames = view.metrics ? view.metrics->groupNames : noGroups;
  bool sameInstances = instances.size() == rows_.size() && groupNames == groupNames_;
  for (std::size_t i = 0; sameInstances && i < rows_.size(); ++i) sameInstances = rows_[i].status.id == instances[i].id;
  if (!sameInstances || view.simulatedS < lastSimulatedS_) {
    beginResetModel();
    rows_.clear();
    groupNames_ = groupNames;
    for (const auto& status : instances) {
      Row row;
      row.status = status;
      row.utilisation = view.simulatedS > 0.0
                            ? std::clamp(engine::toSeconds(status.busyTime) / view.simulatedS, 0.0, 1.0)
                            : 0.0;
      rows_.push_back(row);
    }
    lastSimulatedS_ = view.simulatedS;
    endResetModel();
    return;
  }
  const double spanS = view.simulatedS - lastSimulatedS_;
  const bool remeasure = spanS >= kMinUtilisationSpanS;
  for (std::size_t i = 0; i < rows_.size(); ++i) {
    auto& row = rows_[i];
    if (remeasure) {
      const double busyS = engine::toSeconds(instances[i].busyTime - row.status.busyTime);
      row.utilisation = std::clamp(busyS / spanS, 0.0, 1.0);
      row.status = instances[i];
    } else {
      const auto busyTime = row.status.busyTime;
      row.status = instances[i];
      row.status.busyTime = busyTime;  // keep the start of the utilisation span
    }
  }
  if (remeasure) lastSimulatedS_ = view.simulatedS;
  if (view.state == engine::RunnerState::Finished) {
    // No more time passes: what holds no work now is idle, not as busy as it was in the last span.
    for (auto& row : rows_) {
      if (!active(row.status)) row.utilisation = 0.0;
    }
  }
  if (!rows_.empty()) emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1), {Qt::DisplayRole});
}

int PoolTableModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

int PoolTableModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

int PoolTableModel::instanceId(int row) const {
  return row >= 0 && row < rowCount() ? rows_[static_cast<std::size_t>(row)].status.id : -1;
}

bool PoolTableModel::draining(int row) const {
  return row >= 0 && row < rowCount() && rows_[static_cast<std::size_t>(row)].status.draining;
}

int PoolTableModel::groupOf(int row) const {
  return row >= 0 && row < rowCount() ? static_cast<int>(rows_[static_cast<std::size_t>(row)].status.group) : -1;
}

QString PoolTableModel::groupName(int row) const {
  if (row < 0 || row >= rowCount()) return {};
  const std::size_t group = rows_[static_cast<std::size_t>(row)].status.group;
  return group < groupNames_.size() ? QString::fromStdString(groupNames_[group]) : QString();
}

double PoolTableModel::utilisation(int row) const {
  return row >= 0 && row < rowCount() ? rows_[static_cast<std::size_t>(row)].utilisation : 0.0;
}

double PoolTableModel::batchFill(int row) const {
  return row >= 0 && row < rowCount() ? fillOf(rows_[static_cast<std::size_t>(row)].status) : 0.0;
}

QVariant PoolTableModel::data(const QModelIndex& index, int role) const {
  if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) return {};
  const auto& row = rows_[static_cast<std::size_t>(index.row())];
  const auto& status = row.status;
  const QLocale locale;
  if (role == Qt::DisplayRole) {
    switch (index.column()) {
      case Instance: return tr("instance %1").arg(status.id);
      case Group: return groupName(index.row());
      case State:
        if (status.draining) return tr("draining");
        return active(status) ? tr("running") : tr("idle");
      case BatchFill:
        if (status.tokenBudget <= 0) return tr("—");
        return tr("%1 %").arg(locale.toString(fillOf(status) * 100.0, 'f', 0));
      case KvUse: return tr("%1 %").arg(locale.toString(status.kvUsedFraction * 100.0, 'f', 0));
      case QueuedWork: return tr("%1 s").arg(locale.toString(engine::toSeconds(status.queuedPrefill), 'f', 1));
      case QueueDepth: return locale.toString(status.load.waiting + status.load.relegated);
      case Running: return locale.toString(status.load.prefilling + status.load.decoding);
      case BatchSize: return locale.toString(active(status) ? status.lastBatchSize : 0);
      case BatchTokens: return locale.toString(active(status) ? status.lastBatchTokens : 0);
      case Utilisation: return tr("%1 %").arg(locale.toString(row.utilisation * 100.0, 'f', 0));
      case Iterations: return locale.toString(static_cast<qlonglong>(status.iterations));
      default: return {};
    }
  }
  if (role == Qt::TextAlignmentRole && index.column() >= BatchFill) return QVariant(Qt::AlignRight | Qt::AlignVCenter);
  if (role == Qt::ToolTipRole && index.column() == QueueDepth) {
    return tr("%1 waiting, %2 relegated").arg(status.load.waiting).arg(status.load.relegated);
  }
  if (role == Qt::ToolTipRole && index.column() == BatchFill && status.tokenBudget > 0) {
    return tr("%1 of %2 tokens in the last iteration")
        .arg(locale.toString(active(status) ? status.lastBatchTokens : 0), locale.toString(status.tokenBudget));
  }
  if (role == Qt::ForegroundRole && index.column() == KvUse && status.kvUsedFraction > 0.9) {
    return QBrush(QColor(0xc6, 0x28, 0x28));
  }
  return {};
}

QVariant PoolTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation == Qt::Horizontal && role == Qt::ToolTipRole) {
    switch (section) {
      case Group: return tr("The pool group (one model on one hardware) the instance belongs to");
      case BatchFill: return tr("Tokens of the last iteration against the most one iteration may hold: spare room per batch");
      case KvUse: return tr("Share of the KV cache in use");
      case QueuedWork: return tr("Prompt tokens not yet computed, in seconds at this instance's recent prefill rate");
      case QueueDepth: return tr("Requests waiting to start (waiting + relegated)");
      case Utilisation:
        return tr("Share of the recent time spent running iterations; a few decodes keep an instance busy, so "
                  "this does not show spare capacity");
      default: return {};
    }
  }
  if (role != Qt::DisplayRole) return QAbstractTableModel::headerData(section, orientation, role);
  if (orientation == Qt::Vertical) return section + 1;
  switch (section) {
    case Instance: return tr("Instance");
    case Group: return tr("Group");
    case State: return tr("State");
    case BatchFill: return tr("Batch fill");
    case KvUse: return tr("KV cache");
    case QueuedWork: return tr("Queued work");
    case Utilisation: return tr("Busy");
    case QueueDepth: return tr("Queue");
    case Running: return tr("Running");
    case BatchSize: return tr("Batch size");
    case BatchTokens: return tr("Batch tokens");
    case Iterations: return tr("Iterations");
    default: return {};
  }
}

}  // namespace headroom::ui
