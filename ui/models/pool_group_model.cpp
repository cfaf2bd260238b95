#include "ui/models/pool_group_model.h"

#include "ui/models/rule_text.h"

#include <QLocale>

#include <algorithm>
#include <array>

namespace headroom::ui {

namespace {

constexpr std::array<engine::RouterKind, 4> kRouters = {engine::RouterKind::RoundRobin, engine::RouterKind::LeastLoaded,
                                                        engine::RouterKind::ClassPriority, engine::RouterKind::Weighted};

std::optional<engine::RouterKind> routerFromValue(const QVariant& value) {
  const QString text = value.toString().trimmed();
  for (const auto kind : kRouters) {
    if (text.compare(PoolGroupModel::routerText(kind), Qt::CaseInsensitive) == 0 ||
        text.compare(QString::fromLatin1(engine::toString(kind).data()), Qt::CaseInsensitive) == 0) {
      return kind;
    }
  }
  return std::nullopt;
}

std::optional<int> wholeNumber(const QVariant& value) {
  bool ok = false;
  const int number = QLocale().toInt(value.toString().trimmed(), &ok);
  if (ok) return number;
  const int plain = value.toString().trimmed().toInt(&ok);
  return ok ? std::optional(plain) : std::nullopt;
}

}  // namespace

PoolGroupModel::PoolGroupModel(QStringList models, QStringList hardware, QObject* parent)
    : QAbstractTableModel(parent), models_(std::move(models)), hardware_(std::move(hardware)) {}

QString PoolGroupModel::routerText(engine::RouterKind kind) {
  switch (kind) {
    case engine::RouterKind::RoundRobin: return tr("Round robin");
    case engine::RouterKind::LeastLoaded: return tr("Least loaded");
    case engine::RouterKind::ClassPriority: return tr("Class priority");
    case engine::RouterKind::Weighted: return tr("Weighted (plan shares)");
  }
  return {};
}

void PoolGroupModel::setGroups(const std::vector<engine::PoolGroup>& groups) {
  beginResetModel();
  groups_ = groups;
  lastError_.clear();
  endResetModel();
}

void PoolGroupModel::setConstantExecutor(bool constant) {
  if (constant_ == constant) return;
  constant_ = constant;
  if (!constant) {
    // Back to a model: a group that had none starts on the first one offered, as a combo box would.
    for (auto& group : groups_) {
      if (group.executor.model.empty() && !models_.isEmpty()) group.executor.model = models_.front().toStdString();
      if (group.executor.hardware.empty() && !hardware_.isEmpty()) {
        group.executor.hardware = hardware_.front().toStdString();
      }
    }
  }
  if (!groups_.empty()) emit dataChanged(index(0, Model), index(rowCount() - 1, TensorParallel));
}

int PoolGroupModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(groups_.size());
}

int PoolGroupModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant PoolGroupModel::data(const QModelIndex& index, int role) const {
  if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) return {};
  const auto& group = groups_[static_cast<std::size_t>(index.row())];
  const int column = index.column();
  const bool modelCell = column == Model || column == Hardware || column == TensorParallel;
  if (role == Qt::DisplayRole || role == Qt::EditRole) {
    if (constant_ && modelCell) return role == Qt::EditRole ? QVariant(QString()) : QVariant(tr("—"));
    switch (column) {
      case Name: return QString::fromStdString(group.name);
      case Model: return QString::fromStdString(group.executor.model);
      case Hardware: return QString::fromStdString(group.executor.hardware);
      case TensorParallel:
        if (role == Qt::EditRole) return group.executor.tensorParallel;
        return group.executor.tensorParallel > 0 ? QVariant(group.executor.tensorParallel) : QVariant(tr("default"));
      case Instances: return group.pool.instances;
      case Router: return routerText(group.pool.router);
      default: return {};
    }
  }
  if (role == kChoicesRole && !constant_) {
    if (column == Model) return models_;
    if (column == Hardware) return hardware_;
  }
  if (role == kChoicesRole && column == Router) {
    QStringList names;
    for (const auto kind : kRouters) names << routerText(kind);
    return names;
  }
  if (role == Qt::TextAlignmentRole && (column == TensorParallel || column == Instances)) {
    return QVariant(Qt::AlignRight | Qt::AlignVCenter);
  }
  if (role == Qt::ToolTipRole) {
    switch (column) {
      case Name: return tr("Unique group name; tier routers and the model mix use it");
      case Model: return tr("The model every instance of the group serves (resources/models)");
      case Hardware: return tr("The hardware each instance runs on (resources/hardware)");
      case TensorParallel: return tr("GPUs per instance; 0 for the model file's default");
      case Instances: return tr("Instances in the group");
      case Router: return tr("How the group spreads its requests over its instances");
      default: return {};
    }
  }
  return {};
}

QVariant PoolGroupModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (role != Qt::DisplayRole) return QAbstractTableModel::headerData(section, orientation, role);
  if (orientation == Qt::Vertical) return section + 1;
  switch (section) {
    case Name: return tr("Group");
    case Model: return tr("Model");
    case Hardware: return tr("Hardware");
    case TensorParallel: return tr("Tensor parallel");
    case Instances: return tr("Instances");
    case Router: return tr("Instance router");
    default: return {};
  }
}

