#pragma once

#include <QAbstractTableModel>

#include <optional>
#include <vector>

#include "solver/plan.h"
#include "solver/planning_input.h"

namespace headroom::ui {

// How a predicted (or measured) latency stands against its bound: within it with room to spare,
// within it but closer than kNearMissShare of it, or over it.
enum class BoundStanding { Compliant, NearMiss, Violated, Unknown };

inline constexpr double kNearMissShare = 0.9;

BoundStanding standing(std::optional<double> latencyS, double boundS);

// The planner's recommendation beside the FCFS and siloed baselines, read-only. Columns: the bound, then
// one per plan. Rows: status, instances, cost, then one per class with the plan's predicted latency
// (the class's watched percentile of its bound's metric, seconds), coloured by its BoundStanding.
// UI thread only.
class PlanComparisonModel : public QAbstractTableModel {
  Q_OBJECT

 public:
  enum Column : int { Bound, Recommended, Fcfs, Siloed, ColumnCount };
  enum Row : int { Status, Instances, Cost, FirstClass };
  // Qt::UserRole + this: the cell's BoundStanding as an int (class rows, plan columns).
  static constexpr int kStandingRole = Qt::UserRole + 1;

  explicit PlanComparisonModel(QObject* parent = nullptr);

  void setReport(const std::vector<solver::PlanningClass>& classes, const solver::PlanReport& report);
  void clear();
  bool hasReport() const { return !classes_.empty(); }

  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

 private:
  const solver::Plan& plan(int column) const;

  std::vector<solver::PlanningClass> classes_;
  solver::PlanReport report_;
};

QString statusText(solver::PlanStatus status);
QString secondsText(double seconds);

}  // namespace headroom::ui
