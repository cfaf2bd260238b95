#include "ui/models/replan_mode_model.h"

#include <algorithm>

#include <QBrush>
#include <QLocale>

namespace headroom::ui {

namespace {

int instancesOf(const serve::ReplanPlan& plan, const std::string& mode) {
  for (std::size_t m = 0; m < plan.modeNames.size() && m < plan.instancesPerMode.size(); ++m) {
    if (plan.modeNames[m] == mode) return plan.instancesPerMode[m];
  }
  return 0;
}

}  // namespace

ReplanModeModel::ReplanModeModel(QObject* parent) : LiveTableModel(parent) {}

void ReplanModeModel::setStatus(const ReplanStatusPtr& status) {
  std::vector<Row> rows;
  if (status) {
    std::vector<std::string> modes = status->current.modeNames;
    const serve::ReplanDecision* last = status->lastDecision ? &*status->lastDecision : nullptr;
    const bool recommends = last != nullptr && last->recommended.feasible;
    if (recommends) {
      for (const std::string& mode : last->recommended.modeNames) {
        if (std::find(modes.begin(), modes.end(), mode) == modes.end()) modes.push_back(mode);
      }
    }
    for (const std::string& mode : modes) {
      Row row{QString::fromStdString(mode), instancesOf(status->current, mode), std::nullopt};
      if (recommends) row.recommended = instancesOf(last->recommended, mode);
      rows.push_back(row);
    }
  }
  replaceRows(rows_, std::move(rows), [](const Row& a, const Row& b) { return a.mode == b.mode; });
}

int ReplanModeModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : static_cast<int>(rows_.size()); }

int ReplanModeModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant ReplanModeModel::data(const QModelIndex& index, int role) const {
  if (!index.isValid() || index.row() >= rowCount()) return {};
  const Row& row = rows_[static_cast<std::size_t>(index.row())];
  const std::optional<int> change = row.recommended ? std::optional<int>(*row.recommended - row.desired) : std::nullopt;
  if (role == kValueRole) {
    switch (index.column()) {
      case Desired: return row.desired;
      case Recommended: return row.recommended ? QVariant(*row.recommended) : QVariant();
      case Change: return change ? QVariant(*change) : QVariant();
      default: return {};
    }
  }
  if (role == Qt::TextAlignmentRole && index.column() != Mode) return QVariant(Qt::AlignRight | Qt::AlignVCenter);
  if (role == Qt::ForegroundRole) return staleForeground();
  if (role != Qt::DisplayRole) return {};
  const QLocale locale;
  switch (index.column()) {
    case Mode: return row.mode;
    case Desired: return locale.toString(row.desired);
    case Recommended: return row.recommended ? locale.toString(*row.recommended) : tr("—");
    case Change:
      if (!change) return tr("—");
      if (*change == 0) return tr("no change");
      return *change > 0 ? tr("+%1").arg(locale.toString(*change)) : tr("−%1").arg(locale.toString(-*change));
    default: return {};
  }
}

QVariant ReplanModeModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal) return {};
  if (role == Qt::ToolTipRole) {
    switch (section) {
      case Desired:
        return tr("Instances of the plan the re-planner holds after its hysteresis and budget: what the fleet "
                  "should run, and what KEDA follows (headroom_router_desired_instances)");
      case Recommended: return tr("Instances the last solve asks for at the measured rates, before the hysteresis and "
                                  "the budget (headroom_router_recommended_instances)");
      default: return {};
    }
  }
  if (role != Qt::DisplayRole) return {};
  switch (section) {
    case Mode: return tr("Mode");
    case Desired: return tr("Desired");
    case Recommended: return tr("Recommended");
    case Change: return tr("Change");
    default: return {};
  }
}

}  // namespace headroom::ui