Qt::ItemFlags PoolGroupModel::flags(const QModelIndex& index) const {
  if (!index.isValid()) return Qt::NoItemFlags;
  Qt::ItemFlags flags = Qt::ItemIsSelectable | Qt::ItemIsEnabled;
  const int column = index.column();
  if (!(constant_ && (column == Model || column == Hardware || column == TensorParallel))) flags |= Qt::ItemIsEditable;
  return flags;
}

std::optional<QString> PoolGroupModel::validate(int row, int column, const QVariant& value) const {
  if (row < 0 || row >= rowCount()) return tr("No such group");
  const bool modelCell = column == Model || column == Hardware || column == TensorParallel;
  if (constant_ && modelCell) return tr("A constant iteration time has no model or hardware.");
  const QString text = value.toString().trimmed();
  switch (column) {
    case Name: {
      std::vector<std::string> others;
      for (std::size_t i = 0; i < groups_.size(); ++i) {
        if (static_cast<int>(i) != row) others.push_back(groups_[i].name);
      }
      if (const auto problem = engine::checkGroupName(text.toStdString(), others)) return RuleText::groupName(*problem, text);
      return std::nullopt;
    }
    case Model:
      if (!models_.contains(text) && text != QString::fromStdString(groups_[static_cast<std::size_t>(row)].executor.model)) {
        return tr("Choose one of the models: %1.").arg(models_.join(QStringLiteral(", ")));
      }
      return std::nullopt;
    case Hardware:
      if (!hardware_.contains(text) &&
          text != QString::fromStdString(groups_[static_cast<std::size_t>(row)].executor.hardware)) {
        return tr("Choose one of the hardware profiles: %1.").arg(hardware_.join(QStringLiteral(", ")));
      }
      return std::nullopt;
    case TensorParallel: {
      const auto degree = wholeNumber(value);
      if (!degree || *degree < 0) return tr("The tensor-parallel degree must be a whole number, 0 for the model's default.");
      return std::nullopt;
    }
    case Instances: {
      const auto instances = wholeNumber(value);
      if (!instances || *instances < 1 || *instances > kMaxInstances) {
        return tr("A group has from 1 to %1 instances.").arg(kMaxInstances);
      }
      return std::nullopt;
    }
    case Router:
      if (!routerFromValue(value)) return tr("The instance router must be round robin, least loaded, class priority or weighted.");
      return std::nullopt;
    default: return tr("No such column");
  }
}

bool PoolGroupModel::setData(const QModelIndex& index, const QVariant& value, int role) {
  if (role != Qt::EditRole || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
    return false;
  const int row = index.row();
  const int column = index.column();
  if (const auto reason = validate(row, column, value)) {
    lastError_ = *reason;
    emit editRejected(row, column, *reason);
    return false;
  }
  auto& group = groups_[static_cast<std::size_t>(row)];
  const QString text = value.toString().trimmed();
  QModelIndex last = index;
  switch (column) {
    case Name: group.name = text.toStdString(); break;
    case Model:
    case Hardware: {
      std::string& field = column == Model ? group.executor.model : group.executor.hardware;
      if (field != text.toStdString()) {
        field = text.toStdString();
        group.executor.tensorParallel = 0;  // the new model's (or hardware's) own default degree
        last = this->index(row, TensorParallel);
      }
      break;
    }
    case TensorParallel: group.executor.tensorParallel = *wholeNumber(value); break;
    case Instances: group.pool.instances = *wholeNumber(value); break;
    case Router: group.pool.router = *routerFromValue(value); break;
    default: return false;
  }
  lastError_.clear();
  emit dataChanged(index, last, {Qt::DisplayRole, Qt::EditRole});
  return true;
}

QString PoolGroupModel::uniqueName(const std::string& base) const {
  std::vector<std::string> names;
  for (const engine::PoolGroup& group : groups_) names.push_back(group.name);
  return QString::fromStdString(engine::uniqueGroupName(base, names));
}

bool PoolGroupModel::insertRows(int row, int count, const QModelIndex& parent) {
  if (parent.isValid() || row < 0 || row > rowCount() || count <= 0) return false;
  if (groups_.size() + static_cast<std::size_t>(count) > engine::kMaxPoolGroups) {
    lastError_ = tr("A pool holds at most %1 groups.").arg(engine::kMaxPoolGroups);
    emit editRejected(row, -1, lastError_);
    return false;
  }
  beginInsertRows(parent, row, row + count - 1);
  for (int i = 0; i < count; ++i) {
    engine::PoolGroup group;
    if (!groups_.empty()) group = groups_[static_cast<std::size_t>(row > 0 ? row - 1 : 0)];
    group.pool.instances = 1;
    group.pool.weights.clear();
    if (group.pool.router == engine::RouterKind::Weighted) group.pool.router = engine::RouterKind::RoundRobin;
    group.name = uniqueName(engine::defaultGroupName(group.executor)).toStdString();
    groups_.insert(groups_.begin() + row + i, std::move(group));
  }
  endInsertRows();
  return true;
}

bool PoolGroupModel::removeRows(int row, int count, const QModelIndex& parent) {
  if (parent.isValid() || row < 0 || count <= 0 || row + count > rowCount()) return false;
  if (count >= rowCount()) {
    lastError_ = tr("A pool needs at least one group.");
    emit editRejected(row, -1, lastError_);
    return false;
  }
  beginRemoveRows(parent, row, row + count - 1);
  groups_.erase(groups_.begin() + row, groups_.begin() + row + count);
  endRemoveRows();
  return true;
}

}  // namespace headroom::ui
