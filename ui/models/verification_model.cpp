#include "ui/models/verification_model.h"

#include <QBrush>
#include <QColor>
#include <QLocale>

#include "ui/models/plan_comparison_model.h"
#include "ui/report/report_text.h"

namespace headroom::ui {

VerificationModel::VerificationModel(QObject* parent) : QAbstractTableModel(parent) {}

void VerificationModel::setVerification(const solver::Verification& verification) {
  beginResetModel();
  verification_ = verification;
  endResetModel();
}

void VerificationModel::clear() {
  beginResetModel();
  verification_ = {};
  endResetModel();
}

int VerificationModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(verification_.classes.size());
}

int VerificationModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant VerificationModel::data(const QModelIndex& index, int role) const {
  if (!index.isValid() || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
    return {};
  }
  const solver::ClassVerification& item = verification_.classes[static_cast<std::size_t>(index.row())];
  const auto seconds = [](const std::optional<double>& value) -> QVariant {
    return value ? secondsText(*value) : QStringLiteral("—");
  };
  if (role == Qt::DisplayRole) {
    switch (index.column()) {
      case Class:
        return tr("%1 (p%2 %3)").arg(QString::fromStdString(item.name), QLocale().toString(item.percentile),
                                     metricText(item.metric));
      case Bound: return secondsText(item.boundS);
      case Predicted: return seconds(item.predictedS);
      case Measured: return seconds(item.replayedS);
      case Result:
        if (!item.replayedS) return tr("no requests completed");
        return item.held ? tr("held") : tr("missed by %1").arg(secondsText(item.missedByS));
      default: return {};
    }
  }
  if (role == Qt::ForegroundRole && (index.column() == Result || index.column() == Measured) && item.replayedS) {
    return QBrush(item.held ? QColor(0x2e, 0x7d, 0x32) : QColor(0xc6, 0x28, 0x28));
  }
  if (role == Qt::TextAlignmentRole && index.column() != Class) return int(Qt::AlignRight | Qt::AlignVCenter);
  return {};
}

QVariant VerificationModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (role != Qt::DisplayRole || orientation != Qt::Horizontal) return {};
  switch (section) {
    case Class: return tr("Class");
    case Bound: return tr("Bound");
    case Predicted: return tr("Predicted");
    case Measured: return tr("Measured in replay");
    case Result: return tr("Result");
    default: return {};
  }
}

}  // namespace headroom::ui
