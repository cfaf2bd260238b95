#pragma once

#include <QAbstractTableModel>

#include "ui/report/run_comparison.h"

namespace headroom::ui {

// Two runs side by side per class (a RunComparison): attainment, goodput and the watched latency
// percentile of each run, each followed by the difference b - a, coloured green where b is better
// (higher attainment or goodput, lower latency) and red where it is worse. The last row, in bold, is
// all classes together (when there is any class). Read-only; UI thread only.
class RunComparisonModel : public QAbstractTableModel {
  Q_OBJECT

 public:
  enum Column : int { Class, Watched, AttainmentA, AttainmentB, AttainmentDelta, GoodputA, GoodputB, GoodputDelta,
                      LatencyA, LatencyB, LatencyDelta, ColumnCount };

  explicit RunComparisonModel(QObject* parent = nullptr);

  void setComparison(RunComparison comparison);
  const RunComparison& comparison() const { return comparison_; }
  // The row of all classes together; -1 when the comparison has no class.
  int allClassesRow() const;

  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

 private:
  RunComparison comparison_;
};

}  // namespace headroom::ui
