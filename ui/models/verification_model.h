#pragma once

#include <QAbstractTableModel>

#include "solver/planning_scenario.h"

namespace headroom::ui {

// A plan's verification replay, read-only, one row per class: bound, what the curves predicted, what the
// replay measured (the class's watched percentile of its bound's metric, seconds) and whether the bound
// held. UI thread only.
class VerificationModel : public QAbstractTableModel {
  Q_OBJECT

 public:
  enum Column : int { Class, Bound, Predicted, Measured, Result, ColumnCount };

  explicit VerificationModel(QObject* parent = nullptr);

  void setVerification(const solver::Verification& verification);
  void clear();
  const solver::Verification& verification() const { return verification_; }

  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

 private:
  solver::Verification verification_;
};

}  // namespace headroom::ui
