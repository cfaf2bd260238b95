#include "ui/models/run_comparison_model.h"

#include <QBrush>
#include <QColor>
#include <QFont>

#include <cmath>
#include <utility>

#include "ui/report/report_text.h"

namespace headroom::ui {

namespace {

const QColor kBetter(0x2e, 0x7d, 0x32);
const QColor kWorse(0xc6, 0x28, 0x28);

// Changes smaller than these are shown without colour.
constexpr double kShareEpsilon = 1e-9;
constexpr double kRateEpsilonPerS = 1e-9;
constexpr double kLatencyEpsilonS = 1e-6;

QVariant deltaColour(const std::optional<double>& delta, double epsilon, bool higherIsBetter) {
  if (!delta || std::abs(*delta) <= epsilon) return {};
  const bool better = higherIsBetter ? *delta > 0.0 : *delta < 0.0;
  return QBrush(better ? kBetter : kWorse);
}

}  // namespace

RunComparisonModel::RunComparisonModel(QObject* parent) : QAbstractTableModel(parent) {}

void RunComparisonModel::setComparison(RunComparison comparison) {
  beginResetModel();
  comparison_ = std::move(comparison);
  endResetModel();
}

int RunComparisonModel::allClassesRow() const {
  return comparison_.classes.empty() ? -1 : static_cast<int>(comparison_.classes.size());
}

int RunComparisonModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : allClassesRow() + 1;
}

int RunComparisonModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant RunComparisonModel::data(const QModelIndex& index, int role) const {
  if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) return {};
  const bool all = index.row() == allClassesRow();
  const auto& row = all ? comparison_.allClasses : comparison_.classes[static_cast<std::size_t>(index.row())];
  if (role == Qt::FontRole && all) {
    QFont bold;
    bold.setBold(true);
    return bold;
  }
  if (role == Qt::ToolTipRole && all && index.column() <= Watched) {
    return tr("Every request of the run: attainment and goodput over all classes; the classes watch different "
              "latencies, so there is none to compare here");
  }
  if (role == Qt::DisplayRole) {
    switch (index.column()) {
      case Class: return all ? tr("All classes") : QString::fromStdString(row.name);
      case Watched: return all ? QStringLiteral("—") : watchedText(row.metric, row.percentile);
      case AttainmentA: return percentText(row.attainmentA);
      case AttainmentB: return percentText(row.attainmentB);
      case AttainmentDelta: return percentPointsText(row.attainmentDelta());
      case GoodputA: return rateText(row.goodputPerSA);
      case GoodputB: return rateText(row.goodputPerSB);
      case GoodputDelta: return rateText(row.goodputDeltaPerS(), true);
      case LatencyA: return latencyText(row.watchedSA);
      case LatencyB: return latencyText(row.watchedSB);
      case LatencyDelta: return latencyDeltaText(row.watchedDeltaS());
      default: return {};
    }
  }
  if (role == Qt::TextAlignmentRole && index.column() >= AttainmentA) return QVariant(Qt::AlignRight | Qt::AlignVCenter);
  if (role == Qt::ForegroundRole) {
    switch (index.column()) {
      case AttainmentDelta: return deltaColour(row.attainmentDelta(), kShareEpsilon, true);
      case GoodputDelta: return deltaColour(row.goodputDeltaPerS(), kRateEpsilonPerS, true);
      case LatencyDelta: return deltaColour(row.watchedDeltaS(), kLatencyEpsilonS, false);
      default: return {};
    }
  }
  return {};
}

QVariant RunComparisonModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation == Qt::Vertical) return QAbstractTableModel::headerData(section, orientation, role);
  const QString a = QString::fromStdString(comparison_.a.name);
  const QString b = QString::fromStdString(comparison_.b.name);
  if (role == Qt::ToolTipRole) {
    switch (section) {
      case AttainmentA: case GoodputA: case LatencyA: return tr("Run a: %1 (id %2)").arg(a).arg(comparison_.a.id);
      case AttainmentB: case GoodputB: case LatencyB: return tr("Run b: %1 (id %2)").arg(b).arg(comparison_.b.id);
      case AttainmentDelta: case GoodputDelta: case LatencyDelta: return tr("Run b minus run a");
      case Watched: return tr("The latency the class is judged on, at its SLO percentile");
      default: return {};
    }
  }
  if (role != Qt::DisplayRole) return QAbstractTableModel::headerData(section, orientation, role);
  switch (section) {
    case Class: return tr("Class");
    case Watched: return tr("Watched");
    case AttainmentA: return tr("Attainment a");
    case AttainmentB: return tr("Attainment b");
    case AttainmentDelta: return tr("Δ attainment");
    case GoodputA: return tr("Goodput a");
    case GoodputB: return tr("Goodput b");
    case GoodputDelta: return tr("Δ goodput");
    case LatencyA: return tr("Latency a");
    case LatencyB: return tr("Latency b");
    case LatencyDelta: return tr("Δ latency");
    default: return {};
  }
}

}  // namespace headroom::ui
