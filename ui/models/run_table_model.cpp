#include "ui/models/run_table_model.h"

#include <QBrush>
#include <QColor>
#include <QLocale>

#include <utility>

#include "ui/report/report_text.h"

namespace headroom::ui {

RunTableModel::RunTableModel(QObject* parent) : QAbstractTableModel(parent) {}

void RunTableModel::setRuns(std::vector<engine::RunSummary> runs) {
  beginResetModel();
  runs_ = std::move(runs);
  endResetModel();
}

std::optional<engine::RunSummary> RunTableModel::runAt(int row) const {
  if (row < 0 || row >= rowCount()) return std::nullopt;
  return runs_[static_cast<std::size_t>(row)];
}

int RunTableModel::rowOf(engine::RunId id) const {
  for (std::size_t row = 0; row < runs_.size(); ++row) {
    if (runs_[row].id == id) return static_cast<int>(row);
  }
  return -1;
}

int RunTableModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(runs_.size());
}

int RunTableModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant RunTableModel::data(const QModelIndex& index, int role) const {
  if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) return {};
  const auto& run = runs_[static_cast<std::size_t>(index.row())];
  const QLocale locale;
  if (role == Qt::DisplayRole) {
    switch (index.column()) {
      case Id: return QString::number(run.id);
      case Name: return QString::fromStdString(run.name);
      case Scenario: return QString::fromStdString(run.scenarioName);
      case Started: return utcText(run.startedAtUtc);
      case Status: return runStatusText(run.status);
      case VirtualTime:
        return tr("%1 / %2 s").arg(locale.toString(run.simulatedS, 'f', 0), locale.toString(run.durationS, 'f', 0));
      case Attainment: return percentText(run.attainment);
      case Instances: return run.instances > 0 ? locale.toString(run.instances) : QStringLiteral("—");
      case Policy: return run.policy.empty() ? QStringLiteral("—") : QString::fromStdString(run.policy);
      default: return {};
    }
  }
  if (role == Qt::TextAlignmentRole && (index.column() == Id || index.column() == VirtualTime ||
                                        index.column() == Attainment || index.column() == Instances)) {
    return QVariant(Qt::AlignRight | Qt::AlignVCenter);
  }
  if (role == Qt::ForegroundRole && index.column() == Status &&
      (run.status == engine::RunStatus::Failed || run.status == engine::RunStatus::Interrupted)) {
    return QBrush(QColor(0xc6, 0x28, 0x28));
  }
  if (role == Qt::ToolTipRole && index.column() == Instances && run.planId) {
    return tr("Set by the applied plan %1").arg(*run.planId);
  }
  if (role == Qt::ToolTipRole && index.column() == Attainment) {
    return tr("Requests that met their SLO, of those completed, over all classes");
  }
  if (role == Qt::ToolTipRole && index.column() == Status && run.status == engine::RunStatus::Interrupted) {
    return tr("The process ended while this run was recording; it is kept up to its last saved sample.");
  }
  return {};
}

QVariant RunTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (role != Qt::DisplayRole) return QAbstractTableModel::headerData(section, orientation, role);
  if (orientation == Qt::Vertical) return section + 1;
  switch (section) {
    case Id: return tr("Id");
    case Name: return tr("Name");
    case Scenario: return tr("Scenario");
    case Started: return tr("Started");
    case Status: return tr("Status");
    case VirtualTime: return tr("Virtual time");
    case Attainment: return tr("Attainment");
    case Instances: return tr("Instances");
    case Policy: return tr("Policy");
    default: return {};
  }
}

}  // namespace headroom::ui
