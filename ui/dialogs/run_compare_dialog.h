#pragma once

#include <QDialog>

#include "engine/store/run_record.h"

class QLabel;
class QTableView;

namespace headroom::ui {

class RunComparisonModel;

// Two stored runs side by side per class: attainment, goodput and the watched latency percentile of
// each, with the difference (b - a), and a row for all classes together; above them, what changed in the
// settings from a to b. Run a is the one to compare against (the earlier run). Holds its own copy of the
// comparison; UI thread only.
class RunCompareDialog : public QDialog {
  Q_OBJECT

 public:
  RunCompareDialog(const engine::RunRecord& a, const engine::RunRecord& b, QWidget* parent = nullptr);

  RunComparisonModel* model() const { return model_; }
  QTableView* view() const { return view_; }
  QString headingText() const;
  // "Same settings" or one line per changed setting: "label: value a → value b".
  QString changesText() const;

 private:
  RunComparisonModel* model_;
  QTableView* view_;
  QLabel* heading_;
  QLabel* changes_;
};

}  // namespace headroom::ui
