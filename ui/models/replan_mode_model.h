#pragma once

#include <optional>
#include <vector>

#include "ui/bridge/remote_bridge.h"
#include "ui/models/live_table_model.h"

namespace headroom::ui {

// A router's re-planning status by mode, read-only: the instances of the plan the re-planner holds
// (desired: after its hysteresis and budget), those its last solve recommends ("—" before the first
// solve or when it found no plan), and the change between them. setStatus() takes each new status;
// setStale() greys every cell while the router does not answer. UI thread only.
class ReplanModeModel : public LiveTableModel {
  Q_OBJECT

 public:
  enum Column : int { Mode, Desired, Recommended, Change, ColumnCount };
  // The cell's value unformatted: instance counts and the change as int; invalid where none is shown.
  static constexpr int kValueRole = Qt::UserRole;

  explicit ReplanModeModel(QObject* parent = nullptr);

  void setStatus(const ReplanStatusPtr& status);

  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

 private:
  struct Row {
    QString mode;
    int desired = 0;
    std::optional<int> recommended;
  };
  std::vector<Row> rows_;
};

}  // namespace headroom::ui
