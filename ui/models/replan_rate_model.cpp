#include "ui/models/replan_rate_model.h"

#include <algorithm>

#include <QLocale>

namespace headroom::ui {

ReplanRateModel::ReplanRateModel(QObject* parent) : LiveTableModel(parent) {}

void ReplanRateModel::setStatus(const ReplanStatusPtr& status) {
  std::vector<Row> rows;
  if (status) {
    for (std::size_t cls = 0; cls < status->classNames.size(); ++cls) {
      Row row{QString::fromStdString(status->classNames[cls]), std::nullopt, 0.0};
      if (status->lastDecision && cls < status->lastDecision->rates.size()) row.seen = status->lastDecision->rates[cls];
      for (const std::vector<double>& byClass : status->current.ratePerSByMode) {
        if (cls < byClass.size()) row.plannedPerS += byClass[cls];
      }
      rows.push_back(row);
    }
  }
  const double shortS = status ? status->shortWindowS : 0.0;
  const double longS = status ? status->longWindowS : 0.0;
  if (shortS != shortWindowS_ || longS != longWindowS_) {
    shortWindowS_ = shortS;
    longWindowS_ = longS;
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
  }
  replaceRows(rows_, std::move(rows), [](const Row& a, const Row& b) { return a.className == b.className; });
}

int ReplanRateModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : static_cast<int>(rows_.size()); }

int ReplanRateModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant ReplanRateModel::data(const QModelIndex& index, int role) const {
  if (!index.isValid() || index.row() >= rowCount()) return {};
  const Row& row = rows_[static_cast<std::size_t>(index.row())];
  std::optional<double> value;
  switch (index.column()) {
    case ShortWindow: if (row.seen) value = row.seen->shortPerS; break;
    case LongWindow: if (row.seen) value = row.seen->longPerS; break;
    case Predicted: if (row.seen) value = row.seen->predictedPerS; break;
    case Planned: value = row.plannedPerS; break;
    default: break;
  }
  if (role == kValueRole) return value ? QVariant(*value) : QVariant();
  if (role == Qt::TextAlignmentRole && index.column() != Class) return QVariant(Qt::AlignRight | Qt::AlignVCenter);
  if (role == Qt::ForegroundRole) return staleForeground();
  if (role != Qt::DisplayRole) return {};
  if (index.column() == Class) return row.className;
  return value ? QLocale().toString(*value, 'f', 2) : tr("—");
}

QVariant ReplanRateModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal) return {};
  const QLocale locale;
  if (role == Qt::ToolTipRole) {
    switch (section) {
      case ShortWindow:
      case LongWindow: return tr("Arrivals at the router per second, a moving average over the window");
      case Predicted: return tr("The rate the last solve planned for: the larger of the two averages, so a short lull never shrinks the plan");
      case Planned: return tr("The rate the desired plan (the one the re-planner holds) was made for, summed over its modes");
      default: return {};
    }
  }
  if (role != Qt::DisplayRole) return {};
  switch (section) {
    case Class: return tr("Class");
    case ShortWindow: return tr("Measured, %1 s\n(req/s)").arg(locale.toString(shortWindowS_, 'g', 4));
    case LongWindow: return tr("Measured, %1 s\n(req/s)").arg(locale.toString(longWindowS_, 'g', 4));
    case Predicted: return tr("Planned for\n(req/s)");
    case Planned: return tr("Desired plan\n(req/s)");
    default: return {};
  }
}

}  // namespace headroom::ui
