#include "ui/models/plan_comparison_model.h"

#include <QBrush>
#include <QColor>
#include <QLocale>

#include "ui/report/report_text.h"

namespace headroom::ui {

BoundStanding standing(std::optional<double> latencyS, double boundS) {
  if (!latencyS || boundS <= 0.0) return BoundStanding::Unknown;
  if (*latencyS > boundS) return BoundStanding::Violated;
  if (*latencyS > kNearMissShare * boundS) return BoundStanding::NearMiss;
  return BoundStanding::Compliant;
}

QString statusText(solver::PlanStatus status) {
  switch (status) {
    case solver::PlanStatus::Optimal: return PlanComparisonModel::tr("optimal");
    case solver::PlanStatus::FeasibleWithGap: return PlanComparisonModel::tr("within the gap");
    case solver::PlanStatus::TimeLimit: return PlanComparisonModel::tr("time limit");
    case solver::PlanStatus::Infeasible: return PlanComparisonModel::tr("infeasible");
  }
  return {};
}

QString secondsText(double seconds) {
  const QLocale locale;
  if (seconds < 10.0) return PlanComparisonModel::tr("%1 s").arg(locale.toString(seconds, 'f', 2));
  return PlanComparisonModel::tr("%1 s").arg(locale.toString(seconds, 'f', 1));
}

namespace {

QColor standingColour(BoundStanding standing) {
  switch (standing) {
    case BoundStanding::Compliant: return QColor(0x2e, 0x7d, 0x32);
    case BoundStanding::NearMiss: return QColor(0xb2, 0x6a, 0x00);
    case BoundStanding::Violated: return QColor(0xc6, 0x28, 0x28);
    case BoundStanding::Unknown: break;
  }
  return {};
}

QString standingText(BoundStanding standing) {
  switch (standing) {
    case BoundStanding::Compliant: return PlanComparisonModel::tr("compliant");
    case BoundStanding::NearMiss: return PlanComparisonModel::tr("near miss");
    case BoundStanding::Violated: return PlanComparisonModel::tr("over the bound");
    case BoundStanding::Unknown: break;
  }
  return {};
}

}  // namespace

PlanComparisonModel::PlanComparisonModel(QObject* parent) : QAbstractTableModel(parent) {}

void PlanComparisonModel::setReport(const std::vector<solver::PlanningClass>& classes,
                                    const solver::PlanReport& report) {
  beginResetModel();
  classes_ = classes;
  report_ = report;
  endResetModel();
}

void PlanComparisonModel::clear() {
  beginResetModel();
  classes_.clear();
  report_ = {};
  endResetModel();
}

int PlanComparisonModel::rowCount(const QModelIndex& parent) const {
  if (parent.isValid() || classes_.empty()) return 0;
  return FirstClass + static_cast<int>(classes_.size());
}

int PlanComparisonModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

const solver::Plan& PlanComparisonModel::plan(int column) const {
  switch (column) {
    case Fcfs: return report_.fcfs;
    case Siloed: return report_.siloed;
    default: return report_.recommended;
  }
}

QVariant PlanComparisonModel::data(const QModelIndex& index, int role) const {
  if (!index.isValid() || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
    return {};
  }
  const int row = index.row();
  const int column = index.column();
  const QLocale locale;
  if (column == Bound) {
    if (row < FirstClass) return {};
    const auto& cls = classes_[static_cast<std::size_t>(row - FirstClass)];
    if (role == Qt::DisplayRole) return secondsText(cls.boundS);
    if (role == Qt::ToolTipRole) {
      return tr("p%1 %2 of class %3 must stay within %4")
          .arg(locale.toString(cls.percentile), metricText(cls.metric), QString::fromStdString(cls.name),
               secondsText(cls.boundS));
    }
    if (role == Qt::TextAlignmentRole) return int(Qt::AlignRight | Qt::AlignVCenter);
    return {};
  }
  const solver::Plan& p = plan(column);
  if (row == Status) {
    if (role == Qt::DisplayRole) return statusText(p.status);
    if (role == Qt::ToolTipRole && !p.explanation.empty()) return QString::fromStdString(p.explanation);
    return {};
  }
  if (row == Instances || row == Cost) {
    if (role == Qt::TextAlignmentRole) return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole) return {};
    if (!p.solutionFound) return QStringLiteral("—");
    return row == Instances ? locale.toString(p.instancesTotal) : locale.toString(p.cost, 'g', 4);
  }
  const std::size_t cls = static_cast<std::size_t>(row - FirstClass);
  const std::optional<double> predicted =
      p.solutionFound && cls < p.predictedLatencyS.size() ? p.predictedLatencyS[cls] : std::nullopt;
  const BoundStanding where = standing(predicted, classes_[cls].boundS);
  switch (role) {
    case Qt::DisplayRole:
      if (!predicted) return QStringLiteral("—");
      return tr("%1 (%2)").arg(secondsText(*predicted), standingText(where));
    case Qt::ForegroundRole:
      if (where == BoundStanding::Unknown) return {};
      return QBrush(standingColour(where));
    case Qt::ToolTipRole:
      if (!predicted) return tr("No prediction: the plan has no solution or the class no traffic");
      return tr("Predicted p%1 %2 %3 against a bound of %4")
          .arg(locale.toString(classes_[cls].percentile), metricText(classes_[cls].metric), secondsText(*predicted),
               secondsText(classes_[cls].boundS));
    case Qt::TextAlignmentRole: return int(Qt::AlignRight | Qt::AlignVCenter);
    case kStandingRole: return static_cast<int>(where);
    default: return {};
  }
}

QVariant PlanComparisonModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (role != Qt::DisplayRole) return {};
  if (orientation == Qt::Horizontal) {
    switch (section) {
      case Bound: return tr("Bound");
      case Recommended: return tr("Recommended (priority)");
      case Fcfs: return tr("FCFS baseline");
      case Siloed: return tr("Siloed baseline");
      default: return {};
    }
  }
  if (section < 0 || section >= rowCount()) return {};
  switch (section) {
    case Status: return tr("Status");
    case Instances: return tr("Instances");
    case Cost: return tr("Cost");
    default: {
      const auto& cls = classes_[static_cast<std::size_t>(section - FirstClass)];
      return tr("%1: p%2 %3").arg(QString::fromStdString(cls.name), QLocale().toString(cls.percentile),
                                 metricText(cls.metric));
    }
  }
}

}  // namespace headroom::ui
