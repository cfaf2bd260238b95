#pragma once

#include <optional>
#include <vector>

#include "ui/bridge/remote_bridge.h"
#include "ui/models/live_table_model.h"

namespace headroom::ui {

// A router's measured arrival rates per class, as its last solve saw them, read-only: the short and
// long window averages, the rate it planned for (the larger of the two), and the rate the desired plan
// (the one the re-planner holds) was made for (summed over its modes), all in requests per second. The
// window lengths head the columns. setStale() greys every cell while the router does not answer. UI
// thread only.
class ReplanRateModel : public LiveTableModel {
  Q_OBJECT

 public:
  enum Column : int { Class, ShortWindow, LongWindow, Predicted, Planned, ColumnCount };
  // The cell's value in req/s as double; invalid where none is shown.
  static constexpr int kValueRole = Qt::UserRole;

  explicit ReplanRateModel(QObject* parent = nullptr);

  void setStatus(const ReplanStatusPtr& status);

  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

 private:
  struct Row {
    QString className;
    std::optional<serve::ClassRatesSeen> seen;  // none before the first solve
    double plannedPerS = 0.0;
  };
  std::vector<Row> rows_;
  double shortWindowS_ = 0.0;
  double longWindowS_ = 0.0;
};

}  // namespace headroom::ui
